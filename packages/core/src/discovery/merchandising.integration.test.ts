/**
 * Merchandising rules against real PostgreSQL: who may pin what where (ownership in the WHERE clause),
 * validation, dates, and pins landing at their positions in a carousel.
 */
import { eq, schema } from "@agora/db";
import { merchandisingRuleSchema, type MerchandisingRuleInput } from "@agora/validators";
import { beforeAll, describe, expect, it } from "vitest";
import { createProduct, createShop, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createCategory, createOperator, domainErrorOf, type TestViewer } from "../../../../tooling/vitest/fixtures";
import { bestSellers } from "./recommendations";
import {
  applyPins,
  createRule,
  deleteRule,
  listRules,
  merchandisingTags,
  nextMerchandisingChange,
  pinnableListings,
  pinnedListingsFor,
  updateRule,
  type MerchandisingActor,
} from "./merchandising";

const { db } = await useTestDatabase();

const HOUR = 3_600_000;
const now = new Date("2026-06-01T12:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

/** A rule input through the shared schema, as the router receives it. */
function rule(fields: Partial<Record<keyof MerchandisingRuleInput, unknown>>): MerchandisingRuleInput {
  return merchandisingRuleSchema.parse({ segment: "everyone", position: 1, startsAt: at(-1), endsAt: at(24), ...fields });
}

let shopA: TestShop;
let shopB: TestShop;
let operator: TestViewer;
let sellerA: MerchandisingActor;
let sellerB: MerchandisingActor;
let operatorActor: MerchandisingActor;
let listingA: string;
let listingB: string;

beforeAll(async () => {
  [shopA, shopB, operator] = await Promise.all([createShop(db), createShop(db), createOperator(db)]);
  sellerA = { kind: "seller", userId: shopA.viewer.id, sellerId: shopA.seller.id };
  sellerB = { kind: "seller", userId: shopB.viewer.id, sellerId: shopB.seller.id };
  operatorActor = { kind: "operator", userId: operator.id };
  listingA = (await createProduct(db, shopA, { stock: 5, title: "Shop A kettle" })).listing.id;
  listingB = (await createProduct(db, shopB, { stock: 5, title: "Shop B kettle" })).listing.id;
});

describe("who may pin what", () => {
  it("a seller pins its own listing in its category and in a search", async () => {
    const inCategory = await createRule(db, sellerA, rule({ listingId: listingA, placement: "category", categoryId: shopA.categoryId }), now);
    expect(inCategory.rule).toMatchObject({ scope: "seller", sellerId: shopA.seller.id, placement: "category", categoryId: shopA.categoryId });
    expect(inCategory.cacheTags).toEqual([merchandisingTags.category(shopA.categoryId)]);
    const inSearch = await createRule(db, sellerA, rule({ listingId: listingA, placement: "search", query: "  Kettle, STEEL! " }), now);
    expect(inSearch.rule.query).toBe("kettle steel");
  });

  it("a seller cannot pin another seller's listing: not found, and nothing is saved", async () => {
    const before = await db.select().from(schema.merchandisingRules).where(eq(schema.merchandisingRules.listingId, listingB));
    const error = await domainErrorOf(createRule(db, sellerA, rule({ listingId: listingB, placement: "category", categoryId: shopB.categoryId }), now));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.fieldErrors.listingId).toBe("Choose one of your listings");
    expect(await db.select().from(schema.merchandisingRules).where(eq(schema.merchandisingRules.listingId, listingB))).toEqual(before);
  });

  it("a seller cannot pin to the home carousel: forbidden", async () => {
    const error = await domainErrorOf(createRule(db, sellerA, rule({ listingId: listingA, placement: "home_carousel" }), now));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.fieldErrors.placement).toBeDefined();
  });

  it("a seller cannot pin its listing into another category", async () => {
    const other = await createCategory(db);
    const error = await domainErrorOf(createRule(db, sellerA, rule({ listingId: listingA, placement: "category", categoryId: other.id }), now));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors.categoryId).toBe("Choose the listing's own category");
  });

  it("a seller cannot see, change or remove another seller's rule", async () => {
    const { rule: ruleOfB } = await createRule(db, sellerB, rule({ listingId: listingB, placement: "search", query: "kettle" }), now);
    expect((await listRules(db, sellerA, { status: "current" }, now)).map((r) => r.id)).not.toContain(ruleOfB.id);
    expect((await domainErrorOf(updateRule(db, sellerA, ruleOfB.id, rule({ listingId: listingA, placement: "search", query: "kettle" }), now))).code).toBe("NOT_FOUND");
    expect((await domainErrorOf(deleteRule(db, sellerA, ruleOfB.id))).code).toBe("NOT_FOUND");
    const [still] = await db.select().from(schema.merchandisingRules).where(eq(schema.merchandisingRules.id, ruleOfB.id));
    expect(still).toEqual(ruleOfB);
    // Its owner can.
    await deleteRule(db, sellerB, ruleOfB.id);
  });

  it("an operator pins any listing anywhere and oversees sellers' rules, which keep the seller's limits", async () => {
    const home = await createRule(db, operatorActor, rule({ listingId: listingB, placement: "home_carousel" }), now);
    expect(home.rule).toMatchObject({ scope: "operator", sellerId: null, createdBy: operator.id });
    expect(home.cacheTags).toEqual([merchandisingTags.home]);
    const anywhere = await createCategory(db);
    await createRule(db, operatorActor, rule({ listingId: listingA, placement: "category", categoryId: anywhere.id }), now);

    const { rule: ofSeller } = await createRule(db, sellerB, rule({ listingId: listingB, placement: "search", query: "b kettle" }), now);
    const all = await listRules(db, operatorActor, { status: "current" }, now);
    expect(all.map((r) => r.id)).toContain(ofSeller.id);
    const moved = await domainErrorOf(updateRule(db, operatorActor, ofSeller.id, rule({ listingId: listingB, placement: "home_carousel" }), now));
    expect(moved.code).toBe("FORBIDDEN");
    await deleteRule(db, operatorActor, ofSeller.id);
  });

  it("lists pinnable listings: a seller only its own, an operator any", async () => {
    expect((await pinnableListings(db, sellerA, "kettle")).map((l) => l.id)).toEqual([listingA]);
    expect((await pinnableListings(db, operatorActor, "shop kettle")).map((l) => l.id).sort()).toEqual([listingA, listingB].sort());
  });
});

describe("validation", () => {
  it("positions are 1–20 and the end comes after the start (shared schema)", () => {
    const bad = merchandisingRuleSchema.safeParse({
      listingId: listingA,
      placement: "search",
      query: "",
      segment: "everyone",
      position: 21,
      startsAt: at(5),
      endsAt: at(1),
    });
    expect(bad.success).toBe(false);
    const paths = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(paths).toMatchObject({ position: "Choose a position from 1 to 20", endsAt: "The end must be after the start", query: "Enter the search words" });
    expect(merchandisingRuleSchema.safeParse({ ...rule({ listingId: listingA, placement: "home_carousel" }), position: 0 }).success).toBe(false);
    expect(merchandisingRuleSchema.safeParse({ listingId: listingA, placement: "category", position: 1, startsAt: at(0), endsAt: at(1) }).error?.issues[0]?.path).toEqual([
      "categoryId",
    ]);
  });

  it("refuses a rule that is already over, and a duplicate pin for overlapping dates", async () => {
    const over = await domainErrorOf(createRule(db, operatorActor, rule({ listingId: listingA, placement: "search", query: "old", startsAt: at(-48), endsAt: at(-24) }), now));
    expect(over.fieldErrors.endsAt).toBe("The end must be in the future");
    await createRule(db, operatorActor, rule({ listingId: listingA, placement: "search", query: "dup", startsAt: at(0), endsAt: at(10) }), now);
    const dup = await domainErrorOf(createRule(db, operatorActor, rule({ listingId: listingA, placement: "search", query: "DUP", startsAt: at(5), endsAt: at(20) }), now));
    expect(dup.code).toBe("CONFLICT");
    // Back to back is fine.
    await createRule(db, operatorActor, rule({ listingId: listingA, placement: "search", query: "dup", startsAt: at(10), endsAt: at(20) }), now);
  });
});

describe("applying pins", () => {
  const item = (id: string) => ({ id });
  const organic = ["a", "b", "c", "d", "e"].map(item);

  it("puts pins at their positions, without duplicates", () => {
    const result = applyPins(organic, [
      { position: 3, item: item("x") },
      { position: 1, item: item("d") },
      { position: 5, item: item("x") },
    ]);
    expect(result.map((r) => r.id)).toEqual(["d", "a", "x", "b", "c", "e"]);
  });

  it("keeps the order of pins at the same position, closes up past the end, and cuts to the limit", () => {
    expect(applyPins(organic.slice(0, 2), [{ position: 2, item: item("x") }, { position: 2, item: item("y") }, { position: 9, item: item("z") }]).map((r) => r.id)).toEqual([
      "a",
      "x",
      "y",
      "b",
      "z",
    ]);
    expect(applyPins(organic, [{ position: 1, item: item("x") }], 3).map((r) => r.id)).toEqual(["x", "a", "b"]);
    expect(applyPins([], []).length).toBe(0);
  });

  it("a carousel gets the running pins at their positions; expired, future and unavailable pins do not apply", async () => {
    const shop = await createShop(db);
    const category = await createCategory(db);
    const cat = { ...shop, categoryId: category.id };
    const organic = await Promise.all(["One", "Two", "Three", "Four"].map((t, i) => createProduct(db, cat, { stock: 5 + i, title: t })));
    for (const [i, p] of organic.entries()) await db.update(schema.listings).set({ viewCount: 100 - i }).where(eq(schema.listings.id, p.listing.id));
    const pinned = await createProduct(db, shop, { stock: 5, title: "Pinned" });
    const expired = await createProduct(db, shop, { stock: 5, title: "Expired pin" });
    const future = await createProduct(db, shop, { stock: 5, title: "Future pin" });
    const soldOut = await createProduct(db, shop, { stock: 0, title: "Sold-out pin" });
    const operatorRule = (listingId: string, position: number, startsAt: Date, endsAt: Date) =>
      createRule(db, operatorActor, rule({ listingId, placement: "category", categoryId: category.id, position, startsAt, endsAt }), at(-100));
    await operatorRule(pinned.listing.id, 2, at(-1), at(1));
    await operatorRule(expired.listing.id, 1, at(-50), at(-1));
    await operatorRule(future.listing.id, 1, at(1), at(50));
    await operatorRule(soldOut.listing.id, 1, at(-1), at(1));

    const pins = await pinnedListingsFor(db, { kind: "category", categoryId: category.id }, now);
    expect(pins.map((p) => p.card.id)).toEqual([pinned.listing.id]);
    const list = applyPins(
      await bestSellers(db, { categoryIds: [category.id] }),
      pins.map((p) => ({ position: p.position, item: p.card })),
    );
    expect(list.map((l) => l.title)).toEqual(["One", "Pinned", "Two", "Three", "Four"]);

    // An hour later the first pin has ended and the future one has started.
    expect((await pinnedListingsFor(db, { kind: "category", categoryId: category.id }, at(1))).map((p) => p.card.id)).toEqual([future.listing.id]);
    expect(await nextMerchandisingChange(db, now)).toEqual(at(1));
  });

  it("search pins match the normalised words; category-browser pins only where that category is browsed", async () => {
    const { rule: everyone } = await createRule(db, operatorActor, rule({ listingId: listingB, placement: "search", query: "Enamel Kettle" }), now);
    const { rule: browsers } = await createRule(
      db,
      sellerA,
      rule({ listingId: listingA, placement: "search", query: "enamel kettle", segment: "category_browsers", categoryId: shopA.categoryId, position: 2 }),
      now,
    );
    expect((await pinnedListingsFor(db, { kind: "search", query: "énamel   KETTLE" }, now)).map((p) => p.ruleId)).toEqual([everyone.id]);
    expect((await pinnedListingsFor(db, { kind: "search", query: "enamel kettle", categoryId: shopA.categoryId }, now)).map((p) => p.ruleId)).toEqual([
      everyone.id,
      browsers.id,
    ]);
    expect(await pinnedListingsFor(db, { kind: "search", query: "kettles" }, now)).toEqual([]);
    // A shopper in France: neither shop ships there, so nothing is pinned.
    expect(await pinnedListingsFor(db, { kind: "search", query: "enamel kettle" }, now, { shipTo: "FR" })).toEqual([]);
  });
});
