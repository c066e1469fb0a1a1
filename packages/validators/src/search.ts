import { z } from "zod";

/** Search words are kept short: longer input is cut, not refused, so a pasted sentence still searches. */
export const SEARCH_TEXT_MAX = 200;
export const SEARCH_PAGE_SIZE = 24;

export const searchSortSchema = z.enum(["relevance", "price-asc", "price-desc", "newest"]);
export type SearchSort = z.infer<typeof searchSortSchema>;

/**
 * Price ranges offered as a facet, on the listing's lowest price in minor units (the marketplace sells
 * in one currency). The key is what the address bar shows: `price=25-50`.
 */
export const PRICE_BUCKETS = [
  { key: "0-25", minMinor: 0, maxMinor: 2_500 },
  { key: "25-50", minMinor: 2_500, maxMinor: 5_000 },
  { key: "50-100", minMinor: 5_000, maxMinor: 10_000 },
  { key: "100-250", minMinor: 10_000, maxMinor: 25_000 },
  { key: "250-", minMinor: 25_000, maxMinor: null },
] as const satisfies readonly { key: string; minMinor: number; maxMinor: number | null }[];
export type PriceBucket = (typeof PRICE_BUCKETS)[number];
export type PriceBucketKey = PriceBucket["key"];
const priceBucketKeys = PRICE_BUCKETS.map((b) => b.key) as [PriceBucketKey, ...PriceBucketKey[]];
export const priceBucketSchema = z.enum(priceBucketKeys);

/** Delivery-speed choices: business days from order to the latest delivery day of the seller's fastest method. */
export const DELIVERY_WITHIN_DAYS = [2, 3, 5] as const;
export type DeliveryWithinDays = (typeof DELIVERY_WITHIN_DAYS)[number];
export const deliveryWithinSchema = z.union(
  DELIVERY_WITHIN_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<5>],
);

/** Rating choices: "4 stars & up" keeps listings whose average of visible reviews is at least 4. */
export const RATING_FACET_STARS = [4, 3, 2, 1] as const;
export type MinRating = (typeof RATING_FACET_STARS)[number];
export const minRatingSchema = z.union(
  RATING_FACET_STARS.map((s) => z.literal(s)) as [z.ZodLiteral<4>, z.ZodLiteral<3>, z.ZodLiteral<2>, z.ZodLiteral<1>],
);

const slugListSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a valid address")
      .max(80),
  )
  .max(20, "Choose at most 20")
  .default([]);

export const searchInputSchema = z.object({
  /** Free text; may be empty when at least one filter is set. */
  q: z
    .string()
    .default("")
    .transform((v) => v.trim().slice(0, SEARCH_TEXT_MAX)),
  /** Category slugs; a parent category includes its subcategories. Several are OR-ed. */
  categories: slugListSchema,
  /** Store slugs, OR-ed. */
  sellers: slugListSchema,
  /** Price ranges, OR-ed. */
  prices: z.array(priceBucketSchema).max(PRICE_BUCKETS.length).default([]),
  /** Only listings a seller can deliver within this many business days. */
  deliveryWithin: deliveryWithinSchema.nullable().default(null),
  /** Only listings rated at least this many stars on average. */
  minRating: minRatingSchema.nullable().default(null),
  /** Only listings with available units at a pickup location. */
  pickup: z.boolean().default(false),
  /** Sold-out listings are hidden unless the shopper asks for them. */
  includeOutOfStock: z.boolean().default(false),
  sort: searchSortSchema.default("relevance"),
  /** Opaque cursor from a previous page's pageInfo; a stale or foreign one starts from the first page. */
  cursor: z.string().max(400).nullable().default(null),
  limit: z.number().int().min(1).max(60).default(SEARCH_PAGE_SIZE),
});
export type SearchInput = z.infer<typeof searchInputSchema>;
export type SearchInputRaw = z.input<typeof searchInputSchema>;

export const suggestInputSchema = z.object({
  prefix: z
    .string()
    .transform((v) => v.trim().slice(0, 100))
    .pipe(z.string().min(1, "Type something to search for")),
});
export type SuggestInput = z.infer<typeof suggestInputSchema>;

const cardOutput = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  brand: z.string().nullable(),
  currency: z.string(),
  priceMinor: z.number().int(),
  compareAtMinor: z.number().int().nullable(),
  available: z.number().int(),
  sellerName: z.string(),
  sellerSlug: z.string(),
  image: z.object({ storageKey: z.string(), widths: z.array(z.number()), alt: z.string() }).nullable(),
  rating: z.object({ average: z.number(), count: z.number().int() }).nullable(),
  /** Placed by a merchandising pin (shown as "Featured"). */
  featured: z.boolean().optional(),
});

const facetValue = { count: z.number().int(), selected: z.boolean() };

/** What the public `search` procedure returns (declared, so the API never leaks more than this). */
export const searchResultSchema = z.object({
  text: z.string(),
  items: z.array(cardOutput),
  total: z.number().int(),
  /** 1-based positions of the first and last item of this page (0, 0 when empty). */
  range: z.object({ from: z.number().int(), to: z.number().int() }),
  pageInfo: z.object({ nextCursor: z.string().nullable(), prevCursor: z.string().nullable() }),
  facets: z.object({
    categories: z.array(z.object({ slug: z.string(), name: z.string(), parentSlug: z.string().nullable(), ...facetValue })),
    sellers: z.array(z.object({ slug: z.string(), name: z.string(), ...facetValue })),
    prices: z.array(
      z.object({ key: priceBucketSchema, minMinor: z.number().int(), maxMinor: z.number().int().nullable(), ...facetValue }),
    ),
    delivery: z.array(z.object({ withinDays: deliveryWithinSchema, ...facetValue })),
    pickup: z.object(facetValue),
    availability: z.object({ inStock: z.number().int(), all: z.number().int(), includeOutOfStock: z.boolean() }),
    /** "N stars & up", counted like the other facets (with every other filter applied). */
    rating: z.array(z.object({ minStars: z.number().int().min(1).max(5), ...facetValue })).nullable(),
  }),
  corrections: z.array(z.object({ word: z.string(), suggestion: z.string() })),
  noResults: z
    .object({
      didYouMean: z.array(z.string()),
      /** In-stock listings the words find with no filter at all: 0 when the words themselves found nothing. */
      withoutFilters: z.number().int(),
      popularCategories: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
    })
    .nullable(),
});

export const suggestionsSchema = z.object({
  listings: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      brand: z.string().nullable(),
      priceMinor: z.number().int(),
      currency: z.string(),
      image: z.object({ storageKey: z.string(), widths: z.array(z.number()), alt: z.string() }).nullable(),
    }),
  ),
  categories: z.array(z.object({ slug: z.string(), name: z.string(), parentName: z.string().nullable() })),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
export type Suggestions = z.infer<typeof suggestionsSchema>;
