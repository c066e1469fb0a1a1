/**
 * Stripe webhook events against real PostgreSQL: each event id is processed once, even when delivered
 * twice at the same moment, and late or out-of-order events never move a payment backwards.
 */
import { and, eq, schema } from "@agora/db";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { chargeRefundedEvent, createStripePayment, paymentIntentEvent, paymentRow } from "../../../../tooling/vitest/payments";
import { handleStripeEvent, parseStripeEvent } from "./stripe-webhook";

const { db } = await useTestDatabase();

/** What the endpoint does after verifying the signature: the event is read from its JSON body. */
const deliver = (event: object) => handleStripeEvent(db, parseStripeEvent(JSON.stringify(event)));

async function recordedEvents(eventId: string) {
  return db
    .select()
    .from(schema.paymentWebhookEvents)
    .where(and(eq(schema.paymentWebhookEvents.provider, "stripe"), eq(schema.paymentWebhookEvents.eventId, eventId)));
}

describe("handleStripeEvent", () => {
  it("processes an event delivered twice only once", async () => {
    const payment = await createStripePayment(db, { status: "captured", amountMinor: 5000 });
    const refund = chargeRefundedEvent(payment, 1500);

    expect(await deliver(refund)).toEqual({ duplicate: false, handled: true });
    const afterFirst = await paymentRow(db, payment.paymentId);
    expect(afterFirst).toMatchObject({ status: "captured", capturedMinor: 5000, refundedMinor: 1500 });

    expect(await deliver(refund)).toEqual({ duplicate: true, handled: false });
    const afterSecond = await paymentRow(db, payment.paymentId);
    expect(afterSecond.refundedMinor).toBe(1500);
    expect(afterSecond.updatedAt).toEqual(afterFirst.updatedAt);
    expect(await recordedEvents(refund.id)).toHaveLength(1);
  });

  it("processes one of two simultaneous deliveries of the same event", async () => {
    const payment = await createStripePayment(db, { status: "captured", amountMinor: 5000 });
    const refund = chargeRefundedEvent(payment, 2000);
    const outcomes = await Promise.all([deliver(refund), deliver(refund), deliver(refund)]);
    expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1);
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ refundedMinor: 2000 });
    expect(await recordedEvents(refund.id)).toHaveLength(1);
  });

  it("follows a payment forward: captured, partly refunded, then fully refunded", async () => {
    const payment = await createStripePayment(db, { amountMinor: 8000 });
    await deliver(paymentIntentEvent("payment_intent.succeeded", payment, { amountReceived: 8000, status: "succeeded" }));
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ status: "captured", capturedMinor: 8000 });

    await deliver(chargeRefundedEvent(payment, 3000));
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ status: "captured", refundedMinor: 3000 });

    await deliver(chargeRefundedEvent(payment, 8000));
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({
      status: "refunded",
      capturedMinor: 8000,
      refundedMinor: 8000,
    });
  });

  it("never moves a payment backwards when events arrive late", async () => {
    const payment = await createStripePayment(db, { amountMinor: 6000 });
    await deliver(paymentIntentEvent("payment_intent.succeeded", payment, { amountReceived: 6000, status: "succeeded" }));

    // The authorisation event, delivered after the capture, is recorded and changes nothing.
    const lateAuthorised = paymentIntentEvent("payment_intent.amount_capturable_updated", payment, { amountCapturable: 6000 });
    expect(await deliver(lateAuthorised)).toEqual({ duplicate: false, handled: true });
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ status: "captured", capturedMinor: 6000 });
    expect(await recordedEvents(lateAuthorised.id)).toHaveLength(1);

    // Neither does an earlier failed attempt nor a cancellation.
    await deliver(paymentIntentEvent("payment_intent.payment_failed", payment, { lastPaymentError: { code: "card_declined" } }));
    await deliver(paymentIntentEvent("payment_intent.canceled", payment, { status: "canceled" }));
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ status: "captured", failureCode: null });

    // Once refunded in full, a late partial refund and a late capture leave it refunded.
    const fullRefund = chargeRefundedEvent(payment, 6000);
    const partialRefund = chargeRefundedEvent(payment, 1000);
    await deliver(fullRefund);
    await deliver(partialRefund);
    await deliver(paymentIntentEvent("payment_intent.succeeded", payment, { amountReceived: 6000, status: "succeeded" }));
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ status: "refunded", refundedMinor: 6000 });
  });

  it("marks an authorisation voided when Stripe cancels it, and then ignores a late capture", async () => {
    const payment = await createStripePayment(db);
    await deliver(paymentIntentEvent("payment_intent.canceled", payment, { status: "canceled" }));
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ status: "voided" });
    await deliver(
      paymentIntentEvent("payment_intent.succeeded", payment, { amountReceived: payment.amountMinor, status: "succeeded" }),
    );
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ status: "voided", capturedMinor: 0 });
  });

  it("records unknown event types and events about other payments without handling them", async () => {
    const payment = await createStripePayment(db);
    const before = await paymentRow(db, payment.paymentId);

    const unknown = {
      id: `evt_unknown_${payment.paymentId}`,
      type: "customer.created",
      data: { object: { id: "cus_1", object: "customer" } },
    };
    expect(await deliver(unknown)).toEqual({ duplicate: false, handled: false });
    expect(await recordedEvents(unknown.id)).toEqual([expect.objectContaining({ type: "customer.created" })]);
    expect(await deliver(unknown)).toEqual({ duplicate: true, handled: false });

    const elsewhere = paymentIntentEvent(
      "payment_intent.succeeded",
      { ...payment, providerRef: "pi_not_from_agora" },
      { amountReceived: 100 },
    );
    expect(await deliver(elsewhere)).toEqual({ duplicate: false, handled: false });
    expect(await paymentRow(db, payment.paymentId)).toEqual(before);
  });

  it("records nothing for a known event type that lacks its object, so Stripe can deliver it again", async () => {
    const broken = { id: "evt_broken_1", type: "payment_intent.succeeded", data: { object: { id: "pi_x" } } };
    await expect(deliver(broken)).rejects.toThrow(/does not carry/);
    expect(await recordedEvents(broken.id)).toHaveLength(0);
  });
});
