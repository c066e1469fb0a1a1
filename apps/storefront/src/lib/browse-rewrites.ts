/**
 * Browse pages keep sort and page in the query string for people (`/c/tents?sort=price-asc&page=2`)
 * but are rendered from path segments (`/c/tents/price-asc/2`), so every combination is one static,
 * tag-invalidated page. The mapping is done by next.config rewrites, not by the proxy: rewrites are
 * matched inside Next's router, while a proxy runs a function on every request (and, when Next is
 * bound to an explicit host such as 127.0.0.1, sends its rewrites through a second HTTP request to
 * itself), which cost a cached category page more than the page itself.
 *
 * The plain address (`/c/tents`, default sort, first page) is a route of its own, `/c/[slug]`, so
 * the most visited pages skip the rule list. These rules therefore run before the file system routes
 * (`beforeFiles`): after them, `/c/[slug]` would answer `/c/tents?sort=price-asc` itself.
 *
 * Kept free of imports so next.config.ts can load it. The values mirror browse-params.ts (tested there).
 */

/** The sort orders of `catalogSortSchema`, default first. */
export const BROWSE_SORTS = ["popular", "newest", "price-asc", "price-desc"] as const;
export const BROWSE_DEFAULT_SORT = BROWSE_SORTS[0];
/** Pages past this show the last allowed page, as parsePage does. */
export const BROWSE_MAX_PAGE = 1000;

export interface BrowseRewrite {
  source: string;
  destination: string;
  has?: { type: "query"; key: string; value: string }[];
}

const sortValue = `(?<sort>${BROWSE_SORTS.join("|")})`;
/** 1–999 and 1000 exactly. */
const pageValue = "(?<page>[1-9]\\d{0,2}|1000)";
/** 1001–9999: capped to the last allowed page. */
const bigPageValue = "[1-9]\\d{3}";

export function browseRewrites(): BrowseRewrite[] {
  return (["c", "s"] as const).flatMap((kind) => {
    const source = `/${kind}/:slug`;
    const to = (sort: string, page: string) => `/${kind}/:slug/${sort}/${page}`;
    const sort = { type: "query", key: "sort", value: sortValue } as const;
    const page = { type: "query", key: "page", value: pageValue } as const;
    const bigPage = { type: "query", key: "page", value: bigPageValue } as const;
    // The first rule that matches wins; a missing or unknown value falls through to `/${kind}/[slug]`,
    // which shows the default sort's first page.
    return [
      { source, has: [sort, page], destination: to(":sort", ":page") },
      { source, has: [sort, bigPage], destination: to(":sort", String(BROWSE_MAX_PAGE)) },
      { source, has: [sort], destination: to(":sort", "1") },
      { source, has: [page], destination: to(BROWSE_DEFAULT_SORT, ":page") },
      { source, has: [bigPage], destination: to(BROWSE_DEFAULT_SORT, String(BROWSE_MAX_PAGE)) },
    ];
  });
}
