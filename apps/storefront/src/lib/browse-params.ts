import { catalogSortSchema, type CatalogSort } from "@agora/validators";

/**
 * Sort and page live in the address bar (`/c/tents?sort=price-asc&page=2`). The next.config rewrites
 * (browse-rewrites.ts) turn them into internal path segments (`/c/tents/price-asc/2`), so every
 * combination is a cacheable static page.
 */
export const DEFAULT_SORT: CatalogSort = "popular";
export const MAX_PAGE = 1000;

export const sortLabels: Record<CatalogSort, string> = {
  popular: "Most popular",
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
};

/** Unknown or missing values fall back to the default instead of failing. */
export function parseSort(value: string | null | undefined): CatalogSort {
  const parsed = catalogSortSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_SORT;
}

export function parsePage(value: string | null | undefined): number {
  if (!value || !/^[1-9]\d{0,3}$/.test(value)) return 1;
  return Math.min(Number(value), MAX_PAGE);
}

/** The public URL of a browse page; defaults are left out so each page has one canonical address. */
export function browseHref(base: string, options: { sort?: CatalogSort; page?: number }): string {
  const query = new URLSearchParams();
  if (options.sort && options.sort !== DEFAULT_SORT) query.set("sort", options.sort);
  if (options.page && options.page > 1) query.set("page", String(options.page));
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}
