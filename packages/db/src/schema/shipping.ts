import { sql } from "drizzle-orm";
import { boolean, char, check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_types";
import { sellers } from "./sellers";

/** How a seller ships: the delivery promise shown to shoppers is computed from this (core/shipping). */
export const shippingProfiles = pgTable(
  "shipping_profiles",
  {
    sellerId: uuid("seller_id")
      .primaryKey()
      .references(() => sellers.id, { onDelete: "cascade" }),
    /** Business days from order to hand-over to the carrier (or ready for pickup). */
    handlingDays: integer("handling_days").notNull().default(1),
    /** Orders placed after this hour (in the seller's time zone) start counting on the next business day. */
    cutoffHour: integer("cutoff_hour").notNull().default(14),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** ISO 3166 country codes the seller delivers to. */
    shipsTo: char("ships_to", { length: 2 }).array().notNull().default(sql`'{US}'::char(2)[]`),
    ...timestamps,
  },
  (t) => [
    check("shipping_profiles_handling_days_range", sql`${t.handlingDays} between 0 and 30`),
    check("shipping_profiles_cutoff_hour_range", sql`${t.cutoffHour} between 0 and 23`),
  ],
);

export const shippingMethods = pgTable(
  "shipping_methods",
  {
    id: id(),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    transitDaysMin: integer("transit_days_min").notNull(),
    transitDaysMax: integer("transit_days_max").notNull(),
    priceMinor: integer("price_minor").notNull(),
    /** Free when the seller's subtotal reaches this amount; null = never free. */
    freeOverMinor: integer("free_over_minor"),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    index("shipping_methods_seller_idx").on(t.sellerId, t.position),
    check("shipping_methods_transit_range", sql`${t.transitDaysMin} >= 0 and ${t.transitDaysMax} >= ${t.transitDaysMin} and ${t.transitDaysMax} <= 60`),
    check("shipping_methods_price_nonnegative", sql`${t.priceMinor} >= 0 and (${t.freeOverMinor} is null or ${t.freeOverMinor} >= 0)`),
  ],
);
