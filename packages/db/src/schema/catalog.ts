import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { citext, id, timestamps } from "./_types";
import { sellers } from "./sellers";

export const listingStatus = pgEnum("listing_status", ["draft", "active", "archived"]);
export const listingCondition = pgEnum("listing_condition", ["new", "used", "refurbished"]);

export const categories = pgTable(
  "categories",
  {
    id: id(),
    parentId: uuid("parent_id").references((): AnyPgColumn => categories.id, { onDelete: "restrict" }),
    slug: citext("slug").notNull().unique(),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("categories_parent_idx").on(t.parentId, t.position)],
);

export type OptionValue = { name: string; value: string };

export const listings = pgTable(
  "listings",
  {
    id: id(),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    slug: citext("slug").notNull().unique(),
    title: text("title").notNull(),
    brand: text("brand"),
    /** Markdown source, kept for editing; descriptionHtml is the sanitised rendering shown to shoppers. */
    description: text("description").notNull().default(""),
    descriptionHtml: text("description_html").notNull().default(""),
    condition: listingCondition("condition").notNull().default("new"),
    status: listingStatus("status").notNull().default("draft"),
    currency: char("currency", { length: 3 }).notNull().default("USD"),
    /** Names of the variant options in display order, e.g. ["Size", "Colour"]. */
    optionNames: text("option_names").array().notNull().default(sql`'{}'::text[]`),
    /** Lowest variant price, kept in step with the variants for sorting and cards. */
    minPriceMinor: integer("min_price_minor").notNull().default(0),
    viewCount: integer("view_count").notNull().default(0),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("listings_seller_idx").on(t.sellerId, t.updatedAt),
    index("listings_category_new_idx").on(t.categoryId, t.publishedAt).where(sql`${t.status} = 'active'`),
    index("listings_category_popular_idx").on(t.categoryId, t.viewCount).where(sql`${t.status} = 'active'`),
    index("listings_category_price_idx").on(t.categoryId, t.minPriceMinor).where(sql`${t.status} = 'active'`),
    index("listings_active_new_idx").on(t.publishedAt).where(sql`${t.status} = 'active'`),
    index("listings_active_popular_idx").on(t.viewCount).where(sql`${t.status} = 'active'`),
    index("listings_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
  ],
);

export const listingAttributes = pgTable(
  "listing_attributes",
  {
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    value: text("value").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.listingId, t.name] })],
);

export const variants = pgTable(
  "variants",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    /** Copied from the listing so a SKU can be unique per seller with a plain constraint. */
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    sku: citext("sku").notNull(),
    options: jsonb("options").$type<OptionValue[]>().notNull().default(sql`'[]'::jsonb`),
    priceMinor: integer("price_minor").notNull(),
    compareAtMinor: integer("compare_at_minor"),
    position: integer("position").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    unique("variants_seller_sku_unique").on(t.sellerId, t.sku),
    index("variants_listing_idx").on(t.listingId, t.position),
    check("variants_price_nonnegative", sql`${t.priceMinor} >= 0`),
    check("variants_compare_at_above_price", sql`${t.compareAtMinor} is null or ${t.compareAtMinor} > ${t.priceMinor}`),
  ],
);

export const listingImages = pgTable(
  "listing_images",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    /** Storage key without size suffix; see core/media for how renditions are named. */
    storageKey: text("storage_key").notNull(),
    /** Rendition widths stored for this image; empty for a vector (SVG) original. */
    widths: integer("widths").array().notNull().default(sql`'{}'::integer[]`),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    alt: text("alt").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("listing_images_listing_idx").on(t.listingId, t.position)],
);
