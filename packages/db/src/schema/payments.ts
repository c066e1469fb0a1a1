import { sql } from "drizzle-orm";
import { bigserial, char, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_types";
import { categories } from "./catalog";
import { checkoutGroups, orders } from "./orders";
import { sellers } from "./sellers";

export const paymentStatus = pgEnum("payment_status", ["authorized", "captured", "voided", "refunded", "declined"]);

/** One card authorisation per seller order: captured when that seller ships, voided or refunded on cancellation. */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => checkoutGroups.id, { onDelete: "cascade" }),
    /** Null for a declined attempt: a declined payment leaves no order behind. */
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    provider: text("provider").notNull(),
    /** The provider's id for this payment (e.g. a Stripe PaymentIntent id). */
    providerRef: text("provider_ref"),
    status: paymentStatus("status").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    capturedMinor: integer("captured_minor").notNull().default(0),
    refundedMinor: integer("refunded_minor").notNull().default(0),
    cardBrand: text("card_brand"),
    cardLast4: char("card_last4", { length: 4 }),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("payments_provider_ref_unique").on(t.provider, t.providerRef).where(sql`${t.providerRef} is not null`),
    index("payments_group_idx").on(t.groupId),
    index("payments_order_idx").on(t.orderId),
    check("payments_amounts", sql`${t.amountMinor} >= 0 and ${t.capturedMinor} between 0 and ${t.amountMinor} and ${t.refundedMinor} between 0 and ${t.capturedMinor}`),
  ],
);

/** Provider webhook events already handled: each event id is processed once. */
export const paymentWebhookEvents = pgTable(
  "payment_webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/**
 * Platform commission in basis points. A row with neither seller nor category is the default; the most
 * specific rate wins (seller, then category, then default).
 */
export const commissionRates = pgTable(
  "commission_rates",
  {
    id: id(),
    sellerId: uuid("seller_id").references(() => sellers.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "cascade" }),
    rateBps: integer("rate_bps").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("commission_rates_seller_unique").on(t.sellerId).where(sql`${t.sellerId} is not null`),
    uniqueIndex("commission_rates_category_unique").on(t.categoryId).where(sql`${t.categoryId} is not null`),
    uniqueIndex("commission_rates_default_unique").on(sql`(true)`).where(sql`${t.sellerId} is null and ${t.categoryId} is null`),
    check("commission_rates_range", sql`${t.rateBps} between 0 and 10000`),
    check("commission_rates_one_scope", sql`${t.sellerId} is null or ${t.categoryId} is null`),
  ],
);

export const ledgerEntryType = pgEnum("ledger_entry_type", ["sale", "commission", "refund", "commission_refund"]);

/** A seller's money as an append-only ledger: the balance is the sum, never a mutable number. */
export const sellerLedgerEntries = pgTable(
  "seller_ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    type: ledgerEntryType("type").notNull(),
    /** Signed: sales are positive, commission and refunds negative. */
    amountMinor: integer("amount_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    /** Distinguishes repeated entries of one type for one order (e.g. two partial refunds). */
    reference: text("reference").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("seller_ledger_entries_once").on(t.orderId, t.type, t.reference),
    index("seller_ledger_entries_seller_idx").on(t.sellerId, t.createdAt),
  ],
);
