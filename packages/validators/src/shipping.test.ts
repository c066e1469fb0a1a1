import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, isCountryCode } from "./countries";
import {
  canonicalTimeZone,
  reorderShippingMethodsSchema,
  shippingMethodSchema,
  shippingProfileSchema,
  updateShippingMethodSchema,
} from "./shipping";

const profile = { handlingDays: 1, cutoffHour: 14, timeZone: "America/New_York", shipsTo: ["US"] };
const method = { name: "Standard", transitDaysMin: 3, transitDaysMax: 5, priceMinor: 495, freeOverMinor: 5000 };

/** The first message per field, keyed like the API's fieldErrors. */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.map(String).join(".")] ??= issue.message;
  return out;
}

describe("country codes", () => {
  it("lists the 249 assigned ISO 3166-1 alpha-2 codes once each", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
  });

  it.each(["US", "CA", "GB", "DE", "JP"])("knows %s", (code) => expect(isCountryCode(code)).toBe(true));
  it.each(["UK", "EU", "XX", "ZZ", "us", "USA", ""])("refuses %j", (code) => expect(isCountryCode(code)).toBe(false));
});

describe("shippingProfileSchema", () => {
  it("accepts a valid profile, upper-cases and de-duplicates countries", () => {
    const parsed = shippingProfileSchema.parse({ ...profile, shipsTo: ["us", " CA ", "US"] });
    expect(parsed.shipsTo).toEqual(["US", "CA"]);
  });

  it("accepts the edges of each range", () => {
    expect(shippingProfileSchema.safeParse({ ...profile, handlingDays: 0, cutoffHour: 0 }).success).toBe(true);
    expect(shippingProfileSchema.safeParse({ ...profile, handlingDays: 30, cutoffHour: 23 }).success).toBe(true);
  });

  it.each([
    ["handling time above 30", { handlingDays: 31 }, "handlingDays", "Handling time can be at most 30 business days"],
    ["negative handling time", { handlingDays: -1 }, "handlingDays", "Handling time cannot be negative"],
    ["fractional handling time", { handlingDays: 1.5 }, "handlingDays", "Use a whole number"],
    ["missing handling time", { handlingDays: Number.NaN }, "handlingDays", "Enter the handling time in business days"],
    ["cut-off at 24", { cutoffHour: 24 }, "cutoffHour", "Choose an hour from 0 to 23"],
    ["negative cut-off", { cutoffHour: -1 }, "cutoffHour", "Choose an hour from 0 to 23"],
    ["unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone", "Choose a time zone from the list, e.g. America/New_York"],
    [
      "UTC offset instead of a zone",
      { timeZone: "+05:00" },
      "timeZone",
      "Choose a time zone from the list, e.g. America/New_York",
    ],
    ["empty time zone", { timeZone: "" }, "timeZone", "Choose a time zone"],
    ["no countries", { shipsTo: [] }, "shipsTo", "Choose at least one country you ship to"],
    ["a made-up country", { shipsTo: ["US", "XX"] }, "shipsTo.1", "Use a two-letter ISO country code, e.g. US"],
    ["a three-letter code", { shipsTo: ["USA"] }, "shipsTo.0", "Use a two-letter ISO country code, e.g. US"],
  ])("refuses %s with a message on that field", (_why, patch, field, message) => {
    const errors = errorsOf(shippingProfileSchema.safeParse({ ...profile, ...patch }));
    expect(errors[field]).toBe(message);
  });

  it("stores time zones by their canonical name", () => {
    expect(shippingProfileSchema.parse({ ...profile, timeZone: "america/new_york" }).timeZone).toBe("America/New_York");
    expect(shippingProfileSchema.parse({ ...profile, timeZone: "utc" }).timeZone).toBe("UTC");
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("Europe/Nowhere")).toBeNull();
  });
});

describe("shippingMethodSchema", () => {
  it("accepts a valid method; free-over is optional and the method starts active", () => {
    const { freeOverMinor: _free, ...withoutFreeOver } = method;
    const parsed = shippingMethodSchema.parse({ ...withoutFreeOver, name: "  Express  " });
    expect(parsed).toEqual({ ...withoutFreeOver, name: "Express", freeOverMinor: null, active: true });
    expect(shippingMethodSchema.safeParse({ ...method, priceMinor: 0, transitDaysMin: 0, transitDaysMax: 60 }).success).toBe(
      true,
    );
    expect(shippingMethodSchema.safeParse({ ...method, transitDaysMin: 2, transitDaysMax: 2 }).success).toBe(true);
  });

  it.each([
    ["an empty name", { name: "   " }, "name", "Enter a name, e.g. Standard"],
    ["a 61-character name", { name: "x".repeat(61) }, "name", "Use at most 60 characters"],
    ["transit above 60 days", { transitDaysMax: 61 }, "transitDaysMax", "Transit time can be at most 60 business days"],
    ["negative transit", { transitDaysMin: -1 }, "transitDaysMin", "Transit time cannot be negative"],
    [
      "a slowest time below the fastest",
      { transitDaysMin: 5, transitDaysMax: 3 },
      "transitDaysMax",
      "The slowest transit time cannot be shorter than the fastest",
    ],
    ["a negative price", { priceMinor: -1 }, "priceMinor", "A price cannot be negative"],
    ["a fraction of a cent", { priceMinor: 4.5 }, "priceMinor", "Enter the price in whole cents"],
    ["a missing price", { priceMinor: Number.NaN }, "priceMinor", "Enter a price"],
    ["a negative free-over amount", { freeOverMinor: -100 }, "freeOverMinor", "A price cannot be negative"],
  ])("refuses %s with a message on that field", (_why, patch, field, message) => {
    expect(errorsOf(shippingMethodSchema.safeParse({ ...method, ...patch }))[field]).toBe(message);
  });

  it("needs a valid id to update", () => {
    expect(errorsOf(updateShippingMethodSchema.safeParse({ ...method, id: "nope" })).id).toBe("Not a valid id");
    expect(updateShippingMethodSchema.safeParse({ ...method, id: "4f1c2b7e-3d5a-4e8b-9c0d-1a2b3c4d5e6f" }).success).toBe(true);
  });
});

describe("reorderShippingMethodsSchema", () => {
  const id = "4f1c2b7e-3d5a-4e8b-9c0d-1a2b3c4d5e6f";
  it("refuses duplicates and empty lists", () => {
    expect(reorderShippingMethodsSchema.safeParse({ ids: [id] }).success).toBe(true);
    expect(reorderShippingMethodsSchema.safeParse({ ids: [id, id] }).success).toBe(false);
    expect(reorderShippingMethodsSchema.safeParse({ ids: [] }).success).toBe(false);
  });
});
