ALTER TABLE "listing_search_text" ADD COLUMN "rank_document" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
-- Search reads `document` only through its GIN index (no recheck for plain word and prefix queries), and
-- ranks on the small `rank_document`: the big vector goes out of line, so the rows a broad word matches
-- are narrow and a search visits a fraction of the pages.
ALTER TABLE "listing_search_text" ALTER COLUMN "document" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "listing_search_text" SET (toast_tuple_target = 128);--> statement-breakpoint
UPDATE "listing_search_text" SET "rank_document" = ts_filter("document", '{a,b,c}');
