import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { listingInputSchema, reorderImagesSchema, updateImageAltSchema } from "./listings";

const CATEGORY = "4f1c2b7e-3d5a-4e8b-9c0d-1a2b3c4d5e6f";
const LOCATION = "0b9e8d7c-6f5a-4b3c-8d2e-1f0a9b8c7d6e";

type ListingRaw = z.input<typeof listingInputSchema>;
type VariantRaw = ListingRaw["variants"][number];

function variant(overrides: Partial<VariantRaw> = {}): VariantRaw {
  return { sku: "SKU-1", options: [], priceMinor: 1999, compareAtMinor: null, stock: [], ...overrides };
}

function listing(overrides: Partial<ListingRaw> = {}): ListingRaw {
  return { title: "Waxed canvas tote", categoryId: CATEGORY, variants: [variant()], ...overrides };
}

/** Issues as { "variants.0.sku": message }, the shape forms show. */
function fieldErrors(input: unknown): Record<string, string> {
  const result = listingInputSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

describe("listingInputSchema", () => {
  it("accepts a minimal listing and fills in defaults", () => {
    const parsed = listingInputSchema.parse(listing({ title: "  Waxed canvas tote  ", brand: "" }));
    expect(parsed.title).toBe("Waxed canvas tote");
    expect(parsed.brand).toBeUndefined();
    expect(parsed).toMatchObject({ description: "", condition: "new", attributes: [], optionNames: [] });
    expect(parsed.variants[0]).toMatchObject({ compareAtMinor: null, stock: [] });
  });

  it("refuses a negative price", () => {
    expect(fieldErrors(listing({ variants: [variant({ priceMinor: -1 })] }))).toEqual({
      "variants.0.priceMinor": "A price cannot be negative",
    });
  });

  it("refuses a fractional price (money is whole minor units)", () => {
    expect(fieldErrors(listing({ variants: [variant({ priceMinor: 19.99 })] }))).toHaveProperty("variants.0.priceMinor");
  });

  it("refuses an empty or whitespace-only title", () => {
    expect(fieldErrors(listing({ title: "" }))).toHaveProperty("title", "Enter a title of at least 3 characters");
    expect(fieldErrors(listing({ title: "    " }))).toHaveProperty("title");
  });

  it("refuses angle brackets in titles", () => {
    expect(fieldErrors(listing({ title: "Tote <b>sale</b>" }))).toHaveProperty(
      "title",
      "Angle brackets are not allowed in titles",
    );
  });

  it("refuses the same SKU twice in one form, case-insensitively, on the later variant", () => {
    const errors = fieldErrors(
      listing({
        optionNames: ["Size"],
        variants: [variant({ sku: "TOTE-S", options: ["S"] }), variant({ sku: "tote-s", options: ["M"] })],
      }),
    );
    expect(errors).toEqual({ "variants.1.sku": "This SKU is used by another variant" });
  });

  it("refuses a compare-at price that is not above the price", () => {
    expect(fieldErrors(listing({ variants: [variant({ priceMinor: 2000, compareAtMinor: 2000 })] }))).toEqual({
      "variants.0.compareAtMinor": "The compare-at price must be higher than the price",
    });
    expect(fieldErrors(listing({ variants: [variant({ priceMinor: 2000, compareAtMinor: 1500 })] }))).toHaveProperty(
      "variants.0.compareAtMinor",
    );
    expect(fieldErrors(listing({ variants: [variant({ priceMinor: 2000, compareAtMinor: 2001 })] }))).toEqual({});
  });

  it("refuses variants whose option values do not match the option names", () => {
    expect(fieldErrors(listing({ optionNames: ["Size", "Colour"], variants: [variant({ options: ["M"] })] }))).toEqual({
      "variants.0.options": "Give a value for every option",
    });
    expect(fieldErrors(listing({ optionNames: [], variants: [variant({ options: ["M"] })] }))).toHaveProperty(
      "variants.0.options",
    );
  });

  it("refuses two variants with the same option values", () => {
    expect(
      fieldErrors(
        listing({
          optionNames: ["Size"],
          variants: [variant({ sku: "A", options: ["M"] }), variant({ sku: "B", options: ["m"] })],
        }),
      ),
    ).toEqual({ "variants.1.options": "Another variant has the same options" });
  });

  it("needs an option name to offer more than one variant", () => {
    expect(fieldErrors(listing({ variants: [variant({ sku: "A" }), variant({ sku: "B" })] }))).toHaveProperty("optionNames");
  });

  it("refuses duplicate option names, attribute names and stock locations", () => {
    expect(fieldErrors(listing({ optionNames: ["Size", "size"], variants: [variant({ options: ["M", "L"] })] }))).toHaveProperty(
      "optionNames.1",
    );
    expect(
      fieldErrors(
        listing({
          attributes: [
            { name: "Material", value: "Wool" },
            { name: "material", value: "Cotton" },
          ],
        }),
      ),
    ).toHaveProperty("attributes.1.name", "This attribute is listed twice");
    expect(
      fieldErrors(
        listing({
          variants: [
            variant({
              stock: [
                { locationId: LOCATION, onHand: 1 },
                { locationId: LOCATION, onHand: 2 },
              ],
            }),
          ],
        }),
      ),
    ).toHaveProperty("variants.0.stock.1", "This location is listed twice");
  });

  it("refuses negative stock and SKUs with spaces or symbols", () => {
    expect(fieldErrors(listing({ variants: [variant({ stock: [{ locationId: LOCATION, onHand: -1 }] })] }))).toHaveProperty(
      "variants.0.stock.0.onHand",
      "Stock cannot be negative",
    );
    expect(fieldErrors(listing({ variants: [variant({ sku: "has space" })] }))).toHaveProperty("variants.0.sku");
    expect(fieldErrors(listing({ variants: [variant({ sku: "" })] }))).toHaveProperty("variants.0.sku", "Enter a SKU");
  });

  it("needs at least one variant and a valid category id", () => {
    expect(fieldErrors(listing({ variants: [] }))).toHaveProperty("variants", "Add at least one variant");
    expect(fieldErrors(listing({ categoryId: "not-a-uuid" }))).toHaveProperty("categoryId", "Not a valid id");
  });
});

describe("image inputs", () => {
  it("needs at least one image id to reorder and valid ids", () => {
    expect(reorderImagesSchema.safeParse({ listingId: CATEGORY, imageIds: [] }).success).toBe(false);
    expect(reorderImagesSchema.safeParse({ listingId: CATEGORY, imageIds: ["x"] }).success).toBe(false);
    expect(reorderImagesSchema.safeParse({ listingId: CATEGORY, imageIds: [LOCATION] }).success).toBe(true);
  });

  it("limits alt text to 200 characters", () => {
    expect(updateImageAltSchema.safeParse({ imageId: LOCATION, alt: "a".repeat(201) }).success).toBe(false);
    expect(updateImageAltSchema.parse({ imageId: LOCATION, alt: "  A tote  " }).alt).toBe("A tote");
  });
});
