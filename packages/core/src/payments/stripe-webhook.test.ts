import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  nextPaymentState,
  parseStripeEvent,
  StripeEventError,
  StripeSignatureError,
  stripePaymentChangeOf,
  stripeSignatureHeader,
  verifyStripeSignature,
  type PaymentState,
  type StripeSignatureFailure,
} from "./stripe-webhook";

const secret = "whsec_test_secret";
const body = JSON.stringify({
  id: "evt_1",
  type: "payment_intent.succeeded",
  data: { object: { id: "pi_1", amount_received: 100 } },
});
const now = new Date("2030-01-01T12:00:00Z");
const t = Math.floor(now.getTime() / 1000);

function reasonOf(call: () => unknown): StripeSignatureFailure | "accepted" {
  try {
    call();
    return "accepted";
  } catch (error) {
    if (error instanceof StripeSignatureError) return error.reason;
    throw error;
  }
}

describe("verifyStripeSignature", () => {
  it("accepts a body signed with the secret", () => {
    expect(verifyStripeSignature(body, stripeSignatureHeader(body, secret, t), secret, { now })).toEqual({ timestamp: t });
  });

  it("signs `${t}.${body}` with HMAC-SHA256, as Stripe documents", () => {
    const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(stripeSignatureHeader(body, secret, t)).toBe(`t=${t},v1=${v1}`);
  });

  it("accepts the raw bytes as well as the text", () => {
    expect(verifyStripeSignature(Buffer.from(body), stripeSignatureHeader(body, secret, t), secret, { now })).toEqual({
      timestamp: t,
    });
  });

  it("refuses a tampered body", () => {
    const header = stripeSignatureHeader(body, secret, t);
    expect(reasonOf(() => verifyStripeSignature(body.replace("100", "999"), header, secret, { now }))).toBe("signature_mismatch");
  });

  it("refuses a body signed with another secret", () => {
    expect(reasonOf(() => verifyStripeSignature(body, stripeSignatureHeader(body, "whsec_other", t), secret, { now }))).toBe(
      "signature_mismatch",
    );
  });

  it("refuses a signature whose timestamp was changed", () => {
    const v1 = stripeSignatureHeader(body, secret, t).split(",")[1];
    expect(reasonOf(() => verifyStripeSignature(body, `t=${t + 1},${v1}`, secret, { now }))).toBe("signature_mismatch");
  });

  it("refuses a timestamp older than the tolerance, and accepts one just inside it", () => {
    const old = stripeSignatureHeader(body, secret, t - 301);
    expect(reasonOf(() => verifyStripeSignature(body, old, secret, { now }))).toBe("timestamp_too_old");
    const recent = stripeSignatureHeader(body, secret, t - 300);
    expect(reasonOf(() => verifyStripeSignature(body, recent, secret, { now }))).toBe("accepted");
    expect(reasonOf(() => verifyStripeSignature(body, old, secret, { now, toleranceSeconds: 600 }))).toBe("accepted");
  });

  it("accepts a header with several v1 signatures when any one matches (secret roll-over)", () => {
    const good = stripeSignatureHeader(body, secret, t).split(",")[1];
    const stale = stripeSignatureHeader(body, "whsec_old", t).split(",")[1];
    expect(reasonOf(() => verifyStripeSignature(body, `t=${t},${stale},${good},v0=abc`, secret, { now }))).toBe("accepted");
    expect(reasonOf(() => verifyStripeSignature(body, `t=${t},${stale},v1=zz`, secret, { now }))).toBe("signature_mismatch");
  });

  it.each([
    [null, "missing_header"],
    ["", "missing_header"],
    ["garbage", "malformed_header"],
    ["v1=abc", "malformed_header"],
    ["t=notanumber,v1=abc", "malformed_header"],
    [`t=${t}`, "no_signature"],
    [`t=${t},v0=abc`, "no_signature"],
    [`t=${t},v1=`, "signature_mismatch"],
  ] as const)("refuses the header %j (%s)", (header, reason) => {
    expect(reasonOf(() => verifyStripeSignature(body, header, secret, { now }))).toBe(reason);
  });
});

describe("parseStripeEvent", () => {
  it("reads id, type and the object", () => {
    expect(parseStripeEvent(body)).toMatchObject({
      id: "evt_1",
      type: "payment_intent.succeeded",
      data: { object: { id: "pi_1" } },
    });
  });

  it.each(["not json", "[]", JSON.stringify({ id: "evt_1", type: "x" })])("refuses %j", (raw) => {
    expect(() => parseStripeEvent(raw)).toThrow(StripeEventError);
  });
});

describe("stripePaymentChangeOf", () => {
  const event = (type: string, object: Record<string, unknown>) => ({ id: "evt_1", type, data: { object } });

  it("reads the PaymentIntent events we act on", () => {
    expect(
      stripePaymentChangeOf(
        event("payment_intent.amount_capturable_updated", { id: "pi_1", amount_capturable: 500, amount_received: 0 }),
      ),
    ).toEqual({
      providerRef: "pi_1",
      change: { kind: "authorized" },
    });
    expect(stripePaymentChangeOf(event("payment_intent.succeeded", { id: "pi_1", amount_received: 500 }))).toEqual({
      providerRef: "pi_1",
      change: { kind: "captured", amountReceived: 500 },
    });
    expect(stripePaymentChangeOf(event("payment_intent.canceled", { id: "pi_1", amount_received: 0 }))).toEqual({
      providerRef: "pi_1",
      change: { kind: "voided" },
    });
    expect(
      stripePaymentChangeOf(
        event("payment_intent.payment_failed", {
          id: "pi_1",
          amount_received: 0,
          last_payment_error: { code: "card_declined", decline_code: "insufficient_funds" },
        }),
      ),
    ).toMatchObject({ providerRef: "pi_1", change: { kind: "declined", code: "insufficient_funds" } });
  });

  it("reads a refund from the charge and its PaymentIntent", () => {
    expect(
      stripePaymentChangeOf(
        event("charge.refunded", {
          id: "ch_1",
          payment_intent: "pi_1",
          amount_captured: 500,
          amount_refunded: 200,
          refunded: false,
        }),
      ),
    ).toEqual({
      providerRef: "pi_1",
      change: { kind: "refunded", amountCaptured: 500, amountRefunded: 200, fullyRefunded: false },
    });
  });

  it("ignores other event types and charges without a PaymentIntent", () => {
    expect(stripePaymentChangeOf(event("customer.created", { id: "cus_1" }))).toBeNull();
    expect(
      stripePaymentChangeOf(
        event("charge.refunded", { id: "ch_1", payment_intent: null, amount_captured: 5, amount_refunded: 5, refunded: true }),
      ),
    ).toBeNull();
  });

  it("refuses a known event type without the object it needs", () => {
    expect(() => stripePaymentChangeOf(event("payment_intent.succeeded", { id: "pi_1" }))).toThrow(StripeEventError);
  });
});

describe("nextPaymentState", () => {
  const payment = (over: Partial<PaymentState> = {}): PaymentState => ({
    status: "authorized",
    amountMinor: 1000,
    capturedMinor: 0,
    refundedMinor: 0,
    failureCode: null,
    failureMessage: null,
    ...over,
  });

  it("moves forward: authorised → captured → partly refunded → refunded", () => {
    const captured = nextPaymentState(payment(), { kind: "captured", amountReceived: 1000 });
    expect(captured).toMatchObject({ status: "captured", capturedMinor: 1000 });
    const partly =
      captured &&
      nextPaymentState(captured, { kind: "refunded", amountCaptured: 1000, amountRefunded: 400, fullyRefunded: false });
    expect(partly).toMatchObject({ status: "captured", refundedMinor: 400 });
    const full =
      partly && nextPaymentState(partly, { kind: "refunded", amountCaptured: 1000, amountRefunded: 1000, fullyRefunded: true });
    expect(full).toMatchObject({ status: "refunded", refundedMinor: 1000 });
  });

  it("never moves backwards", () => {
    expect(nextPaymentState(payment({ status: "captured", capturedMinor: 1000 }), { kind: "authorized" })).toBeNull();
    expect(nextPaymentState(payment({ status: "captured", capturedMinor: 1000 }), { kind: "voided" })).toBeNull();
    expect(
      nextPaymentState(payment({ status: "refunded", capturedMinor: 1000, refundedMinor: 1000 }), {
        kind: "captured",
        amountReceived: 1000,
      }),
    ).toBeNull();
    expect(nextPaymentState(payment({ status: "voided" }), { kind: "captured", amountReceived: 1000 })).toBeNull();
    expect(nextPaymentState(payment({ status: "voided" }), { kind: "authorized" })).toBeNull();
    expect(nextPaymentState(payment(), { kind: "declined", code: "card_declined", message: "x" })).toBeNull();
    // A late partial-refund event after the full refund leaves the full refund in place.
    expect(
      nextPaymentState(payment({ status: "refunded", capturedMinor: 1000, refundedMinor: 1000 }), {
        kind: "refunded",
        amountCaptured: 1000,
        amountRefunded: 400,
        fullyRefunded: false,
      }),
    ).toBeNull();
  });

  it("voids an authorisation", () => {
    expect(nextPaymentState(payment(), { kind: "voided" })).toMatchObject({ status: "voided" });
  });

  it("keeps amounts within what the table allows", () => {
    expect(nextPaymentState(payment(), { kind: "captured", amountReceived: 5000 })).toMatchObject({ capturedMinor: 1000 });
    expect(
      nextPaymentState(payment(), { kind: "refunded", amountCaptured: 600, amountRefunded: 900, fullyRefunded: false }),
    ).toMatchObject({
      status: "refunded",
      capturedMinor: 600,
      refundedMinor: 600,
    });
  });

  it("says nothing changed when the event repeats what is known", () => {
    expect(nextPaymentState(payment(), { kind: "authorized" })).toBeNull();
    expect(
      nextPaymentState(payment({ status: "captured", capturedMinor: 1000 }), { kind: "captured", amountReceived: 1000 }),
    ).toBeNull();
  });
});
