import { z } from "zod";
import { idSchema, moneyMinorSchema } from "./common";

export const listingStatusSchema = z.enum(["draft", "active", "archived"]);
export const listingConditionSchema = z.enum(["new", "used", "refurbished"]);

const optionNameSchema = z.string().trim().min(1, "Name the option").max(30, "Use at most 30 characters");

export const variantInputSchema = z
  .object({
    /** Present when editing an existing variant. */
    id: idSchema.optional(),
    sku: z
      .string()
      .trim()
      .min(1, "Enter a SKU")
      .max(64, "Use at most 64 characters")
      .regex(/^[A-Za-z0-9._-]+$/, "Use letters, digits, dot, dash and underscore only"),
    options: z.array(z.string().trim().min(1, "Enter a value").max(40, "Use at most 40 characters")).max(3),
    priceMinor: moneyMinorSchema,
    compareAtMinor: moneyMinorSchema.nullable().default(null),
    stock: z
      .array(
        z.object({
          locationId: idSchema,
          onHand: z.number().int("Stock is a whole number").min(0, "Stock cannot be negative").max(1_000_000),
        }),
      )
      .default([]),
  })
  .refine((v) => v.compareAtMinor === null || v.compareAtMinor > v.priceMinor, {
    path: ["compareAtMinor"],
    message: "The compare-at price must be higher than the price",
  });
export type VariantInput = z.infer<typeof variantInputSchema>;

export const listingInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, "Enter a title of at least 3 characters")
      .max(150, "Use at most 150 characters")
      .refine((t) => !/[<>]/.test(t), "Angle brackets are not allowed in titles"),
    brand: z
      .string()
      .trim()
      .max(60, "Use at most 60 characters")
      .optional()
      .transform((v) => v || undefined),
    description: z.string().max(20_000, "Use at most 20,000 characters").default(""),
    categoryId: idSchema,
    condition: listingConditionSchema.default("new"),
    attributes: z
      .array(
        z.object({
          name: z.string().trim().min(1, "Name the attribute").max(40, "Use at most 40 characters"),
          value: z.string().trim().min(1, "Enter a value").max(200, "Use at most 200 characters"),
        }),
      )
      .max(30, "Use at most 30 attributes")
      .default([]),
    optionNames: z.array(optionNameSchema).max(3, "Use at most 3 options").default([]),
    variants: z.array(variantInputSchema).min(1, "Add at least one variant").max(100, "Use at most 100 variants"),
  })
  .superRefine((v, ctx) => {
    const names = new Set<string>();
    v.optionNames.forEach((n, i) => {
      if (names.has(n.toLowerCase())) ctx.addIssue({ code: "custom", path: ["optionNames", i], message: "Option names must differ" });
      names.add(n.toLowerCase());
    });
    const attrs = new Set<string>();
    v.attributes.forEach((a, i) => {
      if (attrs.has(a.name.toLowerCase()))
        ctx.addIssue({ code: "custom", path: ["attributes", i, "name"], message: "This attribute is listed twice" });
      attrs.add(a.name.toLowerCase());
    });
    const skus = new Map<string, number>();
    const combos = new Set<string>();
    v.variants.forEach((variant, i) => {
      const sku = variant.sku.toLowerCase();
      if (skus.has(sku)) ctx.addIssue({ code: "custom", path: ["variants", i, "sku"], message: "This SKU is used by another variant" });
      skus.set(sku, i);
      if (variant.options.length !== v.optionNames.length)
        ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: "Give a value for every option" });
      const combo = variant.options.map((o) => o.toLowerCase()).join("\u0000");
      if (v.optionNames.length && combos.has(combo))
        ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: "Another variant has the same options" });
      combos.add(combo);
      const locs = new Set<string>();
      variant.stock.forEach((s, j) => {
        if (locs.has(s.locationId))
          ctx.addIssue({ code: "custom", path: ["variants", i, "stock", j], message: "This location is listed twice" });
        locs.add(s.locationId);
      });
    });
    if (v.optionNames.length === 0 && v.variants.length > 1)
      ctx.addIssue({ code: "custom", path: ["optionNames"], message: "Name an option (e.g. Size) to offer more than one variant" });
  });
export type ListingInput = z.infer<typeof listingInputSchema>;

export const createListingSchema = listingInputSchema;
export const updateListingSchema = z.object({ id: idSchema, listing: listingInputSchema });

export const listingIdSchema = z.object({ id: idSchema });

export const setListingStatusSchema = z.object({ id: idSchema, status: listingStatusSchema });

export const sellerListingsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: listingStatusSchema.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

export const reorderImagesSchema = z.object({
  listingId: idSchema,
  imageIds: z.array(idSchema).min(1).max(20),
});

export const updateImageAltSchema = z.object({
  imageId: idSchema,
  alt: z.string().trim().max(200, "Use at most 200 characters"),
});

export const imageIdSchema = z.object({ imageId: idSchema });

export const catalogSortSchema = z.enum(["popular", "newest", "price-asc", "price-desc"]);
export type CatalogSort = z.infer<typeof catalogSortSchema>;

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
export const MAX_IMAGES_PER_LISTING = 10;
export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"] as const;
