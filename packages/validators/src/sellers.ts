import { z } from "zod";
import { emailSchema, idSchema, slugSchema } from "./common";

const text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `Enter ${label}` : `${label[0]?.toUpperCase()}${label.slice(1)} needs at least ${min} characters`)
    .max(max, `Use at most ${max} characters`);

export const sellerApplicationSchema = z.object({
  name: text("a store name", 80, 2).refine((n) => !/[<>]/.test(n), "Angle brackets are not allowed"),
  slug: slugSchema,
  description: text("a description", 2_000, 20),
  contactEmail: emailSchema,
  contactPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+0-9 ()-]*$/, "Use digits, spaces, +, ( ) and - only")
    .optional()
    .transform((v) => v || undefined),
  returnPolicy: text("a return policy", 5_000, 20),
});
export type SellerApplicationInput = z.infer<typeof sellerApplicationSchema>;

export const sellerProfileSchema = sellerApplicationSchema.omit({ slug: true }).extend({
  about: z.string().max(10_000, "Use at most 10,000 characters").default(""),
});
export type SellerProfileInput = z.infer<typeof sellerProfileSchema>;

export const reviewSellerSchema = z.discriminatedUnion("decision", [
  z.object({ sellerId: idSchema, decision: z.literal("approve") }),
  z.object({
    sellerId: idSchema,
    decision: z.literal("reject"),
    reason: text("a reason", 1_000, 5),
  }),
]);
export type ReviewSellerInput = z.infer<typeof reviewSellerSchema>;

export const sellerStatusFilterSchema = z.object({
  status: z.enum(["pending", "approved", "rejected", "suspended"]).optional(),
});

export const stockLocationSchema = z.object({
  name: text("a name", 80),
  line1: text("the street address", 200),
  city: text("the city", 100),
  postalCode: text("the postal code", 20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. US"),
  pickupEnabled: z.boolean().default(false),
});
export type StockLocationInput = z.infer<typeof stockLocationSchema>;
export const updateStockLocationSchema = stockLocationSchema.extend({ id: idSchema });
