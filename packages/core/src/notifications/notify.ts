/**
 * Order notifications, written to the transactional outbox inside the caller's transaction: the message
 * exists exactly when the change it announces commits, and the worker (deliver.ts) sends it afterwards.
 */
import { and, asc, desc, eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { notFound } from "../errors";
import { notificationSettings, type MessageChannel } from "./config";
import {
  checkoutConfirmedMessage,
  orderAcceptedMessage,
  orderCancelledMessage,
  orderDelayedMessage,
  orderDeliveredMessage,
  orderShippedMessage,
  sellerNewOrderMessage,
  type MessageContent,
  type OrderSummary,
  type PaymentOutcome,
} from "./templates";

const {
  checkoutGroups,
  notificationPreferences,
  orderEvents,
  orderLines,
  orders,
  outboxMessages,
  payments,
  sellerMembers,
  sellers,
  users,
} = schema;

export type OrderNotice =
  | { kind: "checkout_confirmed"; groupId: string }
  | { kind: "order_accepted" | "order_shipped" | "order_delivered" | "order_delayed" | "order_cancelled"; orderId: string }
  | { kind: "seller_new_order"; orderId: string };

export type OrderNoticeKind = OrderNotice["kind"];

/** The PostgreSQL channel the worker listens on; notified on commit, so it wakes as soon as there is work. */
export const OUTBOX_CHANNEL = "outbox";

export interface NotifyOptions {
  /** Base URLs for links; default from the environment (STOREFRONT_URL, SELLER_URL). */
  storefrontUrl?: string;
  sellerUrl?: string;
}

interface Recipient {
  userId: string | null;
  channel: MessageChannel;
  address: string;
}

type OrderRow = typeof orders.$inferSelect;

/**
 * Writes the messages for one order event to the outbox, one per channel the person wants. Call it in
 * the same transaction as the change, after writing it: it reads the order as that transaction sees it.
 */
export async function notifyOrder(tx: Db, notice: OrderNotice, options: NotifyOptions = {}): Promise<void> {
  const settings = options.storefrontUrl && options.sellerUrl ? null : notificationSettings();
  const storefrontUrl = (options.storefrontUrl ?? settings?.storefrontUrl ?? "").replace(/\/+$/, "");
  const sellerUrl = (options.sellerUrl ?? settings?.sellerUrl ?? "").replace(/\/+$/, "");
  const buyerOrderUrl = (orderId: string) => `${storefrontUrl}/orders/${orderId}`;

  let rows: (typeof outboxMessages.$inferInsert)[];
  switch (notice.kind) {
    case "checkout_confirmed": {
      const [group] = await tx.select().from(checkoutGroups).where(eq(checkoutGroups.id, notice.groupId));
      if (!group) throw notFound("The checkout");
      const groupOrders = await tx.select().from(orders).where(eq(orders.groupId, group.id)).orderBy(asc(orders.number));
      const summaries = await summarise(tx, groupOrders, (o) => buyerOrderUrl(o.id));
      const buyer = await buyerRecipients(tx, group.buyerId, group.email);
      const content = checkoutConfirmedMessage({
        recipientName: buyer.name,
        orders: summaries,
        currency: group.currency,
        subtotalMinor: group.subtotalMinor,
        shippingMinor: group.shippingMinor,
        totalMinor: group.totalMinor,
        shippingAddress: group.shippingAddress ?? null,
        ordersUrl: `${storefrontUrl}/orders`,
      });
      // About the whole checkout rather than one seller order.
      rows = outboxRows(buyer.recipients, notice.kind, null, content);
      break;
    }
    case "seller_new_order": {
      const order = await orderById(tx, notice.orderId);
      const [summary] = await summarise(tx, [order], (o) => `${sellerUrl}/orders/${o.id}`);
      const [group] = await tx
        .select({ shippingAddress: checkoutGroups.shippingAddress })
        .from(checkoutGroups)
        .where(eq(checkoutGroups.id, order.groupId));
      const [store] = await tx.select({ contactEmail: sellers.contactEmail }).from(sellers).where(eq(sellers.id, order.sellerId));
      if (!summary || !store) throw notFound("The order");
      // The store's contact address; the owner's account sees it in the development inbox.
      const [owner] = await tx
        .select({ userId: sellerMembers.userId })
        .from(sellerMembers)
        .where(and(eq(sellerMembers.sellerId, order.sellerId), eq(sellerMembers.role, "owner")))
        .orderBy(asc(sellerMembers.createdAt))
        .limit(1);
      const content = sellerNewOrderMessage({ order: summary, shippingAddress: group?.shippingAddress ?? null });
      rows = outboxRows(
        [{ userId: owner?.userId ?? null, channel: "email", address: store.contactEmail }],
        notice.kind,
        order.id,
        content,
      );
      break;
    }
    default: {
      const order = await orderById(tx, notice.orderId);
      const [summary] = await summarise(tx, [order], (o) => buyerOrderUrl(o.id));
      if (!summary) throw notFound("The order");
      const [group] = await tx
        .select({ email: checkoutGroups.email })
        .from(checkoutGroups)
        .where(eq(checkoutGroups.id, order.groupId));
      const buyer = await buyerRecipients(tx, order.buyerId, group?.email ?? null);
      const recipientName = buyer.name;
      let content: MessageContent;
      switch (notice.kind) {
        case "order_accepted":
          content = orderAcceptedMessage({ recipientName, order: summary });
          break;
        case "order_shipped":
          content = orderShippedMessage({ recipientName, order: summary });
          break;
        case "order_delivered":
          content = orderDeliveredMessage({ recipientName, order: summary });
          break;
        case "order_delayed":
          content = orderDelayedMessage({ recipientName, order: summary, sellerNote: await latestDelayNote(tx, order.id) });
          break;
        case "order_cancelled":
          content = orderCancelledMessage({ recipientName, order: summary, payment: await paymentOutcome(tx, order.id) });
          break;
      }
      rows = outboxRows(buyer.recipients, notice.kind, order.id, content);
    }
  }

  if (rows.length === 0) return;
  await tx.insert(outboxMessages).values(rows);
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

function outboxRows(recipients: Recipient[], kind: OrderNoticeKind, orderId: string | null, content: MessageContent) {
  return recipients.map((r) => ({
    userId: r.userId,
    orderId,
    kind,
    channel: r.channel,
    recipient: r.address,
    subject: content.subject,
    body: r.channel === "sms" ? content.sms : content.body,
  }));
}

async function orderById(tx: Db, orderId: string): Promise<OrderRow> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("The order");
  return order;
}

/** The shopper's channels: their preferences (e-mail only when they never chose), or the checkout e-mail of a guest. */
async function buyerRecipients(
  tx: Db,
  buyerId: string | null,
  checkoutEmail: string | null,
): Promise<{ name: string | null; recipients: Recipient[] }> {
  if (!buyerId)
    return { name: null, recipients: checkoutEmail ? [{ userId: null, channel: "email", address: checkoutEmail }] : [] };
  const [row] = await tx
    .select({
      email: users.email,
      name: users.name,
      wantsEmail: notificationPreferences.email,
      wantsSms: notificationPreferences.sms,
      phone: notificationPreferences.phone,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, buyerId));
  if (!row) return { name: null, recipients: [] };
  const recipients: Recipient[] = [];
  if (row.wantsEmail ?? true) recipients.push({ userId: buyerId, channel: "email", address: row.email });
  if (row.wantsSms && row.phone) recipients.push({ userId: buyerId, channel: "sms", address: row.phone });
  return { name: row.name, recipients };
}

/** Orders with their store names and line snapshots, in the order given. */
async function summarise(tx: Db, rows: OrderRow[], urlOf: (order: OrderRow) => string): Promise<OrderSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const stores = await tx
    .select({ id: sellers.id, name: sellers.name })
    .from(sellers)
    .where(
      inArray(
        sellers.id,
        rows.map((o) => o.sellerId),
      ),
    );
  const lines = await tx
    .select({
      orderId: orderLines.orderId,
      title: orderLines.title,
      variantLabel: orderLines.variantLabel,
      quantity: orderLines.quantity,
      lineTotalMinor: orderLines.lineTotalMinor,
    })
    .from(orderLines)
    .where(inArray(orderLines.orderId, ids))
    .orderBy(asc(orderLines.title), asc(orderLines.id));
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  return rows.map((o) => ({
    number: o.number,
    storeName: storeName.get(o.sellerId) ?? "The store",
    currency: o.currency,
    fulfilment: o.fulfilment,
    deliveryLabel: o.deliveryLabel,
    subtotalMinor: o.subtotalMinor,
    shippingMinor: o.shippingMinor,
    totalMinor: o.totalMinor,
    estimated: { from: o.estimatedFrom, to: o.estimatedTo },
    promised: { from: o.promisedFrom, to: o.promisedTo },
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    cancelReason: o.cancelReason,
    cancelledBy: o.cancelledBy,
    lines: lines.filter((l) => l.orderId === o.id),
    url: urlOf(o),
  }));
}

async function latestDelayNote(tx: Db, orderId: string): Promise<string | null> {
  const [event] = await tx
    .select({ note: orderEvents.note })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "delayed")))
    .orderBy(desc(orderEvents.createdAt), desc(orderEvents.id))
    .limit(1);
  return event?.note ?? null;
}

/** What the cancellation did to the money, as the payment row says after the cancel wrote it. */
async function paymentOutcome(tx: Db, orderId: string): Promise<PaymentOutcome> {
  const [payment] = await tx
    .select({
      status: payments.status,
      amountMinor: payments.amountMinor,
      capturedMinor: payments.capturedMinor,
      refundedMinor: payments.refundedMinor,
    })
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .limit(1);
  if (!payment) return { kind: "none" };
  if (payment.status === "refunded" || payment.refundedMinor > 0) return { kind: "refunded", amountMinor: payment.refundedMinor };
  if (payment.status === "voided" || payment.status === "authorized")
    return { kind: "released", amountMinor: payment.amountMinor };
  if (payment.status === "captured") return { kind: "refund_due", amountMinor: payment.capturedMinor };
  return { kind: "none" };
}
