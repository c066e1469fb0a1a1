/**
 * The Stripe webhook endpoint as Stripe calls it: a POST with the raw JSON body and a Stripe-Signature
 * header, signed here with a local secret. A valid event is applied once; anything unsigned changes nothing.
 */
import { stripeSignatureHeader } from "@agora/core/payments";
import { eq, schema } from "@agora/db";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tooling/vitest/db";
import { createStripePayment, paymentIntentEvent, paymentRow } from "../../../tooling/vitest/payments";
import { parseApiEnv } from "./env";
import { stripeWebhookHandler } from "./http";

const { db } = await useTestDatabase();

const secret = "whsec_local_test_secret";
const now = new Date();
const handler = stripeWebhookHandler({ db: () => db, webhookSecret: secret, now: () => now });
const nowSeconds = Math.floor(now.getTime() / 1000);

function stripeRequest(body: string, signature: string | null) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  return new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers, body });
}

const signed = (body: string, options: { secret?: string; at?: number } = {}) =>
  stripeRequest(body, stripeSignatureHeader(body, options.secret ?? secret, options.at ?? nowSeconds));

async function recorded(eventId: string) {
  return db.select().from(schema.paymentWebhookEvents).where(eq(schema.paymentWebhookEvents.eventId, eventId));
}

describe("POST /api/webhooks/stripe", () => {
  it("applies a correctly signed event and answers 200, also when Stripe delivers it again", async () => {
    const payment = await createStripePayment(db, { amountMinor: 4200 });
    const body = JSON.stringify(
      paymentIntentEvent("payment_intent.succeeded", payment, { amountReceived: 4200, status: "succeeded" }),
    );

    const first = await handler(signed(body));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false, handled: true });
    expect(await paymentRow(db, payment.paymentId)).toMatchObject({ status: "captured", capturedMinor: 4200 });

    const again = await handler(signed(body));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true, handled: false });
  });

  it.each([
    [
      "a tampered body",
      (body: string) =>
        stripeRequest(
          body,
          stripeSignatureHeader(body.replace('"amount_received":4200', '"amount_received":1'), secret, nowSeconds),
        ),
    ],
    ["another secret", (body: string) => signed(body, { secret: "whsec_someone_else" })],
    ["an old timestamp", (body: string) => signed(body, { at: nowSeconds - 3600 })],
    ["no signature", (body: string) => stripeRequest(body, null)],
    ["a malformed signature", (body: string) => stripeRequest(body, "v1=deadbeef")],
  ])("answers 400 to %s and records nothing", async (_, makeRequest) => {
    const payment = await createStripePayment(db, { amountMinor: 4200 });
    const event = paymentIntentEvent("payment_intent.succeeded", payment, { amountReceived: 4200, status: "succeeded" });
    const before = await paymentRow(db, payment.paymentId);

    const res = await handler(makeRequest(JSON.stringify(event)));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^Invalid Stripe signature: /);
    expect(await recorded(event.id)).toHaveLength(0);
    expect(await paymentRow(db, payment.paymentId)).toEqual(before);
  });

  it("answers 400 to a signed body that is not an event", async () => {
    const res = await handler(signed("{not json"));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^Invalid Stripe event: /);
  });

  it("answers 503 when no webhook secret is configured", async () => {
    const unconfigured = stripeWebhookHandler({ db: () => db, webhookSecret: null });
    const res = await unconfigured(signed("{}"));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/STRIPE_WEBHOOK_SECRET/);
  });
});

describe("payment settings", () => {
  it("uses the test provider unless told otherwise", () => {
    expect(parseApiEnv({}).PAYMENT_PROVIDER).toBe("test");
    expect(parseApiEnv({ PAYMENT_PROVIDER: "" }).PAYMENT_PROVIDER).toBe("test");
  });

  it("refuses PAYMENT_PROVIDER=stripe without a secret key, saying what to set", () => {
    expect(() => parseApiEnv({ PAYMENT_PROVIDER: "stripe" })).toThrow(/PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY/);
    expect(() => parseApiEnv({ PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "pk_test_publishable" })).toThrow(/sk_test_/);
    expect(
      parseApiEnv({ PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_1" }),
    ).toMatchObject({
      PAYMENT_PROVIDER: "stripe",
      STRIPE_SECRET_KEY: "sk_test_123",
    });
  });

  it("refuses an unknown provider", () => {
    expect(() => parseApiEnv({ PAYMENT_PROVIDER: "paypal" })).toThrow(/"test" or "stripe"/);
  });
});
