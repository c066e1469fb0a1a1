import { formatMoney } from "@agora/core/money";
import {
  DELIVERY_WITHIN_DAYS,
  PRICE_BUCKETS,
  RATING_FACET_STARS,
  SEARCH_TEXT_MAX,
  searchSortSchema,
  type DeliveryWithinDays,
  type MinRating,
  type PriceBucketKey,
  type SearchSort,
} from "@agora/validators";

/**
 * Everything about a search lives in the address bar, so a results page can be shared, bookmarked and
 * reached again with the back button, and works as a plain GET form without scripts:
 *
 *   /search?q=lantern&category=lighting&seller=lumen-and-ash&price=25-50&delivery=3&pickup=1&stock=all&sort=price-asc&cursor=…
 *
 * Unknown or malformed values are dropped rather than refused: a hand-edited link still shows results.
 */
export interface SearchState {
  q: string;
  categories: string[];
  sellers: string[];
  prices: PriceBucketKey[];
  deliveryWithin: DeliveryWithinDays | null;
  /** "N stars & up" (address: rating=4). */
  minRating: MinRating | null;
  pickup: boolean;
  includeOutOfStock: boolean;
  sort: SearchSort;
  cursor: string | null;
}

export const DEFAULT_SEARCH_SORT: SearchSort = "relevance";
const MAX_VALUES = 20;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const searchSortLabels: Record<SearchSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
};

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function all(params: RawParams, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const first = (params: RawParams, name: string) => all(params, name)[0];

const unique = <T>(values: T[]) => [...new Set(values)];

export function parseSearchParams(params: RawParams): SearchState {
  const slugs = (name: string) =>
    unique(
      all(params, name)
        .flatMap((v) => v.split(","))
        .map((v) => v.trim().toLowerCase())
        .filter((v) => v.length <= 80 && SLUG.test(v)),
    ).slice(0, MAX_VALUES);
  const priceKeys = new Set<string>(PRICE_BUCKETS.map((b) => b.key));
  const delivery = Number(first(params, "delivery"));
  const rating = Number(first(params, "rating"));
  const sort = searchSortSchema.safeParse(first(params, "sort"));
  const cursor = first(params, "cursor");
  return {
    q: (first(params, "q") ?? "").trim().slice(0, SEARCH_TEXT_MAX),
    categories: slugs("category"),
    sellers: slugs("seller"),
    prices: unique(all(params, "price").filter((p): p is PriceBucketKey => priceKeys.has(p))),
    deliveryWithin: (DELIVERY_WITHIN_DAYS as readonly number[]).includes(delivery) ? (delivery as DeliveryWithinDays) : null,
    minRating: (RATING_FACET_STARS as readonly number[]).includes(rating) ? (rating as MinRating) : null,
    pickup: first(params, "pickup") === "1",
    includeOutOfStock: first(params, "stock") === "all",
    sort: sort.success ? sort.data : DEFAULT_SEARCH_SORT,
    cursor: cursor && cursor.length <= 400 && /^[A-Za-z0-9_-]+$/.test(cursor) ? cursor : null,
  };
}

/** True when the shopper has narrowed the results in any way besides the words. */
export function hasFilters(state: SearchState): boolean {
  return (
    state.categories.length > 0 ||
    state.sellers.length > 0 ||
    state.prices.length > 0 ||
    state.deliveryWithin !== null ||
    state.minRating !== null ||
    state.pickup ||
    state.includeOutOfStock
  );
}

/**
 * The canonical address of a search. Any change of words, filters or sort starts from the first page
 * (the cursor is dropped) unless a cursor is passed explicitly.
 */
export function searchHref(state: SearchState, change: Partial<SearchState> = {}): string {
  const next: SearchState = { ...state, cursor: null, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  for (const c of next.categories) query.append("category", c);
  for (const s of next.sellers) query.append("seller", s);
  for (const p of next.prices) query.append("price", p);
  if (next.deliveryWithin !== null) query.set("delivery", String(next.deliveryWithin));
  if (next.minRating !== null) query.set("rating", String(next.minRating));
  if (next.pickup) query.set("pickup", "1");
  if (next.includeOutOfStock) query.set("stock", "all");
  if (next.sort !== DEFAULT_SEARCH_SORT) query.set("sort", next.sort);
  if (next.cursor) query.set("cursor", next.cursor);
  const qs = query.toString();
  return qs ? `/search?${qs}` : "/search";
}

/** “Under $25”, “$25 – $50”, “$250 and up”. */
export function priceLabel(bucket: { minMinor: number; maxMinor: number | null }): string {
  const money = (minor: number) => formatMoney(minor, "USD").replace(/\.00$/, "");
  if (bucket.minMinor === 0 && bucket.maxMinor !== null) return `Under ${money(bucket.maxMinor)}`;
  if (bucket.maxMinor === null) return `${money(bucket.minMinor)} and up`;
  return `${money(bucket.minMinor)} – ${money(bucket.maxMinor)}`;
}

export const deliveryLabel = (days: number) => `Within ${days} business days`;

/** “4 stars & up”. */
export const ratingFacetLabel = (stars: number) => `${stars} ${stars === 1 ? "star" : "stars"} & up`;
