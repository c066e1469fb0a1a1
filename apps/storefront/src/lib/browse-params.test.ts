import { describe, expect, it } from "vitest";
import { browseHref, parsePage, parseSort } from "./browse-params";
import { safeNext } from "./safe-next";

describe("parseSort", () => {
  it("keeps the known sort orders", () => {
    expect(parseSort("price-asc")).toBe("price-asc");
    expect(parseSort("newest")).toBe("newest");
  });
  it("falls back to popular for anything else", () => {
    expect(parseSort(null)).toBe("popular");
    expect(parseSort("")).toBe("popular");
    expect(parseSort("PRICE-ASC")).toBe("popular");
    expect(parseSort("price-asc;drop")).toBe("popular");
  });
});

describe("parsePage", () => {
  it("reads positive whole page numbers", () => {
    expect(parsePage("1")).toBe(1);
    expect(parsePage("12")).toBe(12);
  });
  it("falls back to page 1 for bad values", () => {
    for (const bad of [null, "", "0", "-2", "1.5", "abc", "01", "2e3", " 3"]) expect(parsePage(bad)).toBe(1);
  });
  it("caps very large pages", () => {
    expect(parsePage("9999")).toBe(1000);
    expect(parsePage("123456")).toBe(1);
  });
});

describe("browseHref", () => {
  it("leaves defaults out so each page has one address", () => {
    expect(browseHref("/c/tents", {})).toBe("/c/tents");
    expect(browseHref("/c/tents", { sort: "popular", page: 1 })).toBe("/c/tents");
    expect(browseHref("/c/tents", { sort: "price-asc" })).toBe("/c/tents?sort=price-asc");
    expect(browseHref("/c/tents", { sort: "newest", page: 3 })).toBe("/c/tents?sort=newest&page=3");
    expect(browseHref("/s/shop", { page: 2 })).toBe("/s/shop?page=2");
  });
});

describe("safeNext", () => {
  it("follows same-site paths", () => {
    expect(safeNext("/account")).toBe("/account");
    expect(safeNext("/c/tents?sort=newest")).toBe("/c/tents?sort=newest");
  });
  it("refuses other origins and loops back to the auth pages", () => {
    for (const bad of ["https://evil.test", "//evil.test", "/\\evil.test", "account", "/sign-in?next=/x", "/sign-up", "/api/auth/signout", undefined, ["/a"]]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
