import { describe, expect, it } from "vitest";
import { PaymentProviderError, type AuthorizeRequest } from "./provider";
import { createStripePaymentProvider, encodeStripeForm, STRIPE_API_VERSION } from "./stripe";

interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  form: URLSearchParams;
}

type Reply = Response | Error | ((request: RecordedRequest) => Response);

/** A fetch that records every request and answers from a script, per path. No network. */
function fakeStripe(script: Record<string, Reply | Reply[]>) {
  const requests: RecordedRequest[] = [];
  const queues = new Map(Object.entries(script).map(([path, reply]) => [path, Array.isArray(reply) ? [...reply] : [reply]]));
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const request: RecordedRequest = {
      url: url.toString(),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      form: new URLSearchParams(typeof init?.body === "string" ? init.body : ""),
    };
    requests.push(request);
    const queue = queues.get(url.pathname);
    if (!queue?.length) throw new Error(`unexpected request to ${url.pathname}`);
    // The last reply repeats, so a retried request gets the same answer.
    const reply = queue.length > 1 ? queue.shift() : queue[0];
    if (reply instanceof Error) throw reply;
    if (typeof reply === "function") return reply(request);
    if (!reply) throw new Error("no reply");
    return reply.clone();
  };
  return { fetch, requests, paths: () => requests.map((r) => new URL(r.url).pathname) };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const customer = () => json(200, { id: "cus_123", object: "customer" });

const intent = (status: string, extra: Record<string, unknown> = {}) =>
  json(200, {
    id: "pi_123",
    object: "payment_intent",
    status,
    amount: 4599,
    latest_charge: { id: "ch_1", payment_method_details: { card: { brand: "visa", last4: "4242" } } },
    ...extra,
  });

const cardError = (fields: { code?: string; decline_code?: string }) =>
  json(402, {
    error: {
      type: "card_error",
      message: "Your card was declined.",
      ...fields,
      payment_intent: { id: "pi_123", status: "requires_payment_method" },
    },
  });

const request: AuthorizeRequest = {
  amountMinor: 4599,
  currency: "EUR",
  idempotencyKey: "order-1:authorize",
  method: { type: "stripe", paymentMethodId: "pm_card_visa" },
  description: "Order #100001 from Northwind",
  metadata: { orderId: "order-1", groupId: "group-1" },
};

const provider = (fetch: ReturnType<typeof fakeStripe>["fetch"]) =>
  createStripePaymentProvider({ secretKey: "sk_test_abc", fetch, apiBase: "https://stripe.test", retryDelayMs: 0 });

describe("encodeStripeForm", () => {
  it("encodes nested objects with brackets and arrays with []", () => {
    const form = new URLSearchParams(encodeStripeForm({ a: 1, b: ["x", "y"], m: { k: "v w" }, skip: undefined, confirm: true }));
    expect([...form]).toEqual([
      ["a", "1"],
      ["b[]", "x"],
      ["b[]", "y"],
      ["m[k]", "v w"],
      ["confirm", "true"],
    ]);
  });
});

describe("Stripe provider: authorize", () => {
  it("creates a confirmed, manually captured card PaymentIntent and returns its id and card", async () => {
    const stripe = fakeStripe({ "/v1/customers": customer(), "/v1/payment_intents": intent("requires_capture") });
    const result = await provider(stripe.fetch).authorize(request);

    expect(result).toEqual({ ok: true, providerRef: "pi_123", cardBrand: "visa", cardLast4: "4242" });
    expect(stripe.paths()).toEqual(["/v1/customers", "/v1/payment_intents"]);
    for (const r of stripe.requests) {
      expect(r.method).toBe("POST");
      expect(r.headers.get("authorization")).toBe("Bearer sk_test_abc");
      expect(r.headers.get("stripe-version")).toBe(STRIPE_API_VERSION);
      expect(r.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
      expect(r.headers.get("idempotency-key")).toBeTruthy();
    }

    const [attach, create] = stripe.requests;
    // The card is attached to a Customer keyed on the card, so every seller's intent can use it.
    expect(attach?.form.get("payment_method")).toBe("pm_card_visa");
    expect(attach?.headers.get("idempotency-key")).toBe("agora-customer-pm_card_visa");

    const form = create?.form;
    expect(create?.headers.get("idempotency-key")).toBe("order-1:authorize");
    expect(form?.get("amount")).toBe("4599");
    expect(form?.get("currency")).toBe("eur");
    expect(form?.get("capture_method")).toBe("manual");
    expect(form?.get("confirm")).toBe("true");
    expect(form?.get("payment_method")).toBe("pm_card_visa");
    expect(form?.get("customer")).toBe("cus_123");
    expect(form?.getAll("payment_method_types[]")).toEqual(["card"]);
    expect(form?.get("automatic_payment_methods[enabled]")).toBeNull();
    expect(form?.get("description")).toBe("Order #100001 from Northwind");
    expect(form?.get("metadata[orderId]")).toBe("order-1");
    expect(form?.get("metadata[groupId]")).toBe("group-1");
    expect(form?.getAll("expand[]")).toEqual(["latest_charge"]);
  });

  it("returns no card details when the charge is not expanded", async () => {
    const stripe = fakeStripe({
      "/v1/customers": customer(),
      "/v1/payment_intents": intent("requires_capture", { latest_charge: "ch_1" }),
    });
    expect(await provider(stripe.fetch).authorize(request)).toEqual({
      ok: true,
      providerRef: "pi_123",
      cardBrand: null,
      cardLast4: null,
    });
  });

  it.each([
    [{ code: "card_declined", decline_code: "insufficient_funds" }, "insufficient_funds"],
    [{ code: "expired_card" }, "expired_card"],
    [{ code: "incorrect_cvc" }, "incorrect_cvc"],
    [{ code: "processing_error" }, "processing_error"],
    [{ code: "card_declined", decline_code: "stolen_card" }, "card_declined"],
    [{ code: "card_declined", decline_code: "generic_decline" }, "card_declined"],
  ])("maps a 402 card error %j to the decline %s", async (fields, code) => {
    const stripe = fakeStripe({ "/v1/customers": customer(), "/v1/payment_intents": cardError(fields) });
    const result = await provider(stripe.fetch).authorize(request);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok === false && result.message.length > 10).toBe(true);
    // A decline is an answer, not a failure: it is not retried.
    expect(stripe.paths()).toEqual(["/v1/customers", "/v1/payment_intents"]);
  });

  it("treats a card refused already when attached as a decline", async () => {
    const stripe = fakeStripe({ "/v1/customers": cardError({ code: "card_declined", decline_code: "insufficient_funds" }) });
    expect(await provider(stripe.fetch).authorize(request)).toMatchObject({ ok: false, code: "insufficient_funds" });
    expect(stripe.paths()).toEqual(["/v1/customers"]);
  });

  it("asks for another card when the bank wants 3-D Secure, and cancels the incomplete intent", async () => {
    const stripe = fakeStripe({
      "/v1/customers": customer(),
      "/v1/payment_intents": intent("requires_action", { next_action: { type: "use_stripe_sdk" } }),
      "/v1/payment_intents/pi_123/cancel": intent("canceled"),
    });
    const result = await provider(stripe.fetch).authorize(request);
    expect(result).toMatchObject({ ok: false, code: "card_declined" });
    expect(result.ok === false && result.message).toMatch(/3-D Secure.*another card/);
    expect(stripe.paths()).toEqual(["/v1/customers", "/v1/payment_intents", "/v1/payment_intents/pi_123/cancel"]);
  });

  it("throws a PaymentProviderError on a server error, after retrying once with the same key", async () => {
    const stripe = fakeStripe({
      "/v1/customers": customer(),
      "/v1/payment_intents": json(500, { error: { type: "api_error", message: "Boom" } }),
    });
    await expect(provider(stripe.fetch).authorize(request)).rejects.toBeInstanceOf(PaymentProviderError);
    const creates = stripe.requests.filter((r) => r.url.endsWith("/v1/payment_intents"));
    expect(creates.map((r) => r.headers.get("idempotency-key"))).toEqual(["order-1:authorize", "order-1:authorize"]);
  });

  it("throws a PaymentProviderError when Stripe cannot be reached", async () => {
    const stripe = fakeStripe({ "/v1/customers": new TypeError("fetch failed") });
    const error = await provider(stripe.fetch)
      .authorize(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect((error as Error).message).toMatch(/could not be reached/);
  });

  it("succeeds when a network blip is followed by an answer to the retry", async () => {
    const stripe = fakeStripe({
      "/v1/customers": customer(),
      "/v1/payment_intents": [new TypeError("socket hang up"), intent("requires_capture")],
    });
    expect(await provider(stripe.fetch).authorize(request)).toMatchObject({ ok: true, providerRef: "pi_123" });
  });

  it("throws on a request Stripe refuses that is not a card error", async () => {
    const stripe = fakeStripe({
      "/v1/customers": customer(),
      "/v1/payment_intents": json(400, {
        error: { type: "invalid_request_error", code: "resource_missing", message: "No such PaymentMethod" },
      }),
    });
    await expect(provider(stripe.fetch).authorize(request)).rejects.toThrow(/resource_missing/);
    expect(stripe.paths()).toEqual(["/v1/customers", "/v1/payment_intents"]);
  });

  it("refuses a test card without calling Stripe", async () => {
    const stripe = fakeStripe({});
    const result = await provider(stripe.fetch).authorize({
      ...request,
      method: { type: "test_card", number: "4242424242424242", expMonth: 1, expYear: 2040, cvc: "123" },
    });
    expect(result).toMatchObject({ ok: false });
    expect(stripe.requests).toHaveLength(0);
  });
});

describe("Stripe provider: capture, void, refund", () => {
  it("captures the given amount on the intent", async () => {
    const stripe = fakeStripe({ "/v1/payment_intents/pi_123/capture": intent("succeeded") });
    await provider(stripe.fetch).capture("pi_123", 2500, "order-1:capture");
    const [r] = stripe.requests;
    expect(r?.form.get("amount_to_capture")).toBe("2500");
    expect(r?.headers.get("idempotency-key")).toBe("order-1:capture");
    expect(r?.headers.get("authorization")).toBe("Bearer sk_test_abc");
  });

  it("voids by cancelling the intent", async () => {
    const stripe = fakeStripe({ "/v1/payment_intents/pi_123/cancel": intent("canceled") });
    await provider(stripe.fetch).void("pi_123", "order-1:void");
    expect(stripe.paths()).toEqual(["/v1/payment_intents/pi_123/cancel"]);
    expect(stripe.requests[0]?.headers.get("idempotency-key")).toBe("order-1:void");
  });

  it("refunds an amount of the intent", async () => {
    const stripe = fakeStripe({ "/v1/refunds": json(200, { id: "re_1", object: "refund", status: "succeeded" }) });
    await provider(stripe.fetch).refund("pi_123", 1200, "order-1:refund:1");
    const [r] = stripe.requests;
    expect(stripe.paths()).toEqual(["/v1/refunds"]);
    expect(r?.form.get("payment_intent")).toBe("pi_123");
    expect(r?.form.get("amount")).toBe("1200");
    expect(r?.headers.get("idempotency-key")).toBe("order-1:refund:1");
  });

  it("throws a PaymentProviderError when Stripe refuses a capture", async () => {
    const stripe = fakeStripe({
      "/v1/payment_intents/pi_123/capture": json(400, {
        error: {
          type: "invalid_request_error",
          code: "payment_intent_unexpected_state",
          message: "This PaymentIntent could not be captured",
        },
      }),
    });
    await expect(provider(stripe.fetch).capture("pi_123", 2500, "k")).rejects.toThrow(PaymentProviderError);
  });

  it("throws a PaymentProviderError when a refund cannot reach Stripe", async () => {
    const stripe = fakeStripe({ "/v1/refunds": new TypeError("fetch failed") });
    await expect(provider(stripe.fetch).refund("pi_123", 100, "k")).rejects.toThrow(PaymentProviderError);
    expect(stripe.requests).toHaveLength(2);
  });
});
