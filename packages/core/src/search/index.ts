import type { Db } from "@agora/db";
import type { SearchInput, SearchResult, Suggestions } from "@agora/validators";
import type { SearchEngine } from "./engine";
import { searchPins, withPins } from "./pins";
import { postgresSearchEngine } from "./postgres";

export type { SearchEngine } from "./engine";
export { postgresSearchEngine } from "./postgres";
export { decodeCursor, encodeCursor, type SearchCursor } from "./cursor";
export { searchWords } from "./words";

let engine: SearchEngine = postgresSearchEngine;

/** Replaces the search engine for this process (e.g. with a dedicated one at start-up). */
export function setSearchEngine(next: SearchEngine): void {
  engine = next;
}

/**
 * Full-text search with facets, sorting and cursor paging, for shoppers; the first page carries the
 * merchandising pins for these words (see ./pins).
 */
export async function searchCatalog(db: Db, input: SearchInput, now: Date = new Date()): Promise<SearchResult> {
  const [result, pins] = await Promise.all([engine.search(db, input), searchPins(db, input, now)]);
  return withPins(result, pins);
}

/** Autocomplete for the search box: listings and categories matching what has been typed so far. */
export function suggestCatalog(db: Db, prefix: string): Promise<Suggestions> {
  return engine.suggest(db, prefix);
}

/**
 * Keeps search current: call it with the ids of every listing a use-case changed (its fields, status,
 * variants, prices, stock or attributes), inside that use-case's transaction, so the change and the
 * index commit together and a new listing is findable the moment it is saved.
 */
export function refreshSearchDocument(tx: Db, listingIds: readonly string[]): Promise<void> {
  return engine.refresh(tx, [...new Set(listingIds)]);
}
