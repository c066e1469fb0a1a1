import "server-only";
import { searchCatalog } from "@agora/core";
import { getDb } from "@agora/db";
import { searchInputSchema, type SearchResult } from "@agora/validators";
import type { SearchState } from "./search-params";

/**
 * Search results depend on the words and filters of each request, so they are not cached: one
 * database statement per page view (see core/search), straight from the server component.
 */
export function runSearch(state: SearchState): Promise<SearchResult> {
  return searchCatalog(getDb(), searchInputSchema.parse(state));
}
