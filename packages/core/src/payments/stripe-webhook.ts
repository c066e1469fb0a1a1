import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, schema, type Db } from "@agora/db";
import { z } from "zod";
import { declineMessages, type DeclineCode } from "./provider";
import { declineCodeOf } from "./stripe";

/**
 * Stripe webhooks: the signature proves Stripe sent the exact bytes received, and each event id is
 * processed once (Stripe delivers at least once, and out of order). Events reconcile what happened at
 * Stripe without us — an authorisation expiring after 7 days, a refund made in the Stripe dashboard —
 * with our payments rows, and never move a payment backwards.
 */

const { payments, paymentWebhookEvents } = schema;

export type StripeSignatureFailure =
  "missing_header" | "malformed_header" | "no_signature" | "signature_mismatch" | "timestamp_too_old";

export class StripeSignatureError extends Error {
  readonly reason: StripeSignatureFailure;
  constructor(reason: StripeSignatureFailure, message: string) {
    super(message);
    this.name = "StripeSignatureError";
    this.reason = reason;
  }
}

/** A correctly signed body that is not an event we can read. */
export class StripeEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StripeEventError";
  }
}

function computeSignature(timestamp: string, rawBody: string | Uint8Array, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest();
}

/** The Stripe-Signature header Stripe would send for this body: for tests and local tools. */
export function stripeSignatureHeader(rawBody: string | Uint8Array, secret: string, timestampSeconds: number): string {
  const t = String(Math.floor(timestampSeconds));
  return `t=${t},v1=${computeSignature(t, rawBody, secret).toString("hex")}`;
}

/**
 * Checks a `Stripe-Signature` header (`t=…,v1=…[,v1=…]`; several v1 values while a secret is being rolled)
 * against the raw body, and refuses timestamps older than the tolerance so a captured request cannot be
 * replayed later. Throws a StripeSignatureError saying why; returns the signed timestamp.
 */
export function verifyStripeSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
  options: { now?: Date; toleranceSeconds?: number } = {},
): { timestamp: number } {
  if (!signatureHeader) throw new StripeSignatureError("missing_header", "The Stripe-Signature header is missing.");
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of signatureHeader.split(",")) {
    const at = part.indexOf("=");
    if (at <= 0) throw new StripeSignatureError("malformed_header", "The Stripe-Signature header is not in the form t=…,v1=….");
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t") timestamp = value;
    else if (key === "v1") signatures.push(value);
    // Other schemes (v0 is Stripe's test-mode scheme) are ignored, as Stripe's own libraries do.
  }
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp))
    throw new StripeSignatureError("malformed_header", "The Stripe-Signature header has no valid timestamp (t=…).");
  if (!signatures.length) throw new StripeSignatureError("no_signature", "The Stripe-Signature header has no v1 signature.");

  const expected = computeSignature(timestamp, rawBody, secret);
  let matched = false;
  for (const signature of signatures) {
    if (!/^[0-9a-f]{64}$/i.test(signature)) continue;
    // Every candidate is compared in constant time; the loop does not stop early on a match.
    if (timingSafeEqual(Buffer.from(signature, "hex"), expected)) matched = true;
  }
  if (!matched) throw new StripeSignatureError("signature_mismatch", "No v1 signature matches the body and the webhook secret.");

  const toleranceSeconds = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const signedAt = Number(timestamp);
  if (toleranceSeconds > 0 && nowSeconds - signedAt > toleranceSeconds)
    throw new StripeSignatureError(
      "timestamp_too_old",
      `The signature is ${nowSeconds - signedAt} s old; at most ${toleranceSeconds} s is accepted.`,
    );
  return { timestamp: signedAt };
}

const eventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export type StripeEvent = z.infer<typeof eventSchema>;

/** Parses a verified body; throws StripeEventError when it is not a Stripe event. */
export function parseStripeEvent(rawBody: string | Uint8Array): StripeEvent {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8"));
  } catch {
    throw new StripeEventError("The body is not JSON.");
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) throw new StripeEventError("The body is not a Stripe event (id, type and data.object are required).");
  return parsed.data;
}

const amount = z.number().int().nonnegative();
const paymentIntentObject = z.object({
  id: z.string().min(1),
  amount_capturable: amount.optional(),
  amount_received: amount,
  status: z.string().optional(),
  last_payment_error: z.object({ code: z.string().nullish(), decline_code: z.string().nullish() }).nullish(),
});
const chargeObject = z.object({
  id: z.string().min(1),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  amount_captured: amount,
  amount_refunded: amount,
  refunded: z.boolean(),
});

export type PaymentStatus = (typeof schema.paymentStatus.enumValues)[number];

/** What a webhook event says happened to one payment. */
export type StripePaymentChange =
  | { kind: "authorized" }
  | { kind: "captured"; amountReceived: number }
  | { kind: "voided" }
  | { kind: "refunded"; amountCaptured: number; amountRefunded: number; fullyRefunded: boolean }
  | { kind: "declined"; code: DeclineCode; message: string };

function parseObject<T>(event: StripeEvent, shape: z.ZodType<T>): T {
  const parsed = shape.safeParse(event.data.object);
  if (!parsed.success) throw new StripeEventError(`Event ${event.id} (${event.type}) does not carry the object it should.`);
  return parsed.data;
}

/** The payment an event is about (the PaymentIntent id) and what changed; null for event types we ignore. */
export function stripePaymentChangeOf(event: StripeEvent): { providerRef: string; change: StripePaymentChange } | null {
  switch (event.type) {
    case "payment_intent.amount_capturable_updated": {
      const intent = parseObject(event, paymentIntentObject);
      // The event also fires when the capturable amount drops to 0; only a positive amount is a hold.
      if (!intent.amount_capturable) return null;
      return { providerRef: intent.id, change: { kind: "authorized" } };
    }
    case "payment_intent.succeeded": {
      const intent = parseObject(event, paymentIntentObject);
      return { providerRef: intent.id, change: { kind: "captured", amountReceived: intent.amount_received } };
    }
    case "payment_intent.canceled": {
      const intent = parseObject(event, paymentIntentObject);
      return { providerRef: intent.id, change: { kind: "voided" } };
    }
    case "payment_intent.payment_failed": {
      const intent = parseObject(event, paymentIntentObject);
      const code = declineCodeOf(intent.last_payment_error);
      return { providerRef: intent.id, change: { kind: "declined", code, message: declineMessages[code] } };
    }
    case "charge.refunded": {
      const charge = parseObject(event, chargeObject);
      const ref = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
      if (!ref) return null; // A charge made without a PaymentIntent was not made by Agora.
      return {
        providerRef: ref,
        change: {
          kind: "refunded",
          amountCaptured: charge.amount_captured,
          amountRefunded: charge.amount_refunded,
          fullyRefunded: charge.refunded,
        },
      };
    }
    default:
      return null;
  }
}

export interface PaymentState {
  status: PaymentStatus;
  amountMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  failureCode: string | null;
  failureMessage: string | null;
}

/** Later stages rank higher; voided and refunded are both final. */
const stage: Record<PaymentStatus, number> = { declined: 0, authorized: 1, captured: 2, refunded: 3, voided: 3 };

/**
 * The payment after a change, or null when nothing changes. Events arrive late and out of order, so a
 * change only ever moves a payment forward (a late "authorised" after "captured" is ignored) and amounts
 * only grow, within the bounds the table enforces (refunded ≤ captured ≤ amount).
 */
export function nextPaymentState(current: PaymentState, change: StripePaymentChange): PaymentState | null {
  const capturedUpTo = (n: number) => Math.min(current.amountMinor, Math.max(current.capturedMinor, n));
  let next: PaymentState;
  switch (change.kind) {
    case "authorized":
      if (stage[current.status] >= stage.authorized) return null;
      next = { ...current, status: "authorized" };
      break;
    case "captured":
      if (stage[current.status] > stage.captured) return null;
      next = { ...current, status: "captured", capturedMinor: capturedUpTo(change.amountReceived) };
      break;
    case "voided":
      // Stripe cannot cancel a captured PaymentIntent; only an authorisation (or a failed attempt) is voided.
      if (stage[current.status] >= stage.captured) return null;
      next = { ...current, status: "voided" };
      break;
    case "refunded": {
      if (current.status === "voided") return null;
      const capturedMinor = capturedUpTo(change.amountCaptured);
      const refundedMinor = Math.min(capturedMinor, Math.max(current.refundedMinor, change.amountRefunded));
      const fully = capturedMinor > 0 && (change.fullyRefunded || refundedMinor >= capturedMinor);
      const status: PaymentStatus = fully ? "refunded" : stage[current.status] >= stage.captured ? current.status : "captured";
      next = { ...current, status, capturedMinor, refundedMinor };
      break;
    }
    case "declined":
      // A failed attempt only adds detail to a payment that is still declined; it never undoes a success.
      if (current.status !== "declined") return null;
      next = { ...current, failureCode: change.code, failureMessage: change.message };
      break;
  }
  const same =
    next.status === current.status &&
    next.capturedMinor === current.capturedMinor &&
    next.refundedMinor === current.refundedMinor &&
    next.failureCode === current.failureCode &&
    next.failureMessage === current.failureMessage;
  return same ? null : next;
}

/**
 * `duplicate`: this event id was processed before, and nothing was changed now.
 * `handled`: the event is one we act on and names one of our payments (it may still change nothing, e.g.
 * when it arrives after a later one). Unknown event types are recorded and not handled.
 */
export type StripeEventOutcome = { duplicate: true; handled: false } | { duplicate: false; handled: boolean };

/** Processes one verified event exactly once: the event id is recorded in the same transaction as its effect. */
export async function handleStripeEvent(db: Db, event: StripeEvent): Promise<StripeEventOutcome> {
  // Read before the transaction, so a body we cannot understand records nothing and Stripe retries it.
  const found = stripePaymentChangeOf(event);
  return db.transaction(async (tx) => {
    const recorded = await tx
      .insert(paymentWebhookEvents)
      .values({ provider: "stripe", eventId: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ eventId: paymentWebhookEvents.eventId });
    // A concurrent delivery of the same id waits on the primary key above, then lands here.
    if (!recorded.length) return { duplicate: true, handled: false };
    if (!found) return { duplicate: false, handled: false };

    const [payment] = await tx
      .select({
        id: payments.id,
        status: payments.status,
        amountMinor: payments.amountMinor,
        capturedMinor: payments.capturedMinor,
        refundedMinor: payments.refundedMinor,
        failureCode: payments.failureCode,
        failureMessage: payments.failureMessage,
      })
      .from(payments)
      .where(and(eq(payments.provider, "stripe"), eq(payments.providerRef, found.providerRef)))
      .for("update");
    if (!payment) return { duplicate: false, handled: false };

    const next = nextPaymentState(payment, found.change);
    if (next)
      await tx
        .update(payments)
        .set({
          status: next.status,
          capturedMinor: next.capturedMinor,
          refundedMinor: next.refundedMinor,
          failureCode: next.failureCode,
          failureMessage: next.failureMessage,
        })
        .where(eq(payments.id, payment.id));
    return { duplicate: false, handled: true };
  });
}
