CREATE TYPE "public"."consent_purpose" AS ENUM('personalisation');--> statement-breakpoint
CREATE TYPE "public"."merchandising_placement" AS ENUM('home_carousel', 'category', 'search');--> statement-breakpoint
CREATE TYPE "public"."merchandising_scope" AS ENUM('operator', 'seller');--> statement-breakpoint
CREATE TYPE "public"."merchandising_segment" AS ENUM('everyone', 'category_browsers');--> statement-breakpoint
CREATE TABLE "listing_views" (
	"user_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_views_user_id_listing_id_pk" PRIMARY KEY("user_id","listing_id")
);
--> statement-breakpoint
CREATE TABLE "merchandising_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid,
	"scope" "merchandising_scope" NOT NULL,
	"seller_id" uuid,
	"placement" "merchandising_placement" NOT NULL,
	"category_id" uuid,
	"query" text,
	"segment" "merchandising_segment" DEFAULT 'everyone' NOT NULL,
	"listing_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merchandising_rules_position_range" CHECK ("merchandising_rules"."position" between 1 and 20),
	CONSTRAINT "merchandising_rules_dates" CHECK ("merchandising_rules"."ends_at" > "merchandising_rules"."starts_at"),
	CONSTRAINT "merchandising_rules_scope_seller" CHECK (("merchandising_rules"."scope" = 'seller') = ("merchandising_rules"."seller_id" is not null)),
	CONSTRAINT "merchandising_rules_seller_placements" CHECK ("merchandising_rules"."scope" = 'operator' or "merchandising_rules"."placement" <> 'home_carousel'),
	CONSTRAINT "merchandising_rules_target" CHECK (("merchandising_rules"."placement" <> 'search' or "merchandising_rules"."query" is not null) and ("merchandising_rules"."placement" = 'search' or "merchandising_rules"."query" is null)
        and ("merchandising_rules"."category_id" is not null or ("merchandising_rules"."placement" <> 'category' and "merchandising_rules"."segment" = 'everyone')))
);
--> statement-breakpoint
CREATE TABLE "user_consent_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"granted" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_consents" (
	"user_id" uuid NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"granted" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_consents_user_id_purpose_pk" PRIMARY KEY("user_id","purpose")
);
--> statement-breakpoint
ALTER TABLE "listing_views" ADD CONSTRAINT "listing_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_views" ADD CONSTRAINT "listing_views_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchandising_rules" ADD CONSTRAINT "merchandising_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchandising_rules" ADD CONSTRAINT "merchandising_rules_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchandising_rules" ADD CONSTRAINT "merchandising_rules_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchandising_rules" ADD CONSTRAINT "merchandising_rules_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_consent_events" ADD CONSTRAINT "user_consent_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_consents" ADD CONSTRAINT "user_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_views_user_recent_idx" ON "listing_views" USING btree ("user_id","viewed_at");--> statement-breakpoint
CREATE INDEX "merchandising_rules_placement_idx" ON "merchandising_rules" USING btree ("placement","ends_at");--> statement-breakpoint
CREATE INDEX "merchandising_rules_seller_idx" ON "merchandising_rules" USING btree ("seller_id","ends_at");--> statement-breakpoint
CREATE INDEX "user_consent_events_user_idx" ON "user_consent_events" USING btree ("user_id","created_at");