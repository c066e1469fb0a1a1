import { sql } from "drizzle-orm";
import {
  bigserial,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { citext, id, timestamps } from "./_types";
import { categories, listings, variants } from "./catalog";
import { users } from "./identity";
import { stockLocations } from "./inventory";
import { sellers } from "./sellers";
import { shippingMethods } from "./shipping";

export type AddressSnapshot = {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
};

/**
 * One place-order call: its idempotency key makes a retry or a double click return the same result.
 * "processing" while payment is being authorised; stock is reserved then and released if it fails.
 */
export const checkoutStatus = pgEnum("checkout_status", ["processing", "completed", "declined"]);

export const checkoutGroups = pgTable(
  "checkout_groups",
  {
    id: id(),
    buyerId: uuid("buyer_id").references(() => users.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key").notNull(),
    /** Hash of what was ordered, so a key reused for a different cart is refused instead of answered wrongly. */
    fingerprint: text("fingerprint").notNull(),
    status: checkoutStatus("status").notNull().default("processing"),
    declineCode: text("decline_code"),
    declineMessage: text("decline_message"),
    email: citext("email").notNull(),
    shippingAddress: jsonb("shipping_address").$type<AddressSnapshot>(),
    currency: char("currency", { length: 3 }).notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    shippingMinor: integer("shipping_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
    /** Reserved stock of a group still "processing" after this is released by the sweeper. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [
    unique("checkout_groups_buyer_key_unique").on(t.buyerId, t.idempotencyKey),
    index("checkout_groups_processing_idx").on(t.expiresAt).where(sql`${t.status} = 'processing'`),
  ],
);

export const orderStatus = pgEnum("order_status", ["pending_payment", "placed", "accepted", "shipped", "delivered", "cancelled"]);
export const fulfilmentKind = pgEnum("fulfilment_kind", ["shipping", "pickup"]);
export const cancelledBy = pgEnum("cancelled_by", ["buyer", "seller", "system"]);

/** One seller's part of a checkout group. */
export const orders = pgTable(
  "orders",
  {
    id: id(),
    /** Human order number shown to shoppers and sellers. */
    number: integer("number").notNull().unique().generatedAlwaysAsIdentity({ startWith: 100001 }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => checkoutGroups.id, { onDelete: "cascade" }),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    buyerId: uuid("buyer_id").references(() => users.id, { onDelete: "set null" }),
    status: orderStatus("status").notNull().default("pending_payment"),
    fulfilment: fulfilmentKind("fulfilment").notNull(),
    shippingMethodId: uuid("shipping_method_id").references(() => shippingMethods.id, { onDelete: "set null" }),
    pickupLocationId: uuid("pickup_location_id").references(() => stockLocations.id, { onDelete: "set null" }),
    /** Snapshot of the method or pickup location name at the time of the order. */
    deliveryLabel: text("delivery_label").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    shippingMinor: integer("shipping_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
    commissionMinor: integer("commission_minor").notNull(),
    /** The range promised at checkout, kept apart from the current estimate so lateness can be measured. */
    promisedFrom: date("promised_from", { mode: "string" }).notNull(),
    promisedTo: date("promised_to", { mode: "string" }).notNull(),
    estimatedFrom: date("estimated_from", { mode: "string" }).notNull(),
    estimatedTo: date("estimated_to", { mode: "string" }).notNull(),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    cancelReason: text("cancel_reason"),
    cancelledBy: cancelledBy("cancelled_by"),
    placedAt: timestamp("placed_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("orders_seller_status_idx").on(t.sellerId, t.status, t.createdAt),
    index("orders_buyer_idx").on(t.buyerId, t.createdAt),
    index("orders_group_idx").on(t.groupId),
    check("orders_amounts_nonnegative", sql`${t.subtotalMinor} >= 0 and ${t.shippingMinor} >= 0 and ${t.commissionMinor} >= 0 and ${t.totalMinor} = ${t.subtotalMinor} + ${t.shippingMinor}`),
  ],
);

/** A snapshot of what was bought: later edits to the listing never change an order. */
export const orderLines = pgTable(
  "order_lines",
  {
    id: id(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "set null" }),
    variantId: uuid("variant_id").references(() => variants.id, { onDelete: "set null" }),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "set null" }),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    /** e.g. "Size: M · Colour: Blue"; empty for a listing without options. */
    variantLabel: text("variant_label").notNull(),
    imageKey: text("image_key"),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotalMinor: integer("line_total_minor").notNull(),
    commissionRateBps: integer("commission_rate_bps").notNull(),
    commissionMinor: integer("commission_minor").notNull(),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    index("order_lines_variant_idx").on(t.variantId),
    index("order_lines_listing_idx").on(t.listingId),
    check("order_lines_quantity_positive", sql`${t.quantity} > 0 and ${t.lineTotalMinor} = ${t.unitPriceMinor} * ${t.quantity}`),
  ],
);

/** Where each line's units were reserved, so shipping consumes and cancelling restocks the right location. */
export const orderAllocations = pgTable(
  "order_allocations",
  {
    id: id(),
    orderLineId: uuid("order_line_id")
      .notNull()
      .references(() => orderLines.id, { onDelete: "cascade" }),
    variantId: uuid("variant_id").references(() => variants.id, { onDelete: "set null" }),
    locationId: uuid("location_id").references(() => stockLocations.id, { onDelete: "set null" }),
    quantity: integer("quantity").notNull(),
  },
  (t) => [index("order_allocations_line_idx").on(t.orderLineId), check("order_allocations_quantity_positive", sql`${t.quantity} > 0`)],
);

export const orderEventType = pgEnum("order_event_type", ["placed", "accepted", "shipped", "delivered", "cancelled", "delayed"]);

/** The timeline of one seller order, shown to the shopper and the seller. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    type: orderEventType("type").notNull(),
    /** What the shopper reads, e.g. the cancel reason or the delay explanation. */
    note: text("note"),
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull().default(sql`'{}'::jsonb`),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.createdAt)],
);
