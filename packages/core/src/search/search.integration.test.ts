/**
 * Search against real PostgreSQL, with listings written through the real use-cases (so the search
 * documents are whatever those use-cases keep current): typos, prefixes and several words find the
 * right listings; facet counts are what choosing the facet shows; paging through every page never
 * skips or repeats; sold-out, draft, archived and unapproved stores' listings stay hidden.
 */
import { eq, inArray, schema, sql } from "@agora/db";
import { searchInputSchema, type SearchInputRaw, type SearchResult } from "@agora/validators";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createCategory,
  createOperator,
  createSellerAccount,
  createStockLocation,
  listingInput,
  variantInput,
} from "../../../../tooling/vitest/fixtures";
import { createListing, setListingStatus, updateListing, type Listing } from "../catalog/listings";
import { updateLocation, type StockLocation } from "../inventory/locations";
import { reviewSeller, type Seller } from "../sellers/sellers";
import { createShippingMethod, saveShippingProfile } from "../shipping/profiles";
import { refreshSearchDocument, searchCatalog, suggestCatalog } from "./index";

const { db } = await useTestDatabase();

type Category = Awaited<ReturnType<typeof createCategory>>;
const cat = {} as Record<"wine" | "red" | "lighting" | "candles", Category>;
const store = {} as Record<"cellar" | "lamps" | "pending" | "rejected", Seller>;
const loc = {} as Record<"cellarPickup" | "lampsWarehouse", StockLocation>;
const item = {} as Record<
  "chianti" | "brassLantern" | "campLantern" | "soldOut" | "draft" | "archived" | "pending" | "rejected",
  Listing
>;
let candles: Listing[] = [];

const search = (input: SearchInputRaw = {}): Promise<SearchResult> => searchCatalog(db, searchInputSchema.parse(input));
const ids = (result: SearchResult) => result.items.map((i) => i.id);

/** Makes a listing active directly and writes its document, as if its store's status had drifted. */
async function forceActiveAndIndexed(listing: Listing) {
  await db.transaction(async (tx) => {
    await tx.update(schema.listings).set({ status: "active", publishedAt: new Date() }).where(eq(schema.listings.id, listing.id));
    await refreshSearchDocument(tx, [listing.id]);
  });
}

beforeAll(async () => {
  const operator = await createOperator(db);
  cat.wine = await createCategory(db, { name: "Wine" });
  cat.red = await createCategory(db, { name: "Red wine", parentId: cat.wine.id });
  cat.lighting = await createCategory(db, { name: "Lighting" });
  cat.candles = await createCategory(db, { name: "Candles" });

  store.cellar = (await createSellerAccount(db, "approved", { reviewerId: operator.id })).seller;
  store.lamps = (await createSellerAccount(db, "approved", { reviewerId: operator.id })).seller;
  store.pending = (await createSellerAccount(db, "pending")).seller;
  store.rejected = (await createSellerAccount(db, "approved", { reviewerId: operator.id })).seller;

  // The cellar delivers within 2 business days (1 handling + 1 transit); the lamp shop within 6.
  const profile = { cutoffHour: 14, timeZone: "America/New_York", shipsTo: ["US"] };
  await saveShippingProfile(db, store.cellar.id, { ...profile, handlingDays: 1 });
  await createShippingMethod(db, store.cellar.id, { name: "Courier", transitDaysMin: 1, transitDaysMax: 1, priceMinor: 900, freeOverMinor: null, active: true });
  await createShippingMethod(db, store.cellar.id, { name: "Post", transitDaysMin: 3, transitDaysMax: 5, priceMinor: 400, freeOverMinor: null, active: true });
  await saveShippingProfile(db, store.lamps.id, { ...profile, handlingDays: 2 });
  await createShippingMethod(db, store.lamps.id, { name: "Ground", transitDaysMin: 2, transitDaysMax: 4, priceMinor: 500, freeOverMinor: null, active: true });

  loc.cellarPickup = await createStockLocation(db, store.cellar.id, { pickupEnabled: true });
  loc.lampsWarehouse = await createStockLocation(db, store.lamps.id, { pickupEnabled: false });
  const cellarStock = (onHand: number) => [{ locationId: loc.cellarPickup.id, onHand }];
  const lampStock = (onHand: number) => [{ locationId: loc.lampsWarehouse.id, onHand }];

  const published = async (seller: Seller, input: Parameters<typeof createListing>[2]) => {
    const listing = await createListing(db, seller.id, input);
    return setListingStatus(db, seller, listing.id, "active");
  };

  item.chianti = await published(
    store.cellar,
    listingInput(cat.red.id, {
      title: "Tuscan Chianti Classico 2019",
      brand: "Fattoria Rossa",
      description: "Cherry, violet and a dry finish.",
      attributes: [{ name: "Grape", value: "Sangiovese" }],
      variants: [variantInput({ priceMinor: 2400, stock: cellarStock(12) })],
    }),
  );
  item.brassLantern = await published(
    store.cellar,
    listingInput(cat.lighting.id, {
      title: "Brass Hurricane Lantern",
      description: "Hand-polished brass.",
      variants: [variantInput({ priceMinor: 6000, stock: cellarStock(3) })],
    }),
  );
  item.campLantern = await published(
    store.lamps,
    listingInput(cat.lighting.id, {
      title: "Rechargeable Camping Lantern",
      brand: "Lumio",
      description: "Lights a tent for 40 hours.",
      attributes: [{ name: "Material", value: "Recycled aluminium" }],
      variants: [variantInput({ priceMinor: 3500, stock: lampStock(8) })],
    }),
  );
  item.soldOut = await published(
    store.lamps,
    listingInput(cat.lighting.id, { title: "Storm Lantern Deluxe", variants: [variantInput({ priceMinor: 9000, stock: lampStock(0) })] }),
  );
  item.draft = await createListing(db, store.lamps.id, listingInput(cat.lighting.id, { title: "Draft Lantern Prototype" }));
  item.archived = await published(store.lamps, listingInput(cat.lighting.id, { title: "Archived Lantern Classic", variants: [variantInput({ stock: lampStock(5) })] }));
  item.archived = await setListingStatus(db, store.lamps, item.archived.id, "archived");

  item.pending = await createListing(db, store.pending.id, listingInput(cat.lighting.id, { title: "Pending Store Lantern" }));
  await forceActiveAndIndexed(item.pending);

  item.rejected = await published(store.rejected, listingInput(cat.lighting.id, { title: "Rejected Store Lantern", variants: [variantInput({ stock: [] })] }));
  await reviewSeller(db, operator.id, { sellerId: store.rejected.id, decision: "reject", reason: "Policy violation" });
  await forceActiveAndIndexed(item.rejected);

  // 30 candles over both shops with only three prices, for ties in every sort.
  candles = await Promise.all(
    Array.from({ length: 30 }, (_, i) => {
      const seller = i % 3 === 0 ? store.lamps : store.cellar;
      const stock = seller === store.lamps ? lampStock(i % 7 === 0 ? 0 : 2) : cellarStock(i % 4 === 0 ? 0 : 2);
      return published(
        seller,
        listingInput(cat.candles.id, {
          title: `Beeswax pillar candle no. ${i}`,
          variants: [variantInput({ priceMinor: [1500, 3000, 30000][i % 3] ?? 1500, stock })],
        }),
      );
    }),
  );
  // Several share one publication time, so "newest" has ties too.
  await db
    .update(schema.listings)
    .set({ publishedAt: new Date(Date.UTC(2026, 0, 1)) })
    .where(inArray(schema.listings.id, candles.slice(0, 12).map((c) => c.id)));
  await db.transaction((tx) => refreshSearchDocument(tx, candles.map((c) => c.id)));
});

describe("finding listings by their words", () => {
  it("finds Chianti for the misspelling “chainti” and says what it corrected", async () => {
    const result = await search({ q: "chainti" });
    expect(ids(result)).toEqual([item.chianti.id]);
    expect(result.corrections).toEqual([{ word: "chainti", suggestion: "chianti" }]);
  });

  it("corrects two letters swapped in a short word, which trigrams alone miss", async () => {
    const candlesFound = await search({ q: "canlde", includeOutOfStock: true });
    expect(candlesFound.total).toBe(candles.length);
    expect(candlesFound.corrections).toEqual([{ word: "canlde", suggestion: "candle" }]);
    expect(ids(await search({ q: "brsas lantern" }))).toEqual([item.brassLantern.id]);
  });

  it("corrects one word of several and still requires the others", async () => {
    expect(ids(await search({ q: "chainti classico" }))).toEqual([item.chianti.id]);
    expect(ids(await search({ q: "chainti lantern" }))).toEqual([]);
  });

  it("matches prefixes as they are typed", async () => {
    expect(ids(await search({ q: "lant" })).sort()).toEqual([item.brassLantern.id, item.campLantern.id].sort());
    expect(ids(await search({ q: "chian" }))).toEqual([item.chianti.id]);
    expect(ids(await search({ q: "rechar" }))).toEqual([item.campLantern.id]);
  });

  it("requires every word of a multi-word query, in any order", async () => {
    expect(ids(await search({ q: "brass lantern" }))).toEqual([item.brassLantern.id]);
    expect(ids(await search({ q: "lantern camping" }))).toEqual([item.campLantern.id]);
  });

  it("ignores accents, case and stop words", async () => {
    expect(ids(await search({ q: "CHIÁNTI" }))).toEqual([item.chianti.id]);
    expect(ids(await search({ q: "the lantern for a tent" }))).toEqual([item.campLantern.id]);
  });

  it("matches plurals and other forms through the English stem", async () => {
    expect(ids(await search({ q: "lanterns" })).sort()).toEqual([item.brassLantern.id, item.campLantern.id].sort());
  });

  it("searches brand, category, attribute and description words, ranking title matches first", async () => {
    expect(ids(await search({ q: "fattoria" }))).toEqual([item.chianti.id]);
    expect(ids(await search({ q: "red wine" }))).toEqual([item.chianti.id]);
    expect(ids(await search({ q: "sangiovese" }))).toEqual([item.chianti.id]);
    expect(ids(await search({ q: "aluminium" }))).toEqual([item.campLantern.id]);
    // Words only in a description still count.
    expect(ids(await search({ q: "hours" }))).toEqual([item.campLantern.id]);
    const brass = await search({ q: "brass" });
    expect(brass.items[0]?.id).toBe(item.brassLantern.id);
  });

  it("returns cards with price, stock and seller", async () => {
    const [card] = (await search({ q: "chianti" })).items;
    expect(card).toMatchObject({
      id: item.chianti.id,
      slug: item.chianti.slug,
      title: "Tuscan Chianti Classico 2019",
      brand: "Fattoria Rossa",
      priceMinor: 2400,
      available: 12,
      sellerSlug: store.cellar.slug,
    });
  });

  it("finds nothing for gibberish and offers a way out", async () => {
    const result = await search({ q: "qqqzzzxxx" });
    expect(result.total).toBe(0);
    expect(result.items).toEqual([]);
    expect(result.noResults?.popularCategories.map((c) => c.slug)).toEqual(expect.arrayContaining([cat.candles.slug, cat.lighting.slug]));
    expect(result.noResults?.withoutFilters).toBe(0);
  });

  it("suggests a corrected query when corrections alone cannot help", async () => {
    const result = await search({ q: "chainti", categories: [cat.lighting.slug] });
    expect(result.total).toBe(0);
    expect(result.noResults?.didYouMean).toContain("chianti");
    // The words were fine, the filter emptied the page: the page offers them without filters instead.
    expect(result.noResults?.popularCategories).toEqual([]);
    expect(result.noResults?.withoutFilters).toBe((await search({ q: "chainti" })).total);
    expect(result.noResults?.withoutFilters).toBe(1);
  });
});

describe("what is never found", () => {
  const hidden = () => [item.draft, item.archived, item.pending, item.rejected].map((l) => l.id);

  it.each(["draft", "archived", "pending", "rejected"] as const)("never finds the %s listing", async (which) => {
    const title = { draft: "Draft Lantern Prototype", archived: "Archived Lantern Classic", pending: "Pending Store Lantern", rejected: "Rejected Store Lantern" }[which];
    const result = await search({ q: title, includeOutOfStock: true });
    expect(ids(result)).not.toContain(item[which].id);
  });

  it("never lists hidden listings or unapproved stores anywhere in a broad search", async () => {
    const result = await search({ q: "lantern", includeOutOfStock: true, limit: 60 });
    for (const id of hidden()) expect(ids(result)).not.toContain(id);
    expect(result.facets.sellers.map((s) => s.slug).sort()).toEqual([store.cellar.slug, store.lamps.slug].sort());
  });

  it("hides sold-out listings unless the shopper asks for them", async () => {
    const normal = await search({ q: "storm lantern" });
    expect(ids(normal)).toEqual([]);
    expect(normal.facets.availability).toEqual({ inStock: 0, all: 1, includeOutOfStock: false });
    const all = await search({ q: "storm lantern", includeOutOfStock: true });
    expect(ids(all)).toEqual([item.soldOut.id]);
    expect(all.items[0]?.available).toBe(0);
  });
});

describe("the index follows every change at once", () => {
  it("finds a listing the moment it is published, and follows edits and archiving", async () => {
    const draft = await createListing(
      db,
      store.lamps.id,
      listingInput(cat.lighting.id, { title: "Solar Garden Lantern", variants: [variantInput({ stock: [{ locationId: loc.lampsWarehouse.id, onHand: 4 }] })] }),
    );
    expect(ids(await search({ q: "solar garden" }))).toEqual([]);

    await setListingStatus(db, store.lamps, draft.id, "active");
    expect(ids(await search({ q: "solar garden" }))).toEqual([draft.id]);

    await updateListing(
      db,
      store.lamps.id,
      draft.id,
      listingInput(cat.lighting.id, { title: "Solar Path Light", variants: [variantInput({ priceMinor: 1200, stock: [{ locationId: loc.lampsWarehouse.id, onHand: 0 }] })] }),
    );
    expect(ids(await search({ q: "solar garden", includeOutOfStock: true }))).toEqual([]);
    expect(ids(await search({ q: "solar path" }))).toEqual([]);
    const renamed = await search({ q: "solar path", includeOutOfStock: true });
    expect(renamed.items).toMatchObject([{ id: draft.id, priceMinor: 1200, available: 0 }]);

    await setListingStatus(db, store.lamps, draft.id, "archived");
    expect(ids(await search({ q: "solar", includeOutOfStock: true }))).toEqual([]);
  });

  it("finds a word no listing had before by a prefix other words share, also when only the description has it", async () => {
    // Prefixes are spelled out into the documents' words (search_lexemes) before matching, "chiant" into
    // "chianti" so far: the new word must join that list in the save that introduces it.
    const listing = await createListing(
      db,
      store.lamps.id,
      listingInput(cat.lighting.id, {
        title: "Tabletop Lantern",
        description: "Shaded with chiantiquorv glass.",
        variants: [variantInput({ stock: [{ locationId: loc.lampsWarehouse.id, onHand: 2 }] })],
      }),
    );
    expect(ids(await search({ q: "chiant" }))).toEqual([item.chianti.id]);
    await setListingStatus(db, store.lamps, listing.id, "active");
    expect(ids(await search({ q: "chiant" })).sort()).toEqual([item.chianti.id, listing.id].sort());
    expect(ids(await search({ q: "chiant lant" }))).toEqual([listing.id]);
    await setListingStatus(db, store.lamps, listing.id, "archived");
  });

  it("rolls the document back with a failed save", async () => {
    const before = await search({ q: "brass" });
    const failing = db.transaction(async (tx) => {
      await tx.update(schema.listings).set({ title: "Copper Lantern" }).where(eq(schema.listings.id, item.brassLantern.id));
      await refreshSearchDocument(tx, [item.brassLantern.id]);
      throw new Error("the save failed");
    });
    await expect(failing).rejects.toThrow("the save failed");
    expect(ids(await search({ q: "brass" }))).toEqual(ids(before));
    expect(ids(await search({ q: "copper" }))).toEqual([]);
  });

  it("drops a rejected store's listings", async () => {
    const operator = await createOperator(db);
    const { seller } = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    const listing = await createListing(db, seller.id, listingInput(cat.lighting.id, { title: "Soon Rejected Lamp" }));
    await setListingStatus(db, seller, listing.id, "active");
    expect(ids(await search({ q: "soon rejected", includeOutOfStock: true }))).toEqual([listing.id]);
    await reviewSeller(db, operator.id, { sellerId: seller.id, decision: "reject", reason: "Counterfeit goods" });
    expect(ids(await search({ q: "soon rejected", includeOutOfStock: true }))).toEqual([]);
  });

  it("updates pickup availability when a location stops offering pickup", async () => {
    const pickup = async () => (await search({ q: "chianti", pickup: true })).total;
    expect(await pickup()).toBe(1);
    const { id: _id, sellerId: _seller, createdAt: _c, updatedAt: _u, ...fields } = loc.cellarPickup;
    await updateLocation(db, store.cellar.id, loc.cellarPickup.id, { ...fields, pickupEnabled: false });
    expect(await pickup()).toBe(0);
    await updateLocation(db, store.cellar.id, loc.cellarPickup.id, { ...fields, pickupEnabled: true });
    expect(await pickup()).toBe(1);
  });

  it("follows a rating written straight to listing_search, as review changes do", async () => {
    const candle = candles[29];
    if (!candle) throw new Error("the fixture has 30 candles");
    const setRating = (ratingAverage: number | null) =>
      db.update(schema.listingSearch).set({ ratingAverage }).where(eq(schema.listingSearch.listingId, candle.id));
    const fourStars = async () => ids(await search({ q: "beeswax", minRating: 4, includeOutOfStock: true }));
    expect(await fourStars()).toEqual([]);
    await setRating(4.5);
    expect(await fourStars()).toEqual([candle.id]);
    await setRating(null);
    expect(await fourStars()).toEqual([]);
  });
});

describe("facets", () => {
  /** Re-runs the search with exactly that facet value chosen and checks the total is the count shown. */
  async function expectCountsMatchResults(base: SearchInputRaw) {
    const result = await search(base);
    const { facets } = result;
    const totalWith = async (change: SearchInputRaw) => (await search({ ...base, ...change, cursor: null })).total;

    expect(facets.categories.length + facets.sellers.length).toBeGreaterThan(0);
    for (const c of facets.categories) expect([c.slug, await totalWith({ categories: [c.slug] })]).toEqual([c.slug, c.count]);
    for (const s of facets.sellers) expect([s.slug, await totalWith({ sellers: [s.slug] })]).toEqual([s.slug, s.count]);
    for (const p of facets.prices) expect([p.key, await totalWith({ prices: [p.key] })]).toEqual([p.key, p.count]);
    for (const d of facets.delivery)
      expect([d.withinDays, await totalWith({ deliveryWithin: d.withinDays })]).toEqual([d.withinDays, d.count]);
    expect(await totalWith({ pickup: true })).toBe(facets.pickup.count);
    expect(await totalWith({ includeOutOfStock: false })).toBe(facets.availability.inStock);
    expect(await totalWith({ includeOutOfStock: true })).toBe(facets.availability.all);
    for (const r of facets.rating ?? []) expect([r.minStars, await totalWith({ minRating: r.minStars as 1 | 2 | 3 | 4 })]).toEqual([r.minStars, r.count]);
    return result;
  }

  it("counts each value as the results choosing it would show, with no filter", async () => {
    const result = await expectCountsMatchResults({ q: "lantern" });
    expect(result.facets.categories.find((c) => c.slug === cat.lighting.slug)?.count).toBe(2);
  });

  it("counts a parent category with its subcategories", async () => {
    const result = await search({ q: "chianti" });
    expect(result.facets.categories.map((c) => [c.slug, c.count, c.parentSlug]).sort()).toEqual(
      [
        [cat.red.slug, 1, cat.wine.slug],
        [cat.wine.slug, 1, null],
      ].sort(),
    );
    expect(ids(await search({ q: "chianti", categories: [cat.wine.slug] }))).toEqual([item.chianti.id]);
  });

  it("keeps counts equal to results with several filters active, each facet ignoring only its own", async () => {
    await expectCountsMatchResults({ q: "candle", sellers: [store.cellar.slug], prices: ["25-50", "250-"] });
    await expectCountsMatchResults({ q: "candle", deliveryWithin: 2, pickup: true });
    await expectCountsMatchResults({ q: "candle", includeOutOfStock: true, categories: [cat.candles.slug], prices: ["0-25"] });
    await expectCountsMatchResults({ q: "", categories: [cat.lighting.slug, cat.candles.slug] });
  });

  it("keeps chosen values listed (with their count) even when nothing matches them", async () => {
    const result = await search({ q: "chianti", sellers: [store.lamps.slug] });
    expect(result.total).toBe(0);
    expect(result.facets.sellers).toContainEqual({ slug: store.lamps.slug, name: store.lamps.name, count: 0, selected: true });
    expect(result.facets.sellers).toContainEqual({ slug: store.cellar.slug, name: store.cellar.name, count: 1, selected: false });
  });

  it("counts and filters by average rating (N stars & up), equal to the filtered results", async () => {
    // Ratings as the review use-cases keep them: listing_ratings, copied into the search document.
    const rated: [Listing, number, number][] = [
      [item.chianti, 2, 9],
      [item.brassLantern, 3, 10],
      [item.campLantern, 1, 2],
      ...candles.slice(0, 6).map((c, i): [Listing, number, number] => [c, 2, 2 + i]),
    ];
    await db.transaction(async (tx) => {
      for (const [listing, reviewCount, ratingSum] of rated)
        await tx.insert(schema.listingRatings).values({ listingId: listing.id, reviewCount, ratingSum }).onConflictDoUpdate({ target: schema.listingRatings.listingId, set: { reviewCount, ratingSum } });
      await refreshSearchDocument(tx, rated.map(([l]) => l.id));
    });
    const lanterns = await search({ q: "lantern" });
    expect(lanterns.facets.rating?.map((r) => [r.minStars, r.count])).toEqual([
      [4, 0],
      [3, 1],
      [2, 2],
      [1, 2],
    ]);
    expect(ids(await search({ q: "lantern", minRating: 3 }))).toEqual([item.brassLantern.id]);
    expect(lanterns.items.find((i) => i.id === item.brassLantern.id)?.rating).toEqual({ average: 3.3, count: 3 });
    await expectCountsMatchResults({ q: "candle", minRating: 2, includeOutOfStock: true });
    await expectCountsMatchResults({ q: "", minRating: 1, categories: [cat.candles.slug, cat.lighting.slug] });
    await expectCountsMatchResults({ q: "candle", sellers: [store.cellar.slug] });
  });

  it("filters by delivery speed from the seller's fastest active method", async () => {
    const fast = await search({ q: "lantern", deliveryWithin: 2 });
    expect(ids(fast)).toEqual([item.brassLantern.id]);
    expect(fast.facets.delivery.map((d) => [d.withinDays, d.count])).toEqual([
      [2, 1],
      [3, 1],
      [5, 1],
    ]);
  });
});

describe("sorting and paging", () => {
  interface Row {
    id: string;
    price: number;
    published: number;
  }
  let rows: Row[];
  const inStock = new Set<string>();

  beforeAll(async () => {
    const data = await db.execute<{ id: string; price: number; published: string; available: number }>(sql`
      select listing_id as id, price_minor as price, (extract(epoch from published_at) * 1000000)::bigint::text as published, available
      from listing_search where listing_id = any(${`{${candles.map((c) => c.id).join(",")}}`}::uuid[])`);
    rows = data.map((r) => ({ id: r.id, price: r.price, published: Number(r.published) }));
    for (const r of data) if (r.available > 0) inStock.add(r.id);
  });

  const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const expected = {
    "price-asc": (a: Row, b: Row) => a.price - b.price || byId(a, b),
    "price-desc": (a: Row, b: Row) => b.price - a.price || byId(a, b),
    newest: (a: Row, b: Row) => b.published - a.published || byId(a, b),
  };

  async function allPages(input: SearchInputRaw) {
    const pages: SearchResult[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ ...input, cursor });
      pages.push(page);
      cursor = page.pageInfo.nextCursor;
    } while (cursor && pages.length < 50);
    return pages;
  }

  it.each(["price-asc", "price-desc", "newest"] as const)("pages through %s without skipping or repeating, despite ties", async (sort) => {
    for (const includeOutOfStock of [false, true]) {
      const pages = await allPages({ q: "beeswax candle", sort, limit: 7, includeOutOfStock });
      const seen = pages.flatMap(ids);
      const want = rows.filter((r) => includeOutOfStock || inStock.has(r.id)).sort(expected[sort]);
      expect(seen).toEqual(want.map((r) => r.id));
      expect(pages.at(-1)?.pageInfo.nextCursor).toBeNull();
      // Positions run on from page to page.
      let next = 1;
      for (const page of pages) {
        expect(page.total).toBe(want.length);
        expect(page.range).toEqual({ from: next, to: next + page.items.length - 1 });
        next += page.items.length;
      }
    }
  });

  it("pages through relevance order, and back again with the previous-page cursors", async () => {
    const forward = await allPages({ q: "candle", limit: 4 });
    const seen = forward.flatMap(ids);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(forward[0]?.total);
    expect(forward[0]?.pageInfo.prevCursor).toBeNull();

    const backward: string[][] = [];
    let cursor = forward.at(-1)?.pageInfo.prevCursor ?? null;
    while (cursor) {
      const page = await search({ q: "candle", limit: 4, cursor });
      backward.unshift(ids(page));
      cursor = page.pageInfo.prevCursor;
    }
    const lastPage = forward.at(-1);
    if (!lastPage) throw new Error("no pages");
    expect([...backward.flat(), ...ids(lastPage)]).toEqual(seen);
  });

  it("starts from the first page for a cursor of another sort or a damaged one", async () => {
    const first = await search({ q: "candle", sort: "price-asc", limit: 5 });
    const other = await search({ q: "candle", sort: "newest", limit: 5, cursor: first.pageInfo.nextCursor });
    expect(ids(other)).toEqual(ids(await search({ q: "candle", sort: "newest", limit: 5 })));
    const damaged = await search({ q: "candle", sort: "price-asc", limit: 5, cursor: "not-a-cursor" });
    expect(ids(damaged)).toEqual(ids(first));
  });

  it("sorts a search without words newest first", async () => {
    const result = await search({ categories: [cat.candles.slug], includeOutOfStock: true, limit: 60 });
    expect(ids(result)).toEqual([...rows].sort(expected.newest).map((r) => r.id));
  });
});

describe("suggestions", () => {
  it("suggests listings by title prefix, in stock only", async () => {
    const result = await suggestCatalog(db, "lant");
    expect(result.listings.map((l) => l.id).sort()).toEqual([item.brassLantern.id, item.campLantern.id].sort());
  });

  it("suggests through a misspelling", async () => {
    expect((await suggestCatalog(db, "chainti")).listings.map((l) => l.id)).toEqual([item.chianti.id]);
  });

  it("suggests categories with their parent", async () => {
    const result = await suggestCatalog(db, "red wi");
    expect(result.categories).toEqual([{ slug: cat.red.slug, name: "Red wine", parentName: "Wine" }]);
  });

  it("suggests nothing for punctuation", async () => {
    expect(await suggestCatalog(db, " -- ")).toEqual({ listings: [], categories: [] });
  });
});
