import { describe, expect, it } from "vitest";
import { deliveryLabel, hasFilters, parseSearchParams, priceLabel, searchHref } from "./search-params";

const empty = parseSearchParams({});

describe("parseSearchParams", () => {
  it("gives an empty search for no parameters", () => {
    expect(empty).toEqual({
      q: "",
      categories: [],
      sellers: [],
      prices: [],
      deliveryWithin: null,
      minRating: null,
      pickup: false,
      includeOutOfStock: false,
      sort: "relevance",
      cursor: null,
    });
    expect(hasFilters(empty)).toBe(false);
  });

  it("reads every filter, repeated or comma-separated", () => {
    const state = parseSearchParams(
      new URLSearchParams(
        "q=+wool+socks+&category=outdoor&category=Footwear,tents&seller=northwind-outfitters&price=25-50&price=250-&delivery=3&rating=4&pickup=1&stock=all&sort=price-desc&cursor=abc_-1",
      ),
    );
    expect(state).toEqual({
      q: "wool socks",
      categories: ["outdoor", "footwear", "tents"],
      sellers: ["northwind-outfitters"],
      prices: ["25-50", "250-"],
      deliveryWithin: 3,
      minRating: 4,
      pickup: true,
      includeOutOfStock: true,
      sort: "price-desc",
      cursor: "abc_-1",
    });
    expect(hasFilters(state)).toBe(true);
  });

  it("drops what it does not understand instead of failing", () => {
    const state = parseSearchParams({
      category: ["ok-slug", "../etc", "a b", "x".repeat(81)],
      price: ["1-2", "0-25", "0-25"],
      delivery: "4",
      rating: "5",
      pickup: "yes",
      stock: "some",
      sort: "cheapest",
      cursor: "has spaces",
    });
    expect(state).toMatchObject({
      categories: ["ok-slug"],
      prices: ["0-25"],
      deliveryWithin: null,
      minRating: null,
      pickup: false,
      includeOutOfStock: false,
      sort: "relevance",
      cursor: null,
    });
  });

  it("cuts very long search text", () => {
    expect(parseSearchParams({ q: "a".repeat(500) }).q).toHaveLength(200);
  });
});

describe("searchHref", () => {
  it("round-trips through the address bar", () => {
    const state = parseSearchParams(
      new URLSearchParams(
        "q=lantern&category=lighting&seller=a-shop&price=0-25&delivery=2&rating=3&pickup=1&stock=all&sort=newest&cursor=xyz",
      ),
    );
    const href = searchHref(state, { cursor: state.cursor });
    expect(parseSearchParams(new URL(href, "http://x").searchParams)).toEqual(state);
  });

  it("leaves out defaults and starts a changed search from the first page", () => {
    expect(searchHref(empty)).toBe("/search");
    const paged = { ...empty, q: "tent", cursor: "abc" };
    expect(searchHref(paged)).toBe("/search?q=tent");
    expect(searchHref(paged, { sort: "price-asc" })).toBe("/search?q=tent&sort=price-asc");
    expect(searchHref(paged, { cursor: "def" })).toBe("/search?q=tent&cursor=def");
  });

  it("encodes the words", () => {
    expect(searchHref({ ...empty, q: "salt & pepper" })).toBe("/search?q=salt+%26+pepper");
  });
});

describe("labels", () => {
  it("names price ranges and delivery times", () => {
    expect(priceLabel({ minMinor: 0, maxMinor: 2500 })).toBe("Under $25");
    expect(priceLabel({ minMinor: 2500, maxMinor: 5000 })).toBe("$25 – $50");
    expect(priceLabel({ minMinor: 25000, maxMinor: null })).toBe("$250 and up");
    expect(deliveryLabel(2)).toBe("Within 2 business days");
  });
});
