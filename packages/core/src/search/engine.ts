import type { Db } from "@agora/db";
import type { SearchInput, SearchResult, Suggestions } from "@agora/validators";

export type { SearchInput, SearchResult, Suggestions };

/**
 * What the storefront needs from a search engine. The PostgreSQL engine (./postgres.ts) is the
 * default; a dedicated engine (OpenSearch, Meilisearch, Typesense…) can replace it with
 * `setSearchEngine()` without touching callers. See the README's "Search" section for when.
 *
 * Rules every engine keeps: only active listings of approved sellers are found; sold-out listings
 * only with `includeOutOfStock`; facet counts follow the disjunctive rule (each facet is counted
 * with every OTHER active filter applied); cursors are opaque and page through a total order.
 */
export interface SearchEngine {
  search(db: Db, input: SearchInput): Promise<SearchResult>;
  /** Listings and categories for the search box's autocomplete. */
  suggest(db: Db, prefix: string): Promise<Suggestions>;
  /**
   * Brings the index in line with these listings' current rows. Called inside the transaction that
   * changed them: PostgreSQL writes the documents in it; an external engine would record the ids in
   * an outbox table there and index them after commit.
   */
  refresh(tx: Db, listingIds: readonly string[]): Promise<void>;
}
