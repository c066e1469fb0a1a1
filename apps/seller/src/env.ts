import "server-only";
import { z } from "zod";

const schema = z.object({
  STOREFRONT_URL: z.url().default("http://localhost:3000"),
});

let cached: z.infer<typeof schema> | undefined;

/** The seller portal's own settings, read once when first needed (not at build time). */
export function env() {
  cached ??= schema.parse({ STOREFRONT_URL: process.env.STOREFRONT_URL || undefined });
  return cached;
}

/** Public storefront addresses for a store and a product. */
export function storefrontLinks() {
  const base = env().STOREFRONT_URL.replace(/\/+$/, "");
  return { base, store: `${base}/s/`, product: `${base}/p/` };
}
