import { z } from "zod";

/**
 * Core's settings from the environment, validated once when first needed (never at build time).
 * This is the only module in @agora/core that reads process.env.
 */
const blankIsUnset = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

const schema = z
  .object({
    /** Public base URLs used in links inside messages. */
    STOREFRONT_URL: z.url().default("http://localhost:3000"),
    SELLER_URL: z.url().default("http://localhost:3001"),
    /** e.g. smtps://user:password@smtp.example.com:465 — when unset, e-mail is not sent for real. */
    SMTP_URL: z
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    /** The sender, e.g. "Agora <orders@example.com>"; required with SMTP_URL. */
    SMTP_FROM: z.string().min(3).optional(),
    /** A Twilio-style SMS REST API: all three of SID, token and sender, or none. */
    TWILIO_ACCOUNT_SID: z.string().optional(),
    TWILIO_AUTH_TOKEN: z.string().optional(),
    TWILIO_FROM: z.string().optional(),
    TWILIO_API_URL: z.url().default("https://api.twilio.com"),
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.SMTP_FROM)
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_FROM"],
        message: 'SMTP_FROM is required when SMTP_URL is set, e.g. "Agora <orders@example.com>"',
      });
    const twilio = [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, env.TWILIO_FROM];
    if (twilio.some(Boolean) && !twilio.every(Boolean))
      ctx.addIssue({
        code: "custom",
        path: ["TWILIO_ACCOUNT_SID"],
        message: "Set all of TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM, or none of them",
      });
  });

export type CoreEnv = z.infer<typeof schema>;

/** Parses an environment (tests pass their own); blank values count as unset. */
export function parseCoreEnv(source: Record<string, string | undefined>): CoreEnv {
  const keys = Object.keys(schema.shape) as (keyof CoreEnv)[];
  const result = schema.safeParse(Object.fromEntries(keys.map((k) => [k, blankIsUnset(source[k])])));
  if (result.success) return result.data;
  throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}

let cached: CoreEnv | undefined;
export function coreEnv(): CoreEnv {
  cached ??= parseCoreEnv(process.env);
  return cached;
}
