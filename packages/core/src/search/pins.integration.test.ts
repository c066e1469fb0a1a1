/**
 * Merchandising pins in search, against real PostgreSQL: a pin for some words puts its listing at its
 * position on the first page of those words, marked featured, and nowhere else (later pages, other
 * sorts, narrowing filters, a category it is not in); the organic results all stay.
 */
import { merchandisingRuleSchema, searchInputSchema, type SearchInputRaw } from "@agora/validators";
import { beforeAll, describe, expect, it } from "vitest";
import { createProduct, createShop, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createOperator } from "../../../../tooling/vitest/fixtures";
import { createRule } from "../discovery/merchandising";
import { searchCatalog } from "./index";

const { db } = await useTestDatabase();
const search = (input: SearchInputRaw) => searchCatalog(db, searchInputSchema.parse({ limit: 4, ...input }));

let teapots: TestShop;
let kettles: TestShop;
let pinned: string;
let organic: string[];

beforeAll(async () => {
  [teapots, kettles] = await Promise.all([createShop(db), createShop(db)]);
  const operator = await createOperator(db);
  organic = [];
  for (let i = 0; i < 6; i++) organic.push((await createProduct(db, teapots, { stock: 3, title: `Harbor teapot ${i + 1}` })).listing.id);
  pinned = (await createProduct(db, kettles, { stock: 3, title: "Copper whistling kettle" })).listing.id;
  const now = Date.now();
  const rule = merchandisingRuleSchema.parse({
    listingId: pinned,
    placement: "search",
    query: "Harbor teapot",
    segment: "everyone",
    position: 2,
    startsAt: new Date(now - 3_600_000),
    endsAt: new Date(now + 3_600_000),
  });
  await createRule(db, { kind: "operator", userId: operator.id }, rule);
});

describe("search pins", () => {
  it("put the pinned listing at its position on the first page, featured, keeping every organic card", async () => {
    const page = await search({ q: "harbor teapot" });
    expect(page.items.map((i) => i.id)[1]).toBe(pinned);
    expect(page.items[1]?.featured).toBe(true);
    expect(page.items.filter((i) => i.featured)).toHaveLength(1);
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(6);

    // Every organic listing is still reached exactly once, paging on.
    const next = await search({ q: "harbor teapot", cursor: page.pageInfo.nextCursor });
    expect(next.items.some((i) => i.featured)).toBe(false);
    const seen = [...page.items, ...next.items].filter((i) => !i.featured).map((i) => i.id);
    expect(seen.sort()).toEqual([...organic].sort());
  });

  it("stay out of other words, other sorts, narrowing filters categories the listing is not in, and searches that found nothing", async () => {
    expect((await search({ q: "harbor" })).items.some((i) => i.id === pinned)).toBe(false);
    expect((await search({ q: "harbor teapot", sort: "price-asc" })).items.some((i) => i.id === pinned)).toBe(false);
    expect((await search({ q: "harbor teapot", prices: ["0-25", "25-50"] })).items.some((i) => i.id === pinned)).toBe(false);
    const slugOf = async (id: string) => (await db.query.categories.findFirst({ where: (c, { eq }) => eq(c.id, id) }))?.slug ?? "";
    const [teapotCategory, kettleCategory] = await Promise.all([slugOf(teapots.categoryId), slugOf(kettles.categoryId)]);
    expect((await search({ q: "harbor teapot", categories: [teapotCategory] })).items.some((i) => i.id === pinned)).toBe(false);
    // Nothing organic in the kettle's own category: the no-results page, not a lone promotion.
    expect((await search({ q: "harbor teapot", categories: [kettleCategory] })).items).toEqual([]);
  });
});
