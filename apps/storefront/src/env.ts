import { z } from "zod";

/** The storefront's own settings, read once. Public links only: nothing secret lives here. */
const schema = z.object({
  SELLER_URL: z.url().default("http://localhost:3001"),
});

export const env = schema.parse({ SELLER_URL: process.env.SELLER_URL || undefined });
