import "server-only";
import { cacheTags, searchCatalog } from "@agora/core";
import { getDb } from "@agora/db";
import { searchInputSchema, type SearchInput, type SearchResult } from "@agora/validators";
import { cacheLife, cacheTag } from "next/cache";
import type { SearchState } from "./search-params";

/**
 * Search results, cached per question (words, filters, sort, cursor). Popular searches are asked again
 * and again; each answer is kept until something it could depend on changes: any catalog write, and
 * every stock move, rating or delivery change expires `search` (see core's cacheTags), so a cached answer
 * never offers a sold-out listing or an old price. The hour is only a safety net.
 */
async function cachedSearch(input: SearchInput): Promise<SearchResult> {
  "use cache";
  cacheLife({ stale: 60, revalidate: 60 * 60, expire: 60 * 60 * 24 });
  cacheTag(cacheTags.catalog, cacheTags.search);
  return searchCatalog(getDb(), input);
}

export function runSearch(state: SearchState): Promise<SearchResult> {
  return cachedSearch(searchInputSchema.parse(state));
}
