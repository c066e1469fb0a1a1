/**
 * Recommendations against real PostgreSQL, with purchases made through placeOrder: co-purchase ranking,
 * similarity, recently viewed, and "for you" only with consent — and never a listing that is sold out,
 * unpublished or cannot reach the shopper.
 */
import { eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createProduct, createShop, newKey, successCard, testAddress, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createCategory, createShopper, createStockLocation, listingInput, variantInput, type TestViewer } from "../../../../tooling/vitest/fixtures";
import { createListing, setListingStatus } from "../catalog/listings";
import { saveAddress } from "../customers/addresses";
import { cancelOrder } from "../orders/lifecycle";
import { placeOrder } from "../orders/place-order";
import { createTestPaymentProvider } from "../payments/test-provider";
import { recommendedCards } from "./availability";
import { setPersonalisationConsent } from "./consent";
import { alsoBought, bestSellers, forYou, recentlyViewed, similar } from "./recommendations";
import { recordShopperView, VIEWS_KEPT_PER_SHOPPER } from "./views";

const { db } = await useTestDatabase();
const provider = createTestPaymentProvider();

type Product = Awaited<ReturnType<typeof createProduct>>;

/** A shopper buys these (one order per call), delivered to `country`. */
async function buy(shopper: TestViewer, products: Product[], country = "US") {
  return placeOrder(db, provider, {
    buyer: { id: shopper.id, email: shopper.email },
    idempotencyKey: newKey(),
    lines: products.map((p) => ({ variantId: p.variant.id, quantity: 1 })),
    deliveryChoices: [],
    address: { ...testAddress, country },
    payment: successCard,
  });
}

const ids = (cards: { id: string }[]) => cards.map((c) => c.id);

describe("customers also bought", () => {
  let usShop: TestShop;
  let frShop: TestShop;
  let target: Product, popular: Product, threeBuyers: Product, twoBuyers: Product, soldOut: Product, abroad: Product, cancelled: Product, unpublished: Product;
  let fewBuyers: Product;

  beforeAll(async () => {
    usShop = await createShop(db, { shipsTo: ["US"] });
    frShop = await createShop(db, { shipsTo: ["FR"] });
    target = await createProduct(db, usShop, { stock: 50, title: "Trail lantern" });
    popular = await createProduct(db, usShop, { stock: 50, title: "Lantern batteries" });
    threeBuyers = await createProduct(db, usShop, { stock: 50, title: "Lantern hook" });
    twoBuyers = await createProduct(db, usShop, { stock: 50, title: "Lantern wick" });
    soldOut = await createProduct(db, usShop, { stock: 3, title: "Last lantern case" });
    abroad = await createProduct(db, frShop, { stock: 50, title: "Lanterne de table" });
    cancelled = await createProduct(db, usShop, { stock: 50, title: "Lantern mantle" });
    unpublished = await createProduct(db, usShop, { stock: 50, title: "Lantern stand" });
    fewBuyers = await createProduct(db, usShop, { stock: 50, title: "Lantern globe" });

    const shoppers = await Promise.all(Array.from({ length: 8 }, () => createShopper(db)));
    const [s1, s2, s3, s4, s5, s6, s7, s8] = shoppers;
    if (!s1 || !s2 || !s3 || !s4 || !s5 || !s6 || !s7 || !s8) throw new Error("shoppers missing");
    // All eight bought the target; what else they bought, and how many of them, decides the row.
    await buy(s1, [target, popular, threeBuyers, twoBuyers]);
    await buy(s2, [target, popular, threeBuyers, twoBuyers]);
    await buy(s3, [target, popular, threeBuyers]);
    // Bought together with the target: its last units are now reserved, so it is out of stock.
    await buy(s4, [target, popular, soldOut, unpublished]);
    await buy(s5, [target, soldOut, unpublished]);
    await buy(s6, [target, soldOut, unpublished]);
    // Separate orders abroad still count as "bought by a buyer of the target".
    for (const s of [s6, s7, s8]) await buy(s, [abroad], "FR");
    await buy(s7, [target]);
    await buy(s8, [target]);
    // Cancelled orders are not purchases.
    for (const s of [s1, s2, s3]) {
      const placed = await buy(s, [cancelled]);
      const order = placed.orders[0];
      if (!order) throw new Error("order missing");
      await cancelOrder(db, provider, { kind: "buyer", userId: s.id }, { orderId: order.id });
    }
    await setListingStatus(db, usShop.seller, unpublished.listing.id, "draft");
    // Five other shoppers bought `fewBuyers`, each with `popular`.
    for (const s of await Promise.all(Array.from({ length: 5 }, () => createShopper(db)))) await buy(s, [fewBuyers, popular]);
  });

  it("ranks co-purchases by the number of distinct buyers, and leaves out the listing itself", async () => {
    const list = await alsoBought(db, target.listing.id, { shipTo: "US" });
    expect(ids(list)).toEqual([popular.listing.id, threeBuyers.listing.id]);
    expect(list[0]).toMatchObject({ title: "Lantern batteries", sellerId: usShop.seller.id, available: 41 });
  });

  it("never names what one or two shoppers bought: each entry needs three buyers, the listing six", async () => {
    for (const shipTo of ["US", null]) expect(ids(await alsoBought(db, target.listing.id, { shipTo }))).not.toContain(twoBuyers.listing.id);
    // Five shoppers bought this one, all five with `popular` too: still too few shoppers behind the row.
    expect(await alsoBought(db, fewBuyers.listing.id, { shipTo: "US" })).toEqual([]);
  });

  it("never recommends what is out of stock, unpublished, bought in a cancelled order, or cannot be delivered", async () => {
    for (const shipTo of ["US", "FR", null]) {
      const list = ids(await alsoBought(db, target.listing.id, { shipTo }));
      expect(list).not.toContain(soldOut.listing.id);
      expect(list).not.toContain(cancelled.listing.id);
      expect(list).not.toContain(unpublished.listing.id);
      expect(list).not.toContain(target.listing.id);
    }
    expect(ids(await alsoBought(db, target.listing.id, { shipTo: "US" }))).not.toContain(abroad.listing.id);
    // Delivered to France, only the French shop's listing can arrive.
    expect(ids(await alsoBought(db, target.listing.id, { shipTo: "FR" }))).toEqual([abroad.listing.id]);
    // Country unknown: anything that can be obtained somewhere (the two bought by three buyers tie).
    const anywhere = ids(await alsoBought(db, target.listing.id));
    expect(anywhere[0]).toBe(popular.listing.id);
    expect(anywhere.slice(1).sort()).toEqual([threeBuyers.listing.id, abroad.listing.id].sort());
  });

  it("drops a listing as soon as it sells out or its seller is suspended", async () => {
    await db.update(schema.stockLevels).set({ onHand: 47, reserved: 47 }).where(eq(schema.stockLevels.variantId, threeBuyers.variant.id));
    expect(ids(await alsoBought(db, target.listing.id, { shipTo: "US" }))).toEqual([popular.listing.id]);
    await db.update(schema.sellers).set({ status: "suspended" }).where(eq(schema.sellers.id, frShop.seller.id));
    expect(ids(await alsoBought(db, target.listing.id, { shipTo: "FR" }))).toEqual([]);
  });
});

describe("delivery rule", () => {
  it("counts pickup as deliverable only in the pickup location's country, and only with stock there", async () => {
    const shop = await createShop(db, { shipsTo: ["US"] });
    // A second seller with no shipping profile at all: pickup only, at a location in Canada.
    const pickupOnly = await createShop(db, { shipsTo: [] });
    await db.delete(schema.shippingProfiles).where(eq(schema.shippingProfiles.sellerId, pickupOnly.seller.id));
    const counter = await createStockLocation(db, pickupOnly.seller.id, { pickupEnabled: true, country: "CA" });
    const listing = await createListing(
      db,
      pickupOnly.seller.id,
      listingInput(pickupOnly.categoryId, { variants: [variantInput({ stock: [{ locationId: counter.id, onHand: 3 }] })] }),
    );
    await setListingStatus(db, pickupOnly.seller, listing.id, "active");
    const shipped = await createProduct(db, shop, { stock: 3 });

    expect(ids(await recommendedCards(db, [listing.id, shipped.listing.id], "CA"))).toEqual([listing.id]);
    expect(ids(await recommendedCards(db, [listing.id, shipped.listing.id], "US"))).toEqual([shipped.listing.id]);
    expect(ids(await recommendedCards(db, [listing.id, shipped.listing.id], null))).toEqual([listing.id, shipped.listing.id]);
  });
});

describe("similar items", () => {
  it("prefers the same category, shared attributes and a near price; never the listing itself, sold-out or out-of-band items", async () => {
    const shop = await createShop(db);
    const parent = await createCategory(db, { name: "Cookware" });
    const pans = await createCategory(db, { name: "Pans", parentId: parent.id });
    const pots = await createCategory(db, { name: "Pots", parentId: parent.id });
    const elsewhere = await createCategory(db, { name: "Tents" });
    const make = async (title: string, categoryId: string, priceMinor: number, stock: number, attributes: { name: string; value: string }[] = []) => {
      const listing = await createListing(
        db,
        shop.seller.id,
        listingInput(categoryId, { title, attributes, variants: [variantInput({ priceMinor, stock: [{ locationId: shop.locationId, onHand: stock }] })] }),
      );
      await setListingStatus(db, shop.seller, listing.id, "active");
      return listing.id;
    };
    const steel = [{ name: "Material", value: "Steel" }];
    const source = await make("Steel skillet", pans.id, 5000, 5, steel);
    const sameCategorySameSteel = await make("Steel frying pan", pans.id, 5600, 5, [{ name: "material", value: "steel" }]);
    const sameCategory = await make("Ceramic pan", pans.id, 4800, 5);
    const sibling = await make("Steel stock pot", pots.id, 5000, 5, steel);
    const soldOut = await make("Steel crepe pan", pans.id, 5000, 0, steel);
    const tooDear = await make("Copper pan", pans.id, 7100, 5, steel);
    const tooCheap = await make("Tin pan", pans.id, 2900, 5, steel);
    const unrelated = await make("Steel tent pegs", elsewhere.id, 5000, 5, steel);

    const list = ids(await similar(db, source));
    expect(list).toEqual([sameCategorySameSteel, sameCategory, sibling]);
    for (const excluded of [source, soldOut, tooDear, tooCheap, unrelated]) expect(list).not.toContain(excluded);
    expect(ids(await similar(db, source, { limit: 1 }))).toEqual([sameCategorySameSteel]);
  });
});

describe("recently viewed and for you", () => {
  let shop: TestShop;
  let lantern: Product, stove: Product, soldOut: Product, otherShopItem: Product;

  beforeAll(async () => {
    shop = await createShop(db);
    const other = await createShop(db);
    lantern = await createProduct(db, shop, { stock: 10, title: "Camp lantern" });
    stove = await createProduct(db, shop, { stock: 10, title: "Camp stove" });
    soldOut = await createProduct(db, shop, { stock: 0, title: "Camp table" });
    otherShopItem = await createProduct(db, other, { stock: 10, title: "Unrelated mug" });
  });

  it("recently viewed: latest first, repeat views move to the front, sold-out listings and the current one left out", async () => {
    const shopper = await createShopper(db);
    const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
    await recordShopperView(db, shopper.id, lantern.listing.id, t(0));
    await recordShopperView(db, shopper.id, stove.listing.id, t(1));
    await recordShopperView(db, shopper.id, soldOut.listing.id, t(2));
    await recordShopperView(db, shopper.id, lantern.listing.id, t(3));
    expect(ids(await recentlyViewed(db, shopper.id))).toEqual([lantern.listing.id, stove.listing.id]);
    expect(ids(await recentlyViewed(db, shopper.id, { excludeListingId: lantern.listing.id }))).toEqual([stove.listing.id]);
    // Another shopper's history is their own.
    expect(await recentlyViewed(db, (await createShopper(db)).id)).toEqual([]);
  });

  it(`keeps only the newest ${VIEWS_KEPT_PER_SHOPPER} views per shopper`, async () => {
    const shopper = await createShopper(db);
    // Plain active listing rows are enough to be remembered (and quick to make).
    const many = await db
      .insert(schema.listings)
      .values(
        Array.from({ length: VIEWS_KEPT_PER_SHOPPER + 2 }, (_, i) => ({
          sellerId: shop.seller.id,
          categoryId: shop.categoryId,
          slug: `viewed-item-${i}-${shopper.id}`,
          title: `Viewed item ${i}`,
          status: "active" as const,
        })),
      )
      .returning({ id: schema.listings.id });
    for (const [i, listing] of many.entries()) await recordShopperView(db, shopper.id, listing.id, new Date(Date.UTC(2026, 0, 1, 0, i)));
    const rows = await db.select().from(schema.listingViews).where(eq(schema.listingViews.userId, shopper.id));
    expect(rows).toHaveLength(VIEWS_KEPT_PER_SHOPPER);
    expect(rows.map((r) => r.listingId)).not.toContain(many[0]?.id);
    expect(rows.map((r) => r.listingId)).toContain(many.at(-1)?.id);
  });

  it("for you is empty without consent, and with it suggests from what the shopper engages with, never what they bought", async () => {
    // A shop of its own, so the other tests' listings do not crowd the row.
    const shop = await createShop(db);
    const lantern = await createProduct(db, shop, { stock: 10, title: "Trail lantern" });
    const stove = await createProduct(db, shop, { stock: 10, title: "Trail stove" });
    const bought = await createProduct(db, shop, { stock: 10, title: "Trail kettle" });
    const soldOut = await createProduct(db, shop, { stock: 0, title: "Trail table" });
    const shopper = await createShopper(db);
    await saveAddress(db, shopper.id, testAddress);
    await buy(shopper, [bought]);
    await recordShopperView(db, shopper.id, lantern.listing.id);

    expect(await forYou(db, shopper.id)).toEqual([]);

    await setPersonalisationConsent(db, shopper.id, true);
    const list = ids(await forYou(db, shopper.id, { limit: 24 }));
    expect(list.length).toBeGreaterThan(0);
    expect(list).toContain(stove.listing.id);
    expect(list).not.toContain(bought.listing.id);
    expect(list).not.toContain(soldOut.listing.id);
    expect(list).not.toContain(otherShopItem.listing.id);
    // Listings not looked at yet come before the one already viewed.
    expect(list.indexOf(stove.listing.id)).toBeLessThan(list.indexOf(lantern.listing.id));

    await setPersonalisationConsent(db, shopper.id, false);
    expect(await forYou(db, shopper.id)).toEqual([]);
    const audit = await db.select().from(schema.userConsentEvents).where(eq(schema.userConsentEvents.userId, shopper.id));
    expect(audit.map((e) => e.granted)).toEqual([true, false]);
  });

  it("for you with consent but no history is empty", async () => {
    const shopper = await createShopper(db);
    await setPersonalisationConsent(db, shopper.id, true);
    expect(await forYou(db, shopper.id)).toEqual([]);
  });

  it("best sellers put recent sales first and skip what cannot be bought", async () => {
    const category = await createCategory(db);
    const sellerShop = { ...shop, categoryId: category.id };
    const popular = await createProduct(db, sellerShop, { stock: 5, title: "Often viewed" });
    const selling = await createProduct(db, sellerShop, { stock: 5, title: "Often bought" });
    const empty = await createProduct(db, sellerShop, { stock: 0, title: "Sold out" });
    await db.update(schema.listings).set({ viewCount: 1000 }).where(eq(schema.listings.id, popular.listing.id));
    await db.update(schema.listings).set({ viewCount: 5000 }).where(eq(schema.listings.id, empty.listing.id));
    await buy(await createShopper(db), [selling]);
    expect(ids(await bestSellers(db, { categoryIds: [category.id] }))).toEqual([selling.listing.id, popular.listing.id]);
  });
});
