/**
 * Server glue both apps share: the tRPC fetch handler, the media file handler and storefront cache
 * invalidation. Standard Request/Response only, so it is not tied to one framework version.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import { localMediaStore, mediaContentTypes, type MediaStore } from "@agora/core/media";
import {
  createStripePaymentProvider,
  createTestPaymentProvider,
  handleStripeEvent,
  parseStripeEvent,
  StripeEventError,
  StripeSignatureError,
  verifyStripeSignature,
  type PaymentProvider,
} from "@agora/core/payments";
import { getDb, type Db } from "@agora/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { cartSetCookieHeader, cartTokenFromCookieHeader } from "./cart-cookie";
import { apiEnv } from "./env";
import { retryAfterMeta } from "./retry-after";
import { appRouter } from "./root";
import type { CartTokenAccessor, SessionViewer } from "./trpc";

export { CART_COOKIE, cartCookieOptions, noCartCookie } from "./cart-cookie";

export function mediaStore(): MediaStore {
  return localMediaStore(process.env.MEDIA_DIR ?? path.resolve(process.cwd(), "../../.data/media"));
}

let provider: PaymentProvider | undefined;

/** The configured payment provider: Stripe when PAYMENT_PROVIDER=stripe (with its key), else the built-in test provider. */
export function paymentProvider(): PaymentProvider {
  if (!provider) {
    const env = apiEnv();
    provider =
      env.PAYMENT_PROVIDER === "stripe" && env.STRIPE_SECRET_KEY
        ? createStripePaymentProvider({ secretKey: env.STRIPE_SECRET_KEY })
        : createTestPaymentProvider();
  }
  return provider;
}

/** Stripe events are a few kilobytes; anything far larger is not from Stripe. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

/**
 * Stripe's webhook endpoint: verifies the signature over the raw body with STRIPE_WEBHOOK_SECRET, then
 * processes the event once (a repeat is answered 200 too, so Stripe stops sending it). A bad signature
 * or body is 400 and records nothing; a failure on our side is 500, so Stripe retries later.
 */
export function stripeWebhookHandler(options: { db?: () => Db; webhookSecret?: string | null; now?: () => Date } = {}) {
  return async (req: Request): Promise<Response> => {
    const secret = options.webhookSecret !== undefined ? options.webhookSecret : apiEnv().STRIPE_WEBHOOK_SECRET;
    if (!secret)
      return Response.json(
        { error: "Stripe webhooks are not configured here (STRIPE_WEBHOOK_SECRET is not set)." },
        { status: 503 },
      );

    const rawBody = Buffer.from(await req.arrayBuffer());
    if (rawBody.length > MAX_WEBHOOK_BYTES)
      return Response.json({ error: "The body is too large for a Stripe event." }, { status: 413 });
    try {
      verifyStripeSignature(rawBody, req.headers.get("stripe-signature"), secret, { now: options.now?.() });
      const event = parseStripeEvent(rawBody);
      const outcome = await handleStripeEvent((options.db ?? getDb)(), event);
      return Response.json({ received: true, ...outcome });
    } catch (error) {
      if (error instanceof StripeSignatureError)
        return Response.json({ error: `Invalid Stripe signature: ${error.message}` }, { status: 400 });
      if (error instanceof StripeEventError)
        return Response.json({ error: `Invalid Stripe event: ${error.message}` }, { status: 400 });
      console.error("Stripe webhook failed:", error);
      return Response.json({ error: "The event could not be processed; Stripe will retry it." }, { status: 500 });
    }
  };
}

export function trpcHandler(options: { getViewer: () => Promise<SessionViewer | null>; revalidate: (tags: string[]) => Promise<void>; db?: () => Db }) {
  return (req: Request) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req,
      createContext: async ({ resHeaders }) => ({
        db: (options.db ?? getDb)(),
        viewer: await options.getViewer(),
        media: mediaStore(),
        revalidate: options.revalidate,
        payments: paymentProvider(),
        cartToken: requestCartCookie(req, resHeaders),
      }),
      responseMeta: retryAfterMeta,
      onError({ error, path: procedure }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${procedure ?? "?"} failed:`, error.cause ?? error);
      },
    });
}

/** The guest cart cookie of one HTTP request: read from its Cookie header, written to its response. */
function requestCartCookie(req: Request, resHeaders: Headers): CartTokenAccessor {
  let token = cartTokenFromCookieHeader(req.headers.get("cookie"));
  return {
    get: () => token,
    set(value) {
      token = value;
      resHeaders.append("set-cookie", cartSetCookieHeader(value));
    },
    clear() {
      token = null;
      resHeaders.append("set-cookie", cartSetCookieHeader(null));
    },
  };
}

/** Serves stored media. Files never change under a key, so they are cached for a year. */
export async function serveMedia(keyParts: string[]): Promise<Response> {
  const key = keyParts.map(decodeURIComponent).join("/");
  const type = mediaContentTypes[path.extname(key)];
  if (!type) return new Response("Not found", { status: 404 });
  let bytes: Buffer | null;
  try {
    bytes = await mediaStore().get(key);
  } catch {
    return new Response("Not found", { status: 404 });
  }
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": type,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      // SVGs are only ever generated by Agora, but are sandboxed anyway.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}

function revalidateSignature(secret: string, body: string) {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** Tells the storefront which cache tags changed (used by the seller portal after a catalog write). */
export async function revalidateStorefront(tags: string[]): Promise<void> {
  const base = process.env.STOREFRONT_URL ?? "http://localhost:3000";
  const secret = process.env.AUTH_SECRET ?? "";
  const body = JSON.stringify({ tags: [...new Set(tags)] });
  try {
    const res = await fetch(`${base}/api/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-agora-signature": revalidateSignature(secret, body) },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) console.error(`storefront revalidation answered ${res.status}`);
  } catch (error) {
    // The change is committed; a storefront that is down starts with an empty cache anyway.
    console.error("storefront revalidation failed:", error);
  }
}

/** Verifies a revalidation request and returns its tags, or null when the signature is wrong. */
export async function readRevalidateRequest(req: Request): Promise<string[] | null> {
  const body = await req.text();
  const given = Buffer.from(req.headers.get("x-agora-signature") ?? "", "hex");
  const expected = Buffer.from(revalidateSignature(process.env.AUTH_SECRET ?? "", body), "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(body) as { tags?: unknown };
    return Array.isArray(parsed.tags) ? parsed.tags.filter((t): t is string => typeof t === "string").slice(0, 100) : null;
  } catch {
    return null;
  }
}
