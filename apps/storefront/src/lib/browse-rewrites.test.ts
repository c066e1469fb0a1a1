import { catalogSortSchema } from "@agora/validators";
import { describe, expect, it } from "vitest";
import { DEFAULT_SORT, MAX_PAGE, parsePage, parseSort } from "./browse-params";
import { BROWSE_DEFAULT_SORT, BROWSE_MAX_PAGE, BROWSE_SORTS, browseRewrites } from "./browse-rewrites";

/**
 * Next's matching of a rewrite list: the first rule whose source and `has` items match (values
 * anchored). No rule matching means the route `/c/[slug]` (or `/s/[slug]`), the default sort's first page.
 */
function resolve(pathname: string, query: Record<string, string>): string | null {
  for (const rule of browseRewrites()) {
    const source = new RegExp(`^${rule.source.replace(":slug", "(?<slug>[^/]+)")}$`).exec(pathname);
    if (!source) continue;
    const params: Record<string, string> = { ...source.groups };
    const matched = (rule.has ?? []).every((item) => {
      const value = query[item.key];
      const m = value === undefined ? null : new RegExp(`^${item.value}$`).exec(value);
      if (m) Object.assign(params, m.groups);
      return Boolean(m);
    });
    if (matched) return rule.destination.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);
  }
  return null;
}

describe("browse rewrites", () => {
  it("use the same sort orders, default and page cap as the pages", () => {
    expect([...BROWSE_SORTS]).toEqual(catalogSortSchema.options);
    expect(BROWSE_DEFAULT_SORT).toBe(DEFAULT_SORT);
    expect(BROWSE_MAX_PAGE).toBe(MAX_PAGE);
  });

  it("map every query to the segments parseSort and parsePage produce", () => {
    const sorts = [undefined, "", "popular", "newest", "price-asc", "price-desc", "PRICE-ASC", "price-asc;drop", "x"];
    const pages = [undefined, "", "1", "2", "12", "999", "1000", "1001", "9999", "10000", "0", "01", "-2", "1.5", "abc", "2e3", " 3"];
    for (const kind of ["c", "s"]) {
      for (const sort of sorts) {
        for (const page of pages) {
          const query: Record<string, string> = {};
          if (sort !== undefined) query.sort = sort;
          if (page !== undefined) query.page = page;
          const shown = resolve(`/${kind}/tents`, query) ?? `/${kind}/tents/${DEFAULT_SORT}/1`;
          expect(shown, `${kind} sort=${sort} page=${page}`).toBe(`/${kind}/tents/${parseSort(sort)}/${parsePage(page)}`);
        }
      }
    }
  });

  it("leave the plain address to its own route", () => {
    expect(resolve("/c/tents", {})).toBeNull();
    expect(resolve("/s/alder-co", {})).toBeNull();
  });

  it("leave other paths alone", () => {
    expect(resolve("/c/tents/popular/1", {})).toBeNull();
    expect(resolve("/p/tents", {})).toBeNull();
    expect(resolve("/c", {})).toBeNull();
  });
});
