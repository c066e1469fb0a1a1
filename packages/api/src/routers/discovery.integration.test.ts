/**
 * The discovery router's tiers as clients see them: public recommendations, the shopper's own rows and
 * consent, sellers' pins of their own listings only, the operator's pins anywhere, field errors for bad
 * input (nothing saved), and storefront cache tags expired after each pin change.
 */
import { merchandisingTags } from "@agora/core";
import { count, eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { createProduct, createShop, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createOperator, createShopper, type TestViewer } from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

const HOUR = 3_600_000;
let api: TestApi;
let shopA: TestShop;
let shopB: TestShop;
let shopper: TestViewer;
let operator: TestViewer;
let listingA: string;
let listingB: string;

type PinFields = {
  listingId: string;
  placement: "home_carousel" | "category" | "search";
  categoryId?: string | null;
  query?: string;
  position?: number;
  startsAt?: Date;
  endsAt?: Date;
};

const pin = (fields: PinFields) => ({
  segment: "everyone" as const,
  position: 1,
  startsAt: new Date(Date.now() - HOUR),
  endsAt: new Date(Date.now() + 24 * HOUR),
  ...fields,
});

const ruleCount = async () => (await db.select({ n: count() }).from(schema.merchandisingRules))[0]?.n ?? 0;

beforeAll(async () => {
  api = await useTestApi(db);
  [shopA, shopB, shopper, operator] = await Promise.all([createShop(db), createShop(db), createShopper(db), createOperator(db)]);
  listingA = (await createProduct(db, shopA, { stock: 5, title: "Enamel mug" })).listing.id;
  listingB = (await createProduct(db, shopB, { stock: 5, title: "Steel mug" })).listing.id;
});

describe("recommendations and consent", () => {
  it("anyone can read also-bought and similar; a shopper's own rows need sign-in", async () => {
    const visitor = api.as(null);
    expect(await visitor.discovery.alsoBought({ listingId: listingA })).toEqual([]);
    expect(Array.isArray(await visitor.discovery.similar({ listingId: listingA, shipTo: "us" }))).toBe(true);
    expect((await failureOf(visitor.discovery.recentlyViewed({}))).code).toBe("UNAUTHORIZED");
    expect((await failureOf(visitor.discovery.forYou({}))).code).toBe("UNAUTHORIZED");
    expect((await failureOf(visitor.discovery.recordView({ id: listingA }))).code).toBe("UNAUTHORIZED");
    expect((await failureOf(visitor.discovery.similar({ listingId: listingA, shipTo: "ZZ" }))).fieldErrors.shipTo).toBe("Choose a country");
  });

  it("personalisation is off by default; for you follows the setting", async () => {
    const me = api.as(shopper);
    await me.discovery.recordView({ id: listingA });
    expect(await me.discovery.getPersonalisation()).toEqual({ granted: false });
    expect(await me.discovery.forYou({})).toEqual([]);
    expect(await me.discovery.setPersonalisation({ granted: true })).toEqual({ granted: true });
    expect((await me.discovery.forYou({})).length).toBeGreaterThan(0);
    await me.discovery.setPersonalisation({ granted: false });
    expect(await me.discovery.forYou({})).toEqual([]);
    expect((await me.discovery.recentlyViewed({})).map((c) => c.id)).toEqual([listingA]);
    await me.discovery.clearRecentlyViewed();
    expect(await me.discovery.recentlyViewed({})).toEqual([]);
  });
});

describe("pins", () => {
  it("a shopper without a store and a seller can't reach the operator's pins", async () => {
    expect((await failureOf(api.as(shopper).discovery.seller.list({}))).code).toBe("FORBIDDEN");
    expect((await failureOf(api.as(shopA.viewer).discovery.admin.create(pin({ listingId: listingA, placement: "home_carousel" })))).code).toBe("FORBIDDEN");
    expect((await failureOf(api.as(shopA.viewer).discovery.admin.list({}))).code).toBe("FORBIDDEN");
  });

  it("a seller pinning another seller's listing gets NOT_FOUND, and the home carousel FORBIDDEN; nothing is saved", async () => {
    const seller = api.as(shopA.viewer);
    const before = await ruleCount();
    const theirs = await failureOf(seller.discovery.seller.create(pin({ listingId: listingB, placement: "search", query: "mug" })));
    expect(theirs).toMatchObject({ code: "NOT_FOUND", fieldErrors: { listingId: "Choose one of your listings" } });
    const home = await failureOf(seller.discovery.seller.create(pin({ listingId: listingA, placement: "home_carousel" })));
    expect(home.code).toBe("FORBIDDEN");
    expect(await ruleCount()).toBe(before);
  });

  it("bad input gets field errors and saves nothing", async () => {
    const before = await ruleCount();
    const bad = await failureOf(
      api.as(shopA.viewer).discovery.seller.create(
        pin({ listingId: listingA, placement: "category", categoryId: null, position: 0, startsAt: new Date(Date.now() + 2 * HOUR), endsAt: new Date(Date.now() + HOUR) }),
      ),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fieldErrors).toMatchObject({
      position: "Choose a position from 1 to 20",
      endsAt: "The end must be after the start",
      categoryId: "Choose the category page",
    });
    expect(await ruleCount()).toBe(before);
  });

  it("a seller pins its own listing; the operator sees it; pages showing that placement are expired", async () => {
    const seller = api.as(shopA.viewer);
    const { id } = await seller.discovery.seller.create(pin({ listingId: listingA, placement: "category", categoryId: shopA.categoryId, position: 2 }));
    expect(api.revalidations.at(-1)).toEqual([merchandisingTags.category(shopA.categoryId)]);
    const own = await seller.discovery.seller.list({});
    expect(own.map((r) => [r.id, r.state, r.showable])).toEqual([[id, "live", true]]);
    expect((await api.as(shopB.viewer).discovery.seller.list({})).map((r) => r.id)).not.toContain(id);
    expect((await failureOf(api.as(shopB.viewer).discovery.seller.delete({ id }))).code).toBe("NOT_FOUND");
    expect((await api.as(operator).discovery.admin.list({})).map((r) => r.id)).toContain(id);

    await seller.discovery.seller.update({ id, ...pin({ listingId: listingA, placement: "search", query: "Mugs", position: 3 }) });
    expect(api.revalidations.at(-1)).toEqual([merchandisingTags.category(shopA.categoryId), merchandisingTags.search]);
    await seller.discovery.seller.delete({ id });
    expect(await db.select().from(schema.merchandisingRules).where(eq(schema.merchandisingRules.id, id))).toEqual([]);
  });

  it("the operator pins any listing on the home page", async () => {
    const { id } = await api.as(operator).discovery.admin.create(pin({ listingId: listingB, placement: "home_carousel" }));
    expect(api.revalidations.at(-1)).toEqual([merchandisingTags.home]);
    const [row] = await db.select().from(schema.merchandisingRules).where(eq(schema.merchandisingRules.id, id));
    expect(row).toMatchObject({ scope: "operator", sellerId: null, createdBy: operator.id, placement: "home_carousel" });
  });
});
