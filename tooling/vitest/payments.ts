/**
 * Payment test data: a checkout group with one seller order and its Stripe payment, written directly
 * (the rows place-order leaves behind after a Stripe authorisation), and Stripe events shaped like the
 * ones Stripe sends, for webhook tests.
 */
import { randomBytes } from "node:crypto";
import { eq, schema, type Db } from "@agora/db";
import { createSellerAccount, uniqueSuffix } from "./fixtures";

export interface StripePaymentFixture {
  paymentId: string;
  orderId: string;
  providerRef: string;
  amountMinor: number;
}

export async function createStripePayment(
  db: Db,
  options: { amountMinor?: number; status?: "authorized" | "captured"; sellerId?: string } = {},
): Promise<StripePaymentFixture> {
  const amountMinor = options.amountMinor ?? 5000;
  const shippingMinor = 500;
  const sellerId = options.sellerId ?? (await createSellerAccount(db, "pending")).seller.id;
  const suffix = uniqueSuffix();
  return db.transaction(async (tx) => {
    const [group] = await tx
      .insert(schema.checkoutGroups)
      .values({
        idempotencyKey: `key-${suffix}`,
        fingerprint: `fingerprint-${suffix}`,
        status: "completed",
        email: `buyer-${suffix}@agora.test`,
        currency: "EUR",
        subtotalMinor: amountMinor - shippingMinor,
        shippingMinor,
        totalMinor: amountMinor,
        expiresAt: new Date(Date.now() + 15 * 60_000),
      })
      .returning({ id: schema.checkoutGroups.id });
    if (!group) throw new Error("checkout group insert returned nothing");
    const [order] = await tx
      .insert(schema.orders)
      .values({
        groupId: group.id,
        sellerId,
        status: "placed",
        fulfilment: "shipping",
        deliveryLabel: "Standard",
        currency: "EUR",
        subtotalMinor: amountMinor - shippingMinor,
        shippingMinor,
        totalMinor: amountMinor,
        commissionMinor: 0,
        promisedFrom: "2030-01-06",
        promisedTo: "2030-01-09",
        estimatedFrom: "2030-01-06",
        estimatedTo: "2030-01-09",
        placedAt: new Date(),
      })
      .returning({ id: schema.orders.id });
    if (!order) throw new Error("order insert returned nothing");
    const providerRef = `pi_${randomBytes(12).toString("hex")}`;
    const status = options.status ?? "authorized";
    const [payment] = await tx
      .insert(schema.payments)
      .values({
        groupId: group.id,
        orderId: order.id,
        sellerId,
        provider: "stripe",
        providerRef,
        status,
        currency: "EUR",
        amountMinor,
        capturedMinor: status === "captured" ? amountMinor : 0,
        cardBrand: "visa",
        cardLast4: "4242",
      })
      .returning({ id: schema.payments.id });
    if (!payment) throw new Error("payment insert returned nothing");
    return { paymentId: payment.id, orderId: order.id, providerRef, amountMinor };
  });
}

export async function paymentRow(db: Db, paymentId: string) {
  const [row] = await db.select().from(schema.payments).where(eq(schema.payments.id, paymentId));
  if (!row) throw new Error(`payment ${paymentId} not found`);
  return row;
}

export const eventId = () => `evt_${randomBytes(12).toString("hex")}`;

/** A PaymentIntent event as Stripe sends it (the fields Agora reads, and a few it does not). */
export function paymentIntentEvent(
  type: string,
  payment: StripePaymentFixture,
  fields: { amountCapturable?: number; amountReceived?: number; status?: string; lastPaymentError?: Record<string, string> } = {},
) {
  return {
    id: eventId(),
    object: "event",
    api_version: "2025-08-27.basil",
    type,
    data: {
      object: {
        id: payment.providerRef,
        object: "payment_intent",
        amount: payment.amountMinor,
        amount_capturable: fields.amountCapturable ?? 0,
        amount_received: fields.amountReceived ?? 0,
        currency: "eur",
        status: fields.status ?? "requires_capture",
        last_payment_error: fields.lastPaymentError ?? null,
        metadata: { orderId: payment.orderId },
      },
    },
  };
}

export function chargeRefundedEvent(payment: StripePaymentFixture, amountRefunded: number, amountCaptured = payment.amountMinor) {
  return {
    id: eventId(),
    object: "event",
    api_version: "2025-08-27.basil",
    type: "charge.refunded",
    data: {
      object: {
        id: `ch_${randomBytes(8).toString("hex")}`,
        object: "charge",
        payment_intent: payment.providerRef,
        amount: payment.amountMinor,
        amount_captured: amountCaptured,
        amount_refunded: amountRefunded,
        refunded: amountRefunded >= amountCaptured,
        currency: "eur",
      },
    },
  };
}
