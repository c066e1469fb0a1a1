// @ts-check
/**
 * The storefront's page cache (Next's `cacheHandler`): Next's own file-system cache, plus one fix and
 * one speed-up.
 *
 * The fix: Next stamps a stored page with the time it was *stored*, and treats it as fresh unless one of its
 * tags was expired after that time. A page whose render started before a seller's change (and read the
 * old data) but finished after the change's tags were expired was therefore kept as fresh, showing the
 * old data until its hourly refresh. Here a stored page remembers when the render that produced it
 * started (the cache lookup that missed or found it stale), and a tag expired after that moment makes
 * the page a miss, so it is rendered once more, from the new data.
 *
 * The speed-up: stored pages are kept with Latin-1 characters only, which read the same but are sent
 * several times cheaper (see latin1-html.mjs).
 *
 * Everything else (memory and disk storage, build-time pages, tag bookkeeping) is Next's. The state is
 * kept in module scope because Next creates a handler per request.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { latin1Page } from "./latin1-html.mjs";

/** @type {any} */
const loaded = fileSystemCacheModule;
/** @type {new (options: any) => { get(key: string, ctx: any): Promise<any>; set(key: string, data: any, ctx: any): Promise<void>; revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> }} */
const FileSystemCache = loaded.default ?? loaded;

const TAGS_HEADER = "x-next-cache-tags";
const PAGE_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);

/** When each tag was last expired (ms since the epoch). */
const tagExpiredAt = new Map();
/** For stored pages: when the render that produced them started. */
const renderStartedAt = new Map();
/** For pages being rendered: when the lookup that led to the render happened (the earliest, if several). */
const pendingRenderStart = new Map();
/** Bounds the bookkeeping: far more than the pages one server keeps in memory. */
const MAX_TRACKED = 100_000;

/** @param {any} entry */
function tagsOf(entry) {
  const header = entry?.value?.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/** @param {string[]} tags @param {number} since */
function expiredSince(tags, since) {
  const now = Date.now();
  return tags.some((tag) => {
    const at = tagExpiredAt.get(tag);
    return at !== undefined && at > since && at <= now;
  });
}

/** Revalidate seconds of the pages prerendered by `next build` (their stored copies carry none). */
let buildRevalidate = /** @type {Map<string, number> | null} */ (null);

/** @param {string | undefined} serverDistDir */
function loadBuildRevalidate(serverDistDir) {
  if (buildRevalidate || !serverDistDir) return;
  buildRevalidate = new Map();
  try {
    const manifest = JSON.parse(readFileSync(path.join(serverDistDir, "..", "prerender-manifest.json"), "utf8"));
    for (const [route, info] of Object.entries(manifest.routes ?? {}))
      if (typeof info?.initialRevalidateSeconds === "number") buildRevalidate.set(route, info.initialRevalidateSeconds);
  } catch {
    // No manifest: build-time pages count as fresh until Next says otherwise.
  }
}

/** @param {string} key @param {any} entry */
function isStale(key, entry) {
  const route = key.includes("/$/") ? key.slice(key.indexOf("/$/") + 2) : key;
  const revalidate = entry?.cacheControl?.revalidate ?? buildRevalidate?.get(route);
  return typeof revalidate === "number" && typeof entry.lastModified === "number" && Date.now() - entry.lastModified > revalidate * 1000;
}

/** @param {Map<string, number>} map @param {string} key @param {number} value */
function remember(map, key, value) {
  if (map.size >= MAX_TRACKED && !map.has(key)) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
}

export default class StorefrontCacheHandler extends FileSystemCache {
  /** @param {any} options */
  constructor(options) {
    super(options);
    loadBuildRevalidate(options?.serverDistDir);
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const lookedUpAt = Date.now();
    let entry = await super.get(key, ctx);
    // Pages stored by an earlier server or by `next build` are read from disk as they were written.
    latin1Page(entry?.value);
    const isPage = PAGE_KINDS.has(entry?.value?.kind);
    if (isPage) {
      const started = renderStartedAt.get(key);
      // Rendered from data read before one of its tags was expired: a miss, so it is rendered again.
      if (started !== undefined && expiredSince(tagsOf(entry), started)) entry = null;
    }
    // A miss or a stale page is rendered next (Next also treats a page whose tags expired as a miss).
    if (PAGE_KINDS.has(ctx?.kind) && (!entry || (isPage && isStale(key, entry)))) {
      if (!pendingRenderStart.has(key)) remember(pendingRenderStart, key, lookedUpAt);
    }
    return entry;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (data && PAGE_KINDS.has(data.kind)) {
      remember(renderStartedAt, key, pendingRenderStart.get(key) ?? Date.now());
      pendingRenderStart.delete(key);
    }
    // A copy: the render that produced `data` may still be using it.
    return super.set(key, data?.kind === "APP_PAGE" ? latin1Page({ ...data }) : data, ctx);
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    const now = Date.now();
    const at = now + (durations?.expire ?? 0) * 1000;
    for (const tag of typeof tags === "string" ? [tags] : tags) remember(tagExpiredAt, tag, at);
    return super.revalidateTag(tags, durations);
  }
}
