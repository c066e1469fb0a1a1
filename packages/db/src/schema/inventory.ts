import { sql } from "drizzle-orm";
import { boolean, char, check, index, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_types";
import { variants } from "./catalog";
import { sellers } from "./sellers";

export const stockLocations = pgTable(
  "stock_locations",
  {
    id: id(),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    line1: text("line1").notNull(),
    city: text("city").notNull(),
    postalCode: text("postal_code").notNull(),
    country: char("country", { length: 2 }).notNull(),
    pickupEnabled: boolean("pickup_enabled").notNull().default(false),
    ...timestamps,
  },
  (t) => [unique("stock_locations_seller_name_unique").on(t.sellerId, t.name)],
);

/** Available to sell = on hand − reserved; checkout reserves, fulfilment consumes. */
export const stockLevels = pgTable(
  "stock_levels",
  {
    variantId: uuid("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "cascade" }),
    locationId: uuid("location_id")
      .notNull()
      .references(() => stockLocations.id, { onDelete: "cascade" }),
    onHand: integer("on_hand").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.locationId] }),
    index("stock_levels_location_idx").on(t.locationId),
    check("stock_levels_on_hand_nonnegative", sql`${t.onHand} >= 0`),
    check("stock_levels_reserved_within_on_hand", sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  ],
);
