import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./_types";
import { users } from "./identity";
import { orders } from "./orders";

/** Which channels a person wants transactional messages on. */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  email: boolean("email").notNull().default(true),
  sms: boolean("sms").notNull().default(false),
  /** E.164 phone number for SMS, e.g. +14155550123. */
  phone: text("phone"),
  ...timestamps,
});

export const messageChannel = pgEnum("message_channel", ["email", "sms"]);
export const messageStatus = pgEnum("message_status", ["pending", "sent", "failed"]);

/**
 * Transactional outbox: written in the same transaction as the change it announces, delivered by the
 * worker afterwards, retried with backoff; a message is never deleted, so nothing is lost.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
    /** e.g. "order_confirmation", "order_shipped", "order_delayed", "order_cancelled". */
    kind: text("kind").notNull(),
    channel: messageChannel("channel").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: messageStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    /** Which transport delivered it: "smtp", "dev-inbox", an SMS provider name… */
    transport: text("transport"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("outbox_messages_due_idx").on(t.availableAt).where(sql`${t.status} = 'pending'`),
    index("outbox_messages_user_idx").on(t.userId, t.createdAt),
    index("outbox_messages_order_idx").on(t.orderId),
  ],
);
