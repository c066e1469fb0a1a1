import { z } from "zod";

/**
 * The API's payment settings, validated once when first needed (never at build time, so a build does not
 * need production secrets). A misconfiguration stops the first request with a message saying what to set.
 */
const blankIsUnset = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

const schema = z
  .object({
    /** "test" (the default) is the built-in provider with test cards; "stripe" charges real cards through Stripe. */
    PAYMENT_PROVIDER: z.enum(["test", "stripe"], { error: 'PAYMENT_PROVIDER must be "test" or "stripe"' }).default("test"),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)")
      .optional(),
    /** The signing secret of the webhook endpoint /api/webhooks/stripe; without it that endpoint answers 503. */
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .startsWith("whsec_", "STRIPE_WEBHOOK_SECRET must be the endpoint's signing secret (whsec_…)")
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.PAYMENT_PROVIDER === "stripe" && !env.STRIPE_SECRET_KEY)
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message:
          "PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY (Stripe dashboard → Developers → API keys), or unset PAYMENT_PROVIDER to use the test provider",
      });
  });

export type ApiEnv = z.infer<typeof schema>;

/** Parses an environment (tests pass their own); blank values count as unset. Throws one readable message. */
export function parseApiEnv(source: Record<string, string | undefined>): ApiEnv {
  const keys = Object.keys(schema.shape) as (keyof ApiEnv)[];
  const parsed = schema.safeParse(Object.fromEntries(keys.map((k) => [k, blankIsUnset(source[k])])));
  if (!parsed.success) throw new Error(`Invalid payment settings in the environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

let cached: ApiEnv | undefined;
export function apiEnv(): ApiEnv {
  cached ??= parseApiEnv(process.env);
  return cached;
}
