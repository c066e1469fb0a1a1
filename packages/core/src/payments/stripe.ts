import {
  declineMessages,
  PaymentProviderError,
  type AuthorizeRequest,
  type AuthorizeResult,
  type DeclineCode,
  type PaymentProvider,
} from "./provider";

/**
 * Stripe over its REST API (no SDK): PaymentIntents with manual capture, so the card is authorised at
 * placement and captured when the seller ships. Every POST carries an Idempotency-Key, so a retried call
 * (ours, or the caller's with the same key) is answered with the first result instead of charging twice.
 */

/** Pinned so Stripe's response shapes only change when we change this line. */
export const STRIPE_API_VERSION = "2025-08-27.basil";

export interface StripeProviderOptions {
  secretKey: string;
  fetch?: typeof globalThis.fetch;
  apiBase?: string;
  /** Per request; Stripe's own libraries wait up to 80 s, a shopper at checkout should not. */
  timeoutMs?: number;
  /** Network failures, 429 and 5xx are retried with the same Idempotency-Key, which makes it safe. */
  maxNetworkRetries?: number;
  retryDelayMs?: number;
}

type FormValue = string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };

/** Stripe's form encoding: nested objects as `a[b]=…`, arrays as `a[]=…`. */
export function encodeStripeForm(params: Record<string, FormValue>): string {
  const form = new URLSearchParams();
  const add = (key: string, value: FormValue) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) for (const item of value) add(`${key}[]`, item);
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    else form.append(key, String(value));
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return form.toString();
}

/** The parts of Stripe's error object we act on. */
export interface StripeApiError {
  type?: string;
  code?: string | null;
  decline_code?: string | null;
  message?: string | null;
}

const declineCodes: Record<string, DeclineCode> = {
  insufficient_funds: "insufficient_funds",
  expired_card: "expired_card",
  incorrect_cvc: "incorrect_cvc",
  invalid_cvc: "incorrect_cvc",
  processing_error: "processing_error",
  try_again_later: "processing_error",
  issuer_not_available: "processing_error",
};

/** Maps Stripe's decline_code (the issuer's reason) or code to ours; anything else is a plain decline. */
export function declineCodeOf(error: Pick<StripeApiError, "code" | "decline_code"> | null | undefined): DeclineCode {
  return declineCodes[error?.decline_code ?? ""] ?? declineCodes[error?.code ?? ""] ?? "card_declined";
}

interface StripePaymentIntent {
  id: string;
  status: string;
  latest_charge?:
    string | { payment_method_details?: { card?: { brand?: string | null; last4?: string | null } | null } | null } | null;
  last_payment_error?: StripeApiError | null;
}

type StripeResponse<T> = { ok: true; body: T } | { ok: false; status: number; error: StripeApiError };

const THREE_D_SECURE_MESSAGE =
  "Your bank asks to confirm this payment (3-D Secure), which this checkout cannot do yet. Please use another card.";

export function createStripePaymentProvider(options: StripeProviderOptions): PaymentProvider {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const apiBase = (options.apiBase ?? "https://api.stripe.com").replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxNetworkRetries ?? 1;
  const retryDelayMs = options.retryDelayMs ?? 500;
  if (!options.secretKey) throw new Error("createStripePaymentProvider needs a secret key.");

  async function post<T>(path: string, params: Record<string, FormValue>, idempotencyKey: string): Promise<StripeResponse<T>> {
    const body = encodeStripeForm(params);
    let lastFailure = "";
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
      let res: Response;
      try {
        res = await fetchImpl(`${apiBase}${path}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${options.secretKey}`,
            "content-type": "application/x-www-form-urlencoded",
            "idempotency-key": idempotencyKey,
            "stripe-version": STRIPE_API_VERSION,
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        lastFailure = `Stripe could not be reached (${error instanceof Error ? error.message : String(error)})`;
        if (attempt < maxRetries) continue;
        throw new PaymentProviderError(`${lastFailure} on POST ${path}.`, { cause: error });
      }
      const parsed = await readJson(res);
      if (res.ok) return { ok: true, body: parsed as T };
      const error = errorOf(parsed);
      lastFailure = `Stripe answered ${res.status}${error.message ? `: ${error.message}` : ""}`;
      const shouldRetry = res.headers.get("stripe-should-retry");
      const retryable = shouldRetry === "true" || (shouldRetry !== "false" && (res.status === 429 || res.status >= 500));
      if (retryable && attempt < maxRetries) continue;
      return { ok: false, status: res.status, error };
    }
    throw new PaymentProviderError(`${lastFailure} on POST ${path}.`);
  }

  /** Anything that is not a success is an error here: only authorize knows how to read a decline. */
  async function postOrThrow<T>(path: string, params: Record<string, FormValue>, idempotencyKey: string): Promise<T> {
    const result = await post<T>(path, params, idempotencyKey);
    if (result.ok) return result.body;
    throw new PaymentProviderError(
      `Stripe refused POST ${path} (${result.status}${result.error.code ? `, ${result.error.code}` : ""})${result.error.message ? `: ${result.error.message}` : ""}`,
    );
  }

  const decline = (error: StripeApiError): AuthorizeResult => {
    const code = declineCodeOf(error);
    return { ok: false, code, message: declineMessages[code] };
  };

  const isDecline = (result: { ok: false; status: number; error: StripeApiError }) =>
    result.status === 402 && result.error.type === "card_error";

  return {
    name: "stripe",

    async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
      if (request.method.type !== "stripe")
        return { ok: false, code: "processing_error", message: "This payment method is not available." };
      const paymentMethodId = request.method.paymentMethodId;

      // A checkout authorises one PaymentIntent per seller with the same card, and Stripe lets a
      // PaymentMethod that belongs to no Customer be used only once. So it is first attached to a
      // Customer of its own; keyed on the PaymentMethod, every seller's authorisation shares it.
      const customer = await post<{ id: string }>(
        "/v1/customers",
        { payment_method: paymentMethodId, description: "Agora checkout" },
        `agora-customer-${paymentMethodId}`,
      );
      if (!customer.ok) {
        if (isDecline(customer)) return decline(customer.error);
        throw new PaymentProviderError(
          `Stripe refused to attach the card (${customer.status}): ${customer.error.message ?? "no message"}`,
        );
      }

      const created = await post<StripePaymentIntent>(
        "/v1/payment_intents",
        {
          amount: request.amountMinor,
          currency: request.currency.toLowerCase(),
          customer: customer.body.id,
          payment_method: paymentMethodId,
          // Cards only. Naming the types turns automatic payment methods off (Stripe refuses both at once),
          // which could otherwise pick a method that redirects the shopper away from checkout.
          payment_method_types: ["card"],
          capture_method: "manual",
          confirm: true,
          description: request.description,
          metadata: request.metadata,
          expand: ["latest_charge"],
        },
        request.idempotencyKey,
      );
      if (!created.ok) {
        if (isDecline(created)) return decline(created.error);
        throw new PaymentProviderError(
          `Stripe refused the payment (${created.status}${created.error.code ? `, ${created.error.code}` : ""}): ${created.error.message ?? "no message"}`,
        );
      }

      const intent = created.body;
      switch (intent.status) {
        case "requires_capture": {
          const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
          const card = charge?.payment_method_details?.card;
          return { ok: true, providerRef: intent.id, cardBrand: card?.brand ?? null, cardLast4: card?.last4 ?? null };
        }
        case "requires_action": {
          // 3-D Secure needs the shopper's browser (Stripe.js handleNextAction), and checkout confirms on
          // the server only, so far. The intent holds no money; it is cancelled so it does not linger as
          // "incomplete", and a failure to cancel changes nothing for the shopper.
          await post(
            `/v1/payment_intents/${encodeURIComponent(intent.id)}/cancel`,
            {},
            `${request.idempotencyKey}:cancel-3ds`,
          ).catch(() => undefined);
          return { ok: false, code: "card_declined", message: THREE_D_SECURE_MESSAGE };
        }
        case "requires_payment_method":
          return decline(intent.last_payment_error ?? {});
        default:
          throw new PaymentProviderError(
            `Stripe PaymentIntent ${intent.id} is "${intent.status}" after confirmation; expected "requires_capture".`,
          );
      }
    },

    async capture(providerRef, amountMinor, idempotencyKey) {
      await postOrThrow(
        `/v1/payment_intents/${encodeURIComponent(providerRef)}/capture`,
        { amount_to_capture: amountMinor },
        idempotencyKey,
      );
    },

    async void(providerRef, idempotencyKey) {
      await postOrThrow(`/v1/payment_intents/${encodeURIComponent(providerRef)}/cancel`, {}, idempotencyKey);
    },

    async refund(providerRef, amountMinor, idempotencyKey) {
      await postOrThrow("/v1/refunds", { payment_intent: providerRef, amount: amountMinor }, idempotencyKey);
    },
  };
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

function errorOf(body: unknown): StripeApiError {
  if (typeof body === "object" && body !== null && "error" in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === "object" && error !== null) return error as StripeApiError;
  }
  return {};
}
