ALTER TABLE "listing_search_text" ADD COLUMN "rank_document" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
-- Relevance ranks on the title, brand, category and attribute words only: a fifth of the full vector, so
-- ranking the thousands of listings a broad word matches costs a fraction of what it did.
UPDATE "listing_search_text" SET "rank_document" = ts_filter("document", '{a,b,c}');
