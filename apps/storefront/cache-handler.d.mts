/** Types for cache-handler.mjs (Next's `cacheHandler` for the storefront's page cache). */
export interface CacheContext {
  kind: "APP_PAGE" | "APP_ROUTE" | "PAGES" | "FETCH" | "IMAGE";
  [key: string]: unknown;
}

export default class StorefrontCacheHandler {
  constructor(options: { fs?: unknown; flushToDisk?: boolean; serverDistDir?: string; maxMemoryCacheSize?: number; revalidatedTags?: string[] });
  get(key: string, ctx: CacheContext): Promise<{ value: unknown; lastModified?: number } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
