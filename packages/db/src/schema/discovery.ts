import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_types";
import { categories, listings } from "./catalog";
import { users } from "./identity";
import { sellers } from "./sellers";

/**
 * The listings a signed-in shopper looked at, latest first: one row per listing (a repeat visit moves it
 * to the front), trimmed to the newest few per shopper when a view is recorded (core/discovery/views.ts).
 * Feeds "Recently viewed", and "For you" only while the shopper allows personalisation.
 */
export const listingViews = pgTable(
  "listing_views",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    viewedAt: timestamp("viewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.listingId] }), index("listing_views_user_recent_idx").on(t.userId, t.viewedAt)],
);

/** What a person may allow or refuse; more purposes (marketing e-mail, analytics…) are added here. */
export const consentPurpose = pgEnum("consent_purpose", ["personalisation"]);

/** A person's current answer per purpose. No row means never asked: treated as refused. */
export const userConsents = pgTable(
  "user_consents",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: consentPurpose("purpose").notNull(),
    granted: boolean("granted").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.purpose] })],
);

/** Every change of a consent, append-only: when and what the person answered. */
export const userConsentEvents = pgTable(
  "user_consent_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: consentPurpose("purpose").notNull(),
    granted: boolean("granted").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_consent_events_user_idx").on(t.userId, t.createdAt)],
);

export const merchandisingScope = pgEnum("merchandising_scope", ["operator", "seller"]);
export const merchandisingPlacement = pgEnum("merchandising_placement", ["home_carousel", "category", "search"]);
/** Who sees a pin: everyone, or only shoppers browsing the rule's category (members come later). */
export const merchandisingSegment = pgEnum("merchandising_segment", ["everyone", "category_browsers"]);

/**
 * A listing pinned to a position of a carousel or of search results between two dates. Operators pin
 * anything anywhere; a seller pins only its own listings, only in category pages and searches.
 */
export const merchandisingRules = pgTable(
  "merchandising_rules",
  {
    id: id(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    scope: merchandisingScope("scope").notNull(),
    /** The seller whose rule this is; null for the operator's rules. */
    sellerId: uuid("seller_id").references(() => sellers.id, { onDelete: "cascade" }),
    placement: merchandisingPlacement("placement").notNull(),
    /** The category page (placement "category"), or the browsed category of segment "category_browsers". */
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "cascade" }),
    /** Search words, normalised (lower case, no accents, single spaces), for placement "search". */
    query: text("query"),
    segment: merchandisingSegment("segment").notNull().default("everyone"),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    /** 1-based position in the list the pin is placed into. */
    position: integer("position").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [
    index("merchandising_rules_placement_idx").on(t.placement, t.endsAt),
    index("merchandising_rules_seller_idx").on(t.sellerId, t.endsAt),
    check("merchandising_rules_position_range", sql`${t.position} between 1 and 20`),
    check("merchandising_rules_dates", sql`${t.endsAt} > ${t.startsAt}`),
    check("merchandising_rules_scope_seller", sql`(${t.scope} = 'seller') = (${t.sellerId} is not null)`),
    check("merchandising_rules_seller_placements", sql`${t.scope} = 'operator' or ${t.placement} <> 'home_carousel'`),
    check(
      "merchandising_rules_target",
      sql`(${t.placement} <> 'search' or ${t.query} is not null) and (${t.placement} = 'search' or ${t.query} is null)
        and (${t.categoryId} is not null or (${t.placement} <> 'category' and ${t.segment} = 'everyone'))`,
    ),
  ],
);
