import { describe, expect, it } from "vitest";
import { merchandisingRuleSchema, normaliseSearchPhrase } from "./discovery";

const listingId = "3f1c2b9e-8a4d-4c1e-9b2a-5d6e7f8a9b0c";
const categoryId = "7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d";
const startsAt = new Date("2026-06-01T10:00:00Z");
const endsAt = new Date("2026-06-08T10:00:00Z");

describe("normaliseSearchPhrase", () => {
  it("drops accents, case, punctuation and extra spaces", () => {
    expect(normaliseSearchPhrase("  Crème   BRÛLÉE torch! ")).toBe("creme brulee torch");
    expect(normaliseSearchPhrase("camp-stove/2")).toBe("camp stove 2");
    expect(normaliseSearchPhrase("!!!")).toBe("");
  });
});

describe("merchandisingRuleSchema", () => {
  it("keeps only the fields that mean something for the placement", () => {
    const home = merchandisingRuleSchema.parse({ listingId, placement: "home_carousel", categoryId, query: "mugs", segment: "everyone", position: 2, startsAt, endsAt });
    expect(home).toMatchObject({ categoryId: null, query: null });
    const search = merchandisingRuleSchema.parse({ listingId, placement: "search", query: " Camp MUGS ", segment: "category_browsers", categoryId, position: 1, startsAt, endsAt });
    expect(search).toMatchObject({ query: "camp mugs", categoryId });
  });

  it("needs a listing, a category where one is meant, search words, a position 1–20 and an end after the start", () => {
    const result = merchandisingRuleSchema.safeParse({ listingId: "", placement: "search", query: " ", segment: "category_browsers", position: 2.5, startsAt: endsAt, endsAt: startsAt });
    const errors = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    // Every problem at once, cross-field ones included, so a form can show them together.
    expect(errors).toEqual({
      listingId: "Choose a listing to pin",
      position: "Choose a position from 1 to 20",
      endsAt: "The end must be after the start",
      categoryId: "Choose the category these shoppers browse",
      query: "Enter the search words",
    });
    expect(merchandisingRuleSchema.safeParse({ listingId, placement: "home_carousel", position: 1, startsAt: new Date(Number.NaN), endsAt }).error?.issues[0]).toMatchObject({
      path: ["startsAt"],
      message: "Choose when the pin starts",
    });
  });
});
