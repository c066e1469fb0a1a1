CREATE TABLE "search_lexemes" (
	"lexeme" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_lexemes_prefix_idx" ON "search_lexemes" USING btree ("lexeme" text_pattern_ops);--> statement-breakpoint
-- Every word the documents already hold; from here on the documents' writer adds new ones.
INSERT INTO "search_lexemes" ("lexeme") SELECT "word" FROM ts_stat('SELECT "document" FROM "listing_search_text"') ORDER BY 1 ON CONFLICT DO NOTHING;
