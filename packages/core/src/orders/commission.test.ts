import { describe, expect, it } from "vitest";
import { commissionOf, FALLBACK_COMMISSION_BPS, pickCommissionRate } from "./commission";

const rules = [
  { sellerId: null, categoryId: null, rateBps: 1000 },
  { sellerId: null, categoryId: "parent", rateBps: 800 },
  { sellerId: null, categoryId: "child", rateBps: 600 },
  { sellerId: "special", categoryId: null, rateBps: 500 },
];

describe("pickCommissionRate", () => {
  it("prefers the seller's own rate over any category", () => {
    expect(pickCommissionRate(rules, "special", ["child", "parent"])).toBe(500);
  });
  it("prefers the nearest category over its parent", () => {
    expect(pickCommissionRate(rules, "other", ["child", "parent"])).toBe(600);
    expect(pickCommissionRate(rules, "other", ["sibling", "parent"])).toBe(800);
  });
  it("falls back to the default, then to the built-in rate", () => {
    expect(pickCommissionRate(rules, "other", ["elsewhere"])).toBe(1000);
    expect(pickCommissionRate([], "other", ["elsewhere"])).toBe(FALLBACK_COMMISSION_BPS);
  });
});

describe("commissionOf", () => {
  it("rounds per line to whole cents", () => {
    expect(commissionOf(1999, 1000)).toBe(200);
    expect(commissionOf(1234, 750)).toBe(93);
    expect(commissionOf(0, 1000)).toBe(0);
  });
});
