import { describe, expect, it } from "vitest";
import { reviewSellerSchema, sellerApplicationSchema, stockLocationSchema } from "./sellers";

const application = {
  name: "Northwind Outfitters",
  slug: "northwind-outfitters",
  description: "Outdoor clothing made to last for decades.",
  contactEmail: "hello@northwind.example",
  returnPolicy: "Returns accepted within 30 days of delivery.",
};

const slugError = (slug: string) => {
  const result = sellerApplicationSchema.safeParse({ ...application, slug });
  return result.success ? null : (result.error.issues.find((i) => i.path[0] === "slug")?.message ?? null);
};

describe("sellerApplicationSchema slug rules", () => {
  it.each(["northwind", "north-wind-2", "abc", "a1b2c3"])("accepts %j", (slug) => {
    expect(slugError(slug)).toBeNull();
  });

  it("lower-cases and trims the slug", () => {
    expect(sellerApplicationSchema.parse({ ...application, slug: "  North-Wind " }).slug).toBe("north-wind");
  });

  it.each([
    ["too short", "ab", "Use at least 3 characters"],
    ["too long", "a".repeat(61), "Use at most 60 characters"],
    ["leading hyphen", "-northwind", "Use lowercase letters, digits and single hyphens only"],
    ["trailing hyphen", "northwind-", "Use lowercase letters, digits and single hyphens only"],
    ["double hyphen", "north--wind", "Use lowercase letters, digits and single hyphens only"],
    ["space", "north wind", "Use lowercase letters, digits and single hyphens only"],
    ["underscore", "north_wind", "Use lowercase letters, digits and single hyphens only"],
    ["accented letter", "nörthwind", "Use lowercase letters, digits and single hyphens only"],
    ["path characters", "../admin", "Use lowercase letters, digits and single hyphens only"],
  ])("refuses a slug with %s", (_why, slug, message) => {
    expect(slugError(slug)).toBe(message);
  });
});

describe("sellerApplicationSchema other fields", () => {
  it("needs a real description and return policy", () => {
    const result = sellerApplicationSchema.safeParse({ ...application, description: "Too short", returnPolicy: "" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["description", "returnPolicy"]));
  });

  it("refuses letters in the phone number and markup in the name", () => {
    expect(sellerApplicationSchema.safeParse({ ...application, contactPhone: "call me" }).success).toBe(false);
    expect(sellerApplicationSchema.safeParse({ ...application, name: "<script>" }).success).toBe(false);
    expect(sellerApplicationSchema.parse({ ...application, contactPhone: "" }).contactPhone).toBeUndefined();
  });
});

describe("reviewSellerSchema", () => {
  const sellerId = "4f1c2b7e-3d5a-4e8b-9c0d-1a2b3c4d5e6f";
  it("needs a reason to reject but not to approve", () => {
    expect(reviewSellerSchema.safeParse({ sellerId, decision: "approve" }).success).toBe(true);
    expect(reviewSellerSchema.safeParse({ sellerId, decision: "reject" }).success).toBe(false);
    expect(reviewSellerSchema.safeParse({ sellerId, decision: "reject", reason: "no" }).success).toBe(false);
    expect(reviewSellerSchema.safeParse({ sellerId, decision: "reject", reason: "Photos are missing" }).success).toBe(true);
  });
});

describe("stockLocationSchema", () => {
  it("upper-cases two-letter country codes and refuses others", () => {
    const base = { name: "Warehouse", line1: "1 Main St", city: "Portland", postalCode: "97201" };
    expect(stockLocationSchema.parse({ ...base, country: "us" }).country).toBe("US");
    expect(stockLocationSchema.safeParse({ ...base, country: "USA" }).success).toBe(false);
  });
});
