/**
 * What shoppers can see: only active listings of approved stores, in the right category tree, in the
 * order asked for, page by page without overlaps, with the right stock state per variant.
 */
import { eq, inArray, schema, sql } from "@agora/db";
import type { CatalogSort } from "@agora/validators";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createCategory,
  createOperator,
  createSellerAccount,
  createStockLocation,
  domainErrorOf,
  listingInput,
  variantInput,
} from "../../../../tooling/vitest/fixtures";
import { reviewSeller, type Seller } from "../sellers/sellers";
import { CATALOG_PAGE_SIZE, getCategoryPage, getHomePage, getProductPage, getStorePage, recordListingView } from "./browse";
import { createListing, setListingStatus, type Listing } from "./listings";

const { db } = await useTestDatabase();

type Category = Awaited<ReturnType<typeof createCategory>>;
// Filled in by beforeAll, before any test reads them.
const cat = {} as Record<"bags" | "totes" | "backpacks" | "shoes" | "grid", Category>;
const store = {} as Record<"main" | "second" | "grid" | "pending" | "rejected", Seller>;
const listing = {} as Record<
  "active" | "draft" | "archived" | "pending" | "rejected" | "inParent" | "inSibling" | "shoe",
  Listing
>;
let grid: Listing[] = [];

async function publish(seller: Seller, item: Listing) {
  return setListingStatus(db, seller, item.id, "active");
}

/** Makes a row active directly, as if the status had drifted, to prove the store's status alone hides it. */
async function forceActive(item: Listing) {
  await db.update(schema.listings).set({ status: "active", publishedAt: new Date() }).where(eq(schema.listings.id, item.id));
}

beforeAll(async () => {
  const operator = await createOperator(db);
  cat.bags = await createCategory(db, { name: "Bags", position: 1 });
  cat.totes = await createCategory(db, { name: "Totes", parentId: cat.bags.id, position: 1 });
  cat.backpacks = await createCategory(db, { name: "Backpacks", parentId: cat.bags.id, position: 2 });
  cat.shoes = await createCategory(db, { name: "Shoes", position: 2 });
  cat.grid = await createCategory(db, { name: "Grid", position: 3 });

  for (const key of ["main", "second", "grid"] as const)
    store[key] = (await createSellerAccount(db, "approved", { reviewerId: operator.id })).seller;
  store.pending = (await createSellerAccount(db, "pending")).seller;
  store.rejected = (await createSellerAccount(db, "approved", { reviewerId: operator.id })).seller;

  const pickup = await createStockLocation(db, store.main.id, { city: "Portland", pickupEnabled: true });
  const warehouse = await createStockLocation(db, store.main.id, { city: "Salem", pickupEnabled: false });

  listing.active = await createListing(
    db,
    store.main.id,
    listingInput(cat.totes.id, {
      title: "Market tote",
      optionNames: ["Size"],
      variants: [
        variantInput({
          sku: "TOTE-S",
          options: ["S"],
          priceMinor: 3000,
          compareAtMinor: 4000,
          stock: [
            { locationId: pickup.id, onHand: 6 },
            { locationId: warehouse.id, onHand: 4 },
          ],
        }),
        variantInput({ sku: "TOTE-M", options: ["M"], priceMinor: 3500, stock: [{ locationId: warehouse.id, onHand: 3 }] }),
        variantInput({ sku: "TOTE-L", options: ["L"], priceMinor: 3000, stock: [] }),
      ],
    }),
  );
  // A checkout holds one medium tote.
  await db.execute(sql`update stock_levels set reserved = 1 where location_id = ${warehouse.id}
    and variant_id = (select id from variants where listing_id = ${listing.active.id} and sku = 'TOTE-M')`);
  await publish(store.main, listing.active);

  listing.draft = await createListing(db, store.main.id, listingInput(cat.totes.id, { title: "Draft tote" }));
  listing.archived = await createListing(db, store.main.id, listingInput(cat.totes.id, { title: "Archived tote" }));
  await publish(store.main, listing.archived);
  await setListingStatus(db, store.main, listing.archived.id, "archived");
  listing.shoe = await createListing(db, store.main.id, listingInput(cat.shoes.id, { title: "Canvas shoe" }));
  await publish(store.main, listing.shoe);

  listing.inParent = await createListing(db, store.second.id, listingInput(cat.bags.id, { title: "Duffel bag" }));
  await publish(store.second, listing.inParent);
  listing.inSibling = await createListing(db, store.second.id, listingInput(cat.backpacks.id, { title: "Day pack" }));
  await publish(store.second, listing.inSibling);

  listing.pending = await createListing(db, store.pending.id, listingInput(cat.totes.id, { title: "Pending store tote" }));
  await forceActive(listing.pending);

  listing.rejected = await createListing(db, store.rejected.id, listingInput(cat.totes.id, { title: "Rejected store tote" }));
  await publish(store.rejected, listing.rejected);
  store.rejected = await reviewSeller(db, operator.id, {
    sellerId: store.rejected.id,
    decision: "reject",
    reason: "Policy violation",
  });
  await forceActive(listing.rejected);

  // A grid of 30 listings with tied prices and view counts, published a minute apart.
  grid = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      createListing(
        db,
        store.grid.id,
        listingInput(cat.grid.id, { title: `Grid item ${i}`, variants: [variantInput({ priceMinor: 1000 + (i % 5) * 100 })] }),
      ),
    ),
  );
  await db
    .update(schema.listings)
    .set({ status: "active" })
    .where(
      inArray(
        schema.listings.id,
        grid.map((g) => g.id),
      ),
    );
  await Promise.all(
    grid.map((g, i) =>
      db
        .update(schema.listings)
        .set({ publishedAt: new Date(Date.UTC(2026, 0, 1, 12, i)), viewCount: (i * 7) % 4 })
        .where(eq(schema.listings.id, g.id)),
    ),
  );
});

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe("visibility", () => {
  it("shows an active listing of an approved store on its product page", async () => {
    const page = await getProductPage(db, listing.active.slug);
    expect(page.listing.id).toBe(listing.active.id);
    expect(page.seller).toMatchObject({ id: store.main.id, pickupCities: ["Portland"] });
    expect(page.category.id).toBe(cat.totes.id);
    expect(page.parentCategory?.id).toBe(cat.bags.id);
  });

  it.each(["draft", "archived", "pending", "rejected"] as const)("hides the %s listing from its product page", async (which) => {
    const error = await domainErrorOf(getProductPage(db, listing[which].slug));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("lists only visible listings on the category page, including its subcategories", async () => {
    const page = await getCategoryPage(db, cat.bags.slug, { sort: "newest", page: 1 });
    expect(ids(page.items).sort()).toEqual([listing.active.id, listing.inParent.id, listing.inSibling.id].sort());
    expect(page.total).toBe(3);
    expect(page.pageCount).toBe(1);
    expect(page.children.map((c) => c.id)).toEqual([cat.totes.id, cat.backpacks.id]);
    expect(page.parent).toBeNull();
  });

  it("lists only the subcategory's own listings on a subcategory page", async () => {
    const page = await getCategoryPage(db, cat.totes.slug, { sort: "newest", page: 1 });
    expect(ids(page.items)).toEqual([listing.active.id]);
    expect(page.total).toBe(1);
    expect(page.parent?.id).toBe(cat.bags.id);
  });

  it("answers NOT_FOUND for an unknown category", async () => {
    expect((await domainErrorOf(getCategoryPage(db, "no-such-category", { sort: "newest", page: 1 }))).code).toBe("NOT_FOUND");
  });

  it("shows an approved store with only its active listings", async () => {
    const page = await getStorePage(db, store.main.slug, { sort: "newest", page: 1 });
    expect(ids(page.items).sort()).toEqual([listing.active.id, listing.shoe.id].sort());
    expect(page.total).toBe(2);
    expect(page.seller.id).toBe(store.main.id);
  });

  it.each(["pending", "rejected"] as const)("answers NOT_FOUND for the %s store's page", async (which) => {
    expect((await domainErrorOf(getStorePage(db, store[which].slug, { sort: "newest", page: 1 }))).code).toBe("NOT_FOUND");
  });

  it("shows only visible listings on the home page, with the category tree", async () => {
    const home = await getHomePage(db);
    const hidden = [listing.draft, listing.archived, listing.pending, listing.rejected].map((l) => l.id);
    expect(home.newest).toHaveLength(8);
    expect(home.popular).toHaveLength(8);
    for (const item of [...home.newest, ...home.popular]) expect(hidden).not.toContain(item.id);
    const bags = home.categories.find((c) => c.id === cat.bags.id);
    expect(bags?.children.map((c) => c.id)).toEqual([cat.totes.id, cat.backpacks.id]);
    expect(home.categories.map((c) => c.id)).not.toContain(cat.totes.id);
  });

  it("counts a view only for a visible listing", async () => {
    const before = await db
      .select({ id: schema.listings.id, views: schema.listings.viewCount, updatedAt: schema.listings.updatedAt })
      .from(schema.listings)
      .where(inArray(schema.listings.id, [listing.shoe.id, listing.draft.id]));
    await recordListingView(db, listing.shoe.id);
    await recordListingView(db, listing.draft.id);
    const after = await db
      .select({ id: schema.listings.id, views: schema.listings.viewCount, updatedAt: schema.listings.updatedAt })
      .from(schema.listings)
      .where(inArray(schema.listings.id, [listing.shoe.id, listing.draft.id]));
    const views = (rows: typeof before, id: string) => rows.find((r) => r.id === id);
    expect(views(after, listing.shoe.id)?.views).toBe((views(before, listing.shoe.id)?.views ?? 0) + 1);
    expect(views(after, listing.shoe.id)?.updatedAt).toEqual(views(before, listing.shoe.id)?.updatedAt);
    expect(views(after, listing.draft.id)?.views).toBe(views(before, listing.draft.id)?.views);
  });
});

describe("stock and prices", () => {
  it("gives each variant its own stock state from on hand minus reserved", async () => {
    const page = await getProductPage(db, listing.active.slug);
    expect(page.variants.map((v) => [v.sku, v.stock])).toEqual([
      ["TOTE-S", { kind: "in_stock", available: 10 }],
      ["TOTE-M", { kind: "low_stock", available: 2 }],
      ["TOTE-L", { kind: "out_of_stock", available: 0 }],
    ]);
  });

  it("shows the lowest price, its compare-at price and the total available on the card", async () => {
    const page = await getCategoryPage(db, cat.totes.slug, { sort: "newest", page: 1 });
    expect(page.items[0]).toMatchObject({
      id: listing.active.id,
      priceMinor: 3000,
      compareAtMinor: 4000,
      available: 12,
      sellerSlug: store.main.slug,
    });
  });
});

describe("sorting and pagination", () => {
  type Row = { id: string; price: number; published: number; views: number };
  let rows: Row[];

  beforeAll(async () => {
    const data = await db
      .select({
        id: schema.listings.id,
        price: schema.listings.minPriceMinor,
        published: schema.listings.publishedAt,
        views: schema.listings.viewCount,
      })
      .from(schema.listings)
      .where(eq(schema.listings.categoryId, cat.grid.id));
    rows = data.map((r) => ({ id: r.id, price: r.price, views: r.views, published: r.published?.getTime() ?? 0 }));
  });

  const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const expected: Record<CatalogSort, (a: Row, b: Row) => number> = {
    "price-asc": (a, b) => a.price - b.price || byId(a, b),
    "price-desc": (a, b) => b.price - a.price || byId(a, b),
    newest: (a, b) => b.published - a.published || byId(a, b),
    popular: (a, b) => b.views - a.views || b.published - a.published || byId(a, b),
  };

  it.each(Object.keys(expected) as CatalogSort[])(
    "orders %s correctly across both pages, without overlaps or gaps",
    async (sort) => {
      const first = await getCategoryPage(db, cat.grid.slug, { sort, page: 1 });
      const second = await getCategoryPage(db, cat.grid.slug, { sort, page: 2 });
      const third = await getCategoryPage(db, cat.grid.slug, { sort, page: 3 });
      expect(first.items).toHaveLength(CATALOG_PAGE_SIZE);
      expect(second.items).toHaveLength(30 - CATALOG_PAGE_SIZE);
      expect(third.items).toEqual([]);
      expect([first.total, first.pageCount]).toEqual([30, 2]);

      const all = [...ids(first.items), ...ids(second.items)];
      expect(new Set(all).size).toBe(30);
      expect(all).toEqual([...rows].sort(expected[sort]).map((r) => r.id));
    },
  );

  it("sorts the store page the same way", async () => {
    const page = await getStorePage(db, store.grid.slug, { sort: "price-desc", page: 1 });
    const prices = page.items.map((i) => i.priceMinor);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(page.total).toBe(30);
    expect(page.pageCount).toBe(2);
  });
});
