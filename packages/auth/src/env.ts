import { z } from "zod";

/** Both apps must share this secret so one account works in both. Read when first needed, not at build time. */
const schema = z.object({
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (the launcher generates one in .data/)"),
});

let cached: z.infer<typeof schema> | undefined;
export function authEnv() {
  cached ??= schema.parse({ AUTH_SECRET: process.env.AUTH_SECRET });
  return cached;
}
