import { stripeWebhookHandler } from "@agora/api/http";

/**
 * Stripe's webhook endpoint (set it to https://<storefront>/api/webhooks/stripe in the Stripe dashboard).
 * A POST route handler always runs per request, so no caching configuration is needed.
 */
export const POST = stripeWebhookHandler();
