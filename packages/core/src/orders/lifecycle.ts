import { and, desc, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { cacheTags } from "../catalog/cache-tags";
import { DomainError, notFound } from "../errors";
import { notifyOrder } from "../notifications/notify";
import type { PaymentProvider } from "../payments/provider";
import { isIsoDate } from "../shipping/delivery-estimate";
import { consumeReservations, releaseReservations } from "./stock-moves";

const { orders, orderEvents, orderLines, payments, sellerLedgerEntries } = schema;

type Order = typeof orders.$inferSelect;
type OrderStatus = Order["status"];

/** Who is acting: the seller (their own orders only) or the buyer (their own orders only). */
export type OrderActor = { kind: "seller"; sellerId: string; userId: string } | { kind: "buyer"; userId: string };

/** Which statuses each action may start from: one table, so the lifecycle reads in one place. */
export const orderTransitions = {
  accept: ["placed"],
  ship: ["placed", "accepted"],
  deliver: ["shipped"],
  cancel: ["placed", "accepted"],
  delay: ["placed", "accepted", "shipped"],
} as const satisfies Record<string, readonly OrderStatus[]>;

export type OrderAction = keyof typeof orderTransitions;

export const canDo = (action: OrderAction, status: OrderStatus) => (orderTransitions[action] as readonly OrderStatus[]).includes(status);

const statusWords: Record<OrderStatus, string> = {
  pending_payment: "awaiting payment",
  placed: "new",
  accepted: "accepted",
  shipped: "shipped",
  delivered: "delivered",
  cancelled: "cancelled",
};

/** Locks the actor's own order; anyone else's id is simply not found. */
async function lockOwnOrder(tx: Db, actor: OrderActor, orderId: string, action: OrderAction): Promise<Order> {
  const owner = actor.kind === "seller" ? eq(orders.sellerId, actor.sellerId) : eq(orders.buyerId, actor.userId);
  const [order] = await tx.select().from(orders).where(and(eq(orders.id, orderId), owner)).for("update");
  if (!order || order.status === "pending_payment") throw notFound("The order");
  if (!canDo(action, order.status)) {
    const verbs: Record<OrderAction, string> = { accept: "accepted", ship: "shipped", deliver: "marked delivered", cancel: "cancelled", delay: "delayed" };
    throw new DomainError("INVALID_STATE", `Order #${order.number} is ${statusWords[order.status]} and can no longer be ${verbs[action]}.`);
  }
  return order;
}

async function paymentOf(tx: Db, orderId: string) {
  const [payment] = await tx.select().from(payments).where(eq(payments.orderId, orderId)).for("update");
  return payment;
}

async function listingTagsOf(tx: Db, order: Order): Promise<string[]> {
  const rows = await tx.select({ listingId: orderLines.listingId, categoryId: orderLines.categoryId }).from(orderLines).where(eq(orderLines.orderId, order.id));
  const tags = new Set<string>([cacheTags.seller(order.sellerId), cacheTags.search]);
  for (const r of rows) {
    if (r.listingId) tags.add(cacheTags.listing(r.listingId));
    if (r.categoryId) tags.add(cacheTags.category(r.categoryId));
  }
  return [...tags];
}

export async function acceptOrder(db: Db, actor: Extract<OrderActor, { kind: "seller" }>, orderId: string, now: Date = new Date()): Promise<Order> {
  return db.transaction(async (tx) => {
    await lockOwnOrder(tx, actor, orderId, "accept");
    const [order] = await tx.update(orders).set({ status: "accepted", acceptedAt: now }).where(eq(orders.id, orderId)).returning();
    if (!order) throw notFound("The order");
    await tx.insert(orderEvents).values({ orderId, type: "accepted", actorUserId: actor.userId });
    await notifyOrder(tx, { kind: "order_accepted", orderId });
    return order;
  });
}

/**
 * Ships an order: the payment is captured (idempotently, under the order's row lock, so a double click
 * captures once), the reserved units leave stock, and the sale and commission enter the seller's ledger.
 */
export async function shipOrder(
  db: Db,
  provider: PaymentProvider,
  actor: Extract<OrderActor, { kind: "seller" }>,
  input: { orderId: string; carrier: string; trackingNumber: string },
  now: Date = new Date(),
): Promise<Order> {
  return db.transaction(async (tx) => {
    const locked = await lockOwnOrder(tx, actor, input.orderId, "ship");
    const payment = await paymentOf(tx, locked.id);
    if (!payment?.providerRef) throw new DomainError("INVALID_STATE", "This order has no payment to capture. Contact the marketplace team.");
    if (payment.status === "authorized") {
      await provider.capture(payment.providerRef, payment.amountMinor, `${locked.id}:capture`);
      await tx.update(payments).set({ status: "captured", capturedMinor: payment.amountMinor }).where(eq(payments.id, payment.id));
    }
    await consumeReservations(tx, locked.id);
    await tx
      .insert(sellerLedgerEntries)
      .values([
        { sellerId: locked.sellerId, orderId: locked.id, type: "sale", amountMinor: locked.totalMinor, currency: locked.currency },
        { sellerId: locked.sellerId, orderId: locked.id, type: "commission", amountMinor: -locked.commissionMinor, currency: locked.currency },
      ])
      .onConflictDoNothing();
    const [order] = await tx
      .update(orders)
      .set({ status: "shipped", shippedAt: now, carrier: input.carrier, trackingNumber: input.trackingNumber, acceptedAt: locked.acceptedAt ?? now })
      .where(eq(orders.id, locked.id))
      .returning();
    if (!order) throw notFound("The order");
    await tx.insert(orderEvents).values({
      orderId: locked.id,
      type: "shipped",
      data: { carrier: input.carrier, trackingNumber: input.trackingNumber },
      actorUserId: actor.userId,
    });
    await notifyOrder(tx, { kind: "order_shipped", orderId: locked.id });
    return order;
  });
}

export async function markOrderDelivered(db: Db, actor: Extract<OrderActor, { kind: "seller" }>, orderId: string, now: Date = new Date()): Promise<Order> {
  return db.transaction(async (tx) => {
    await lockOwnOrder(tx, actor, orderId, "deliver");
    const [order] = await tx.update(orders).set({ status: "delivered", deliveredAt: now }).where(eq(orders.id, orderId)).returning();
    if (!order) throw notFound("The order");
    await tx.insert(orderEvents).values({ orderId, type: "delivered", actorUserId: actor.userId });
    await notifyOrder(tx, { kind: "order_delivered", orderId });
    return order;
  });
}

/**
 * Cancels before shipment, by the seller (with a reason the shopper reads) or by the buyer: the payment is
 * voided (or refunded if it was captured) and the reserved units go back on sale.
 */
export async function cancelOrder(
  db: Db,
  provider: PaymentProvider,
  actor: OrderActor,
  input: { orderId: string; reason?: string },
  now: Date = new Date(),
): Promise<{ order: Order; cacheTags: string[] }> {
  if (actor.kind === "seller" && !input.reason?.trim())
    throw new DomainError("INVALID_INPUT", "Tell the shopper why the order is cancelled.", { fieldErrors: { reason: "Write a reason" } });
  return db.transaction(async (tx) => {
    const locked = await lockOwnOrder(tx, actor, input.orderId, "cancel");
    const payment = await paymentOf(tx, locked.id);
    if (payment?.providerRef && payment.status === "authorized") {
      await provider.void(payment.providerRef, `${locked.id}:void`);
      await tx.update(payments).set({ status: "voided" }).where(eq(payments.id, payment.id));
    } else if (payment?.providerRef && payment.status === "captured") {
      const refund = payment.capturedMinor - payment.refundedMinor;
      await provider.refund(payment.providerRef, refund, `${locked.id}:refund`);
      await tx.update(payments).set({ status: "refunded", refundedMinor: payment.capturedMinor }).where(eq(payments.id, payment.id));
      // The ledger takes back only what it credited: a payment captured outside Agora (the provider's
      // dashboard) before shipment never wrote the sale, and reversing it would leave the seller owing it.
      const [sale] = await tx
        .select({ id: sellerLedgerEntries.id })
        .from(sellerLedgerEntries)
        .where(and(eq(sellerLedgerEntries.orderId, locked.id), eq(sellerLedgerEntries.type, "sale")));
      if (sale)
        await tx
          .insert(sellerLedgerEntries)
          .values([
            { sellerId: locked.sellerId, orderId: locked.id, type: "refund", amountMinor: -refund, currency: locked.currency, reference: "cancel" },
            { sellerId: locked.sellerId, orderId: locked.id, type: "commission_refund", amountMinor: locked.commissionMinor, currency: locked.currency, reference: "cancel" },
          ])
          .onConflictDoNothing();
    }
    await releaseReservations(tx, [locked.id]);
    const reason = input.reason?.trim() || "Cancelled at the shopper's request.";
    const [order] = await tx
      .update(orders)
      .set({ status: "cancelled", cancelledAt: now, cancelReason: reason, cancelledBy: actor.kind })
      .where(eq(orders.id, locked.id))
      .returning();
    if (!order) throw notFound("The order");
    await tx.insert(orderEvents).values({ orderId: locked.id, type: "cancelled", note: reason, data: { by: actor.kind }, actorUserId: actor.userId });
    await notifyOrder(tx, { kind: "order_cancelled", orderId: locked.id });
    return { order, cacheTags: await listingTagsOf(tx, order) };
  });
}

/** The seller posts a delay: a new, later estimate and a note; the shopper is told at once. */
export async function postOrderDelay(
  db: Db,
  actor: Extract<OrderActor, { kind: "seller" }>,
  input: { orderId: string; estimatedFrom: string; estimatedTo: string; note: string },
  now: Date = new Date(),
): Promise<Order> {
  const today = now.toISOString().slice(0, 10);
  if (!isIsoDate(input.estimatedFrom)) throw new DomainError("INVALID_INPUT", "Enter a valid date.", { fieldErrors: { estimatedFrom: "Enter a valid date" } });
  if (!isIsoDate(input.estimatedTo)) throw new DomainError("INVALID_INPUT", "Enter a valid date.", { fieldErrors: { estimatedTo: "Enter a valid date" } });
  if (input.estimatedFrom < today)
    throw new DomainError("INVALID_INPUT", "The new estimate cannot start in the past.", { fieldErrors: { estimatedFrom: "Choose today or a later date" } });
  if (input.estimatedTo < input.estimatedFrom)
    throw new DomainError("INVALID_INPUT", "The latest date must be on or after the earliest.", { fieldErrors: { estimatedTo: "Must be on or after the earliest date" } });
  return db.transaction(async (tx) => {
    const locked = await lockOwnOrder(tx, actor, input.orderId, "delay");
    if (input.estimatedTo <= locked.estimatedTo)
      throw new DomainError("INVALID_INPUT", `A delay moves the latest date past the current estimate (${locked.estimatedTo}).`, {
        fieldErrors: { estimatedTo: `Choose a date after ${locked.estimatedTo}` },
      });
    const [order] = await tx
      .update(orders)
      .set({ estimatedFrom: input.estimatedFrom, estimatedTo: input.estimatedTo })
      .where(eq(orders.id, locked.id))
      .returning();
    if (!order) throw notFound("The order");
    await tx.insert(orderEvents).values({
      orderId: locked.id,
      type: "delayed",
      note: input.note,
      data: { previousFrom: locked.estimatedFrom, previousTo: locked.estimatedTo, estimatedFrom: input.estimatedFrom, estimatedTo: input.estimatedTo },
      actorUserId: actor.userId,
    });
    await notifyOrder(tx, { kind: "order_delayed", orderId: locked.id });
    return order;
  });
}

/** The seller's ledger: entries newest first and the balance as their sum. */
export async function sellerLedger(db: Db, sellerId: string, limit = 50) {
  const entries = await db
    .select({
      id: sellerLedgerEntries.id,
      type: sellerLedgerEntries.type,
      amountMinor: sellerLedgerEntries.amountMinor,
      currency: sellerLedgerEntries.currency,
      createdAt: sellerLedgerEntries.createdAt,
      orderId: sellerLedgerEntries.orderId,
      orderNumber: orders.number,
    })
    .from(sellerLedgerEntries)
    .innerJoin(orders, eq(orders.id, sellerLedgerEntries.orderId))
    .where(eq(sellerLedgerEntries.sellerId, sellerId))
    .orderBy(desc(sellerLedgerEntries.id))
    .limit(limit);
  const [balance] = await db
    .select({ balanceMinor: sql<number>`coalesce(sum(${sellerLedgerEntries.amountMinor}), 0)`.mapWith(Number) })
    .from(sellerLedgerEntries)
    .where(eq(sellerLedgerEntries.sellerId, sellerId));
  return { entries, balanceMinor: balance?.balanceMinor ?? 0 };
}

