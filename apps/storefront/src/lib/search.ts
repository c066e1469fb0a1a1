import "server-only";
import { cacheTags, merchandisingTags, nextMerchandisingChange, searchCatalog } from "@agora/core";
import { getDb } from "@agora/db";
import { searchInputSchema, type SearchInput, type SearchResult } from "@agora/validators";
import { cacheTag } from "next/cache";
import { lifetimeUntil } from "./discovery";
import type { SearchState } from "./search-params";

/**
 * Search results, cached per question (words, filters, sort, cursor). Popular searches are asked again
 * and again; each answer is kept until something it could depend on changes: any catalog write, and
 * every stock move, rating or delivery change expires `search` (see core's cacheTags), so a cached answer
 * never offers a sold-out listing or an old price; a search pin's start or end ends its lifetime.
 */
async function cachedSearch(input: SearchInput): Promise<SearchResult> {
  "use cache";
  cacheTag(cacheTags.catalog, cacheTags.search, merchandisingTags.search);
  const db = getDb();
  const now = new Date();
  const [result, nextChange] = await Promise.all([searchCatalog(db, input, now), nextMerchandisingChange(db, now, { kind: "search", query: input.q })]);
  lifetimeUntil(nextChange, now);
  return result;
}

export function runSearch(state: SearchState): Promise<SearchResult> {
  return cachedSearch(searchInputSchema.parse(state));
}
