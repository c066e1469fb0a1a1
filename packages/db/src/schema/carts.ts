import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_types";
import { variants } from "./catalog";
import { users } from "./identity";
import { stockLocations } from "./inventory";
import { sellers } from "./sellers";
import { shippingMethods } from "./shipping";

/** One cart across sellers: a signed-in shopper's (userId) or a guest's (guestToken, kept in a cookie). */
export const carts = pgTable(
  "carts",
  {
    id: id(),
    userId: uuid("user_id")
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    guestToken: text("guest_token").unique(),
    ...timestamps,
  },
  (t) => [check("carts_has_owner", sql`${t.userId} is not null or ${t.guestToken} is not null`)],
);

/** One row per variant: adding the same variant again raises its quantity. */
export const cartLines = pgTable(
  "cart_lines",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: uuid("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.variantId] }), check("cart_lines_quantity_positive", sql`${t.quantity} > 0`)],
);

/** The shopper's delivery choice for one seller's part of the cart: a shipping method or pickup at a location. */
export const cartDeliveryChoices = pgTable(
  "cart_delivery_choices",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    shippingMethodId: uuid("shipping_method_id").references(() => shippingMethods.id, { onDelete: "cascade" }),
    pickupLocationId: uuid("pickup_location_id").references(() => stockLocations.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.sellerId] }),
    index("cart_delivery_choices_seller_idx").on(t.sellerId),
    check("cart_delivery_choices_one_kind", sql`(${t.shippingMethodId} is null) <> (${t.pickupLocationId} is null)`),
  ],
);
