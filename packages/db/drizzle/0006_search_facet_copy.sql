-- Added empty, filled from listing_search, then required: the table already holds documents.
ALTER TABLE "listing_search_text" ADD COLUMN "seller_id" uuid;--> statement-breakpoint
ALTER TABLE "listing_search_text" ADD COLUMN "category_id" uuid;--> statement-breakpoint
ALTER TABLE "listing_search_text" ADD COLUMN "price_minor" integer;--> statement-breakpoint
ALTER TABLE "listing_search_text" ADD COLUMN "available" integer;--> statement-breakpoint
ALTER TABLE "listing_search_text" ADD COLUMN "pickup_available" boolean;--> statement-breakpoint
ALTER TABLE "listing_search_text" ADD COLUMN "rating_average" real;--> statement-breakpoint
ALTER TABLE "listing_search_text" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
UPDATE "listing_search_text" t SET "seller_id" = d."seller_id", "category_id" = d."category_id", "price_minor" = d."price_minor",
  "available" = d."available", "pickup_available" = d."pickup_available", "rating_average" = d."rating_average", "published_at" = d."published_at"
FROM "listing_search" d WHERE d."listing_id" = t."listing_id";--> statement-breakpoint
ALTER TABLE "listing_search_text" ALTER COLUMN "seller_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "listing_search_text" ALTER COLUMN "category_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "listing_search_text" ALTER COLUMN "price_minor" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "listing_search_text" ALTER COLUMN "available" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "listing_search_text" ALTER COLUMN "pickup_available" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "listing_search_text" ALTER COLUMN "published_at" SET NOT NULL;--> statement-breakpoint
-- Review changes update listing_search.rating_average directly; the copy follows in the same transaction.
CREATE FUNCTION "listing_search_text_copy_rating"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "listing_search_text" SET "rating_average" = NEW."rating_average" WHERE "listing_id" = NEW."listing_id";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "listing_search_copy_rating" AFTER UPDATE OF "rating_average" ON "listing_search"
FOR EACH ROW WHEN (OLD."rating_average" IS DISTINCT FROM NEW."rating_average")
EXECUTE FUNCTION "listing_search_text_copy_rating"();
