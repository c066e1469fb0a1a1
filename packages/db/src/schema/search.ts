import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { categories, listings } from "./catalog";
import { sellers } from "./sellers";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One row per ACTIVE listing with what search filters, counts and sorts on, rewritten in the same
 * transaction as every change to the listing, its variants, stock or attributes (see
 * search-documents.ts). Narrow on purpose: a search without words, or a broad one, scans it whole to
 * count facets. Seller-level facts that change on their own (approval, shipping) are joined when
 * searching, so they are never stale here.
 */
export const listingSearch = pgTable("listing_search", {
  listingId: uuid("listing_id")
    .primaryKey()
    .references(() => listings.id, { onDelete: "cascade" }),
  sellerId: uuid("seller_id")
    .notNull()
    .references(() => sellers.id, { onDelete: "cascade" }),
  categoryId: uuid("category_id")
    .notNull()
    .references(() => categories.id, { onDelete: "cascade" }),
  /** The lowest variant price. */
  priceMinor: integer("price_minor").notNull(),
  /** Units available to sell over all variants and locations (on hand − reserved). */
  available: integer("available").notNull(),
  /** Some pickup-enabled location holds available units. */
  pickupAvailable: boolean("pickup_available").notNull(),
  /** Average of visible review ratings (null until reviewed), copied from listing_ratings with each review change. */
  ratingAverage: real("rating_average"),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The words of each listing in listing_search, apart because they are wide and only text queries read
 * them. It also carries a copy of the listing_search columns a text search filters, counts and sorts
 * on, so a word matching tens of thousands of listings is counted from the rows the word index already
 * led to instead of one listing_search lookup per match. The copy is written by the same statement
 * (search-documents.ts), and a trigger copies rating_average, which review changes update on their own.
 */
export const listingSearchText = pgTable(
  "listing_search_text",
  {
    listingId: uuid("listing_id")
      .primaryKey()
      .references(() => listingSearch.listingId, { onDelete: "cascade" }),
    sellerId: uuid("seller_id").notNull(),
    categoryId: uuid("category_id").notNull(),
    priceMinor: integer("price_minor").notNull(),
    available: integer("available").notNull(),
    pickupAvailable: boolean("pickup_available").notNull(),
    ratingAverage: real("rating_average"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    /** Weighted words: title A, brand and category names B, attribute and option values C, description D. */
    document: tsvector("document").notNull(),
    /** The title, brand, category and attribute words of `document` (weights A–C): what relevance ranks on. */
    rankDocument: tsvector("rank_document").notNull().default(sql`''::tsvector`),
    /** Title, brand and category names, lower-cased and unaccented: trigram "did you mean" matching. */
    searchText: text("search_text").notNull(),
  },
  (t) => [
    index("listing_search_text_document_idx").using("gin", t.document),
    index("listing_search_text_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * Every word of the searchable listings' titles, brands, categories and attribute values: the
 * vocabulary that misspelt query words are corrected against (trigram distance) and prefixes are
 * checked against. Words are only added; one no listing uses any more simply matches nothing.
 */
export const searchTerms = pgTable(
  "search_terms",
  {
    term: text("term").primaryKey(),
  },
  (t) => [
    index("search_terms_trgm_idx").using("gist", sql`${t.term} gist_trgm_ops`),
    index("search_terms_prefix_idx").on(t.term.op("text_pattern_ops")),
  ],
);

/**
 * Every word of the search documents, descriptions included: what a query's prefixes are spelled out
 * into before matching ("wat" → water | waterproof | …). The word index finds whole words by walking
 * their lists side by side, skipping ahead; a prefix makes it collect every listing of every word that
 * starts with it first, which for "pack classic" is 20,000 listings to find 1,100. Written with the
 * documents (search-documents.ts) and only added to, so it always holds every word a document has.
 */
export const searchLexemes = pgTable(
  "search_lexemes",
  {
    lexeme: text("lexeme").primaryKey(),
  },
  (t) => [index("search_lexemes_prefix_idx").on(t.lexeme.op("text_pattern_ops"))],
);
