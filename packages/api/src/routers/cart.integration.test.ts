/**
 * The cart through the API: guests and signed-in shoppers, quantities checked against live stock with
 * nothing saved on refusal, live prices, merging a guest cart on sign-in, one cart never readable with
 * another's token, and delivery choices limited to what the seller offers for those items.
 */
import { createListing, mergeGuestCart, setListingStatus, type Seller } from "@agora/core";
import { count, eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { cookieJar, failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createCategory,
  createOperator,
  createSellerAccount,
  createShopper,
  createStockLocation,
  listingInput,
  variantInput,
} from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let categoryId: string;
let storeA: Seller;
let storeB: Seller;
let methodA: { standard: string; express: string };
let methodB: string;

/** An active listing with one variant holding `stock` units at a new location of the store. */
async function product(store: Seller, options: { stock: number; priceMinor?: number; pickup?: boolean; title?: string }) {
  const location = await createStockLocation(db, store.id, { pickupEnabled: options.pickup ?? false });
  const listing = await createListing(
    db,
    store.id,
    listingInput(categoryId, {
      title: options.title ?? "Waxed canvas tote",
      optionNames: ["Colour"],
      variants: [
        variantInput({
          options: ["Olive"],
          priceMinor: options.priceMinor ?? 2500,
          stock: [{ locationId: location.id, onHand: options.stock }],
        }),
      ],
    }),
  );
  const active = await setListingStatus(db, store, listing.id, "active");
  const [variant] = await db.select().from(schema.variants).where(eq(schema.variants.listingId, listing.id));
  if (!variant) throw new Error("listing without a variant");
  return { listing: active, variantId: variant.id, locationId: location.id };
}

async function shipping(store: Seller, methods: { name: string; priceMinor: number; freeOverMinor?: number }[]) {
  await db.insert(schema.shippingProfiles).values({ sellerId: store.id, handlingDays: 1, cutoffHour: 14, timeZone: "UTC" });
  const rows = await db
    .insert(schema.shippingMethods)
    .values(
      methods.map((m, position) => ({
        sellerId: store.id,
        name: m.name,
        transitDaysMin: 2 + position,
        transitDaysMax: 4 + position,
        priceMinor: m.priceMinor,
        freeOverMinor: m.freeOverMinor ?? null,
        position,
      })),
    )
    .returning();
  return rows.map((r) => r.id);
}

async function cartRows() {
  const [carts, lines] = await Promise.all([
    db.select({ n: count() }).from(schema.carts),
    db.select({ n: count() }).from(schema.cartLines),
  ]);
  return { carts: carts[0]?.n, lines: lines[0]?.n };
}

beforeAll(async () => {
  api = await useTestApi(db);
  categoryId = (await createCategory(db)).id;
  const operator = await createOperator(db);
  storeA = (await createSellerAccount(db, "approved", { reviewerId: operator.id })).seller;
  storeB = (await createSellerAccount(db, "approved", { reviewerId: operator.id })).seller;
  const [standard = "", express = ""] = await shipping(storeA, [
    { name: "Standard", priceMinor: 500, freeOverMinor: 10_000 },
    { name: "Express", priceMinor: 1500 },
  ]);
  methodA = { standard, express };
  [methodB = ""] = await shipping(storeB, [{ name: "Ground", priceMinor: 700 }]);
});

describe("a guest's cart", () => {
  it("is created on the first add, sets the cookie, and reads back grouped by seller with server totals", async () => {
    const tote = await product(storeA, { stock: 5, priceMinor: 2500, title: "Market tote" });
    const mug = await product(storeB, { stock: 9, priceMinor: 1200, title: "Stoneware mug" });
    const jar = cookieJar();
    const guest = api.as(null, jar);

    expect(await guest.cart.count()).toEqual({ itemCount: 0 });
    expect(await guest.cart.add({ variantId: tote.variantId, quantity: 2 })).toEqual({ itemCount: 2, lineQuantity: 2 });
    expect(jar.cartToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await guest.cart.add({ variantId: mug.variantId, quantity: 1 });

    const cart = await guest.cart.get();
    expect(cart.itemCount).toBe(3);
    expect(
      cart.groups.map((g) => [
        g.seller.id,
        g.lines.map((l) => [l.title, l.variantLabel, l.quantity, l.unitPriceMinor, l.problem]),
      ]),
    ).toEqual([
      [storeA.id, [["Market tote", "Colour: Olive", 2, 2500, null]]],
      [storeB.id, [["Stoneware mug", "Colour: Olive", 1, 1200, null]]],
    ]);
    const [a, b] = cart.groups;
    // Standard is the cheapest shipping method, chosen by default.
    expect(a?.chosenDelivery).toMatchObject({ kind: "shipping", methodId: methodA.standard, priceMinor: 500 });
    expect(a?.deliveryOptions.map((o) => o.kind === "shipping" && o.name)).toEqual(["Standard", "Express"]);
    expect(b?.chosenDelivery).toMatchObject({ kind: "shipping", methodId: methodB, priceMinor: 700 });
    expect([a?.subtotalMinor, a?.totalMinor, b?.subtotalMinor, b?.totalMinor]).toEqual([5000, 5500, 1200, 1900]);
    expect([cart.subtotalMinor, cart.shippingMinor, cart.totalMinor]).toEqual([6200, 1200, 7400]);
    expect(cart.readyForCheckout).toBe(true);
  });

  it("sums the quantity when the same variant is added again", async () => {
    const { variantId } = await product(storeA, { stock: 10 });
    const guest = api.as(null);
    await guest.cart.add({ variantId, quantity: 2 });
    expect(await guest.cart.add({ variantId, quantity: 3 })).toEqual({ itemCount: 5, lineQuantity: 5 });
    const cart = await guest.cart.get();
    expect(cart.groups.flatMap((g) => g.lines.map((l) => [l.variantId, l.quantity]))).toEqual([[variantId, 5]]);
  });

  it("refuses more than is available with the available count, saving nothing", async () => {
    const { variantId } = await product(storeA, { stock: 2 });
    const jar = cookieJar();
    const guest = api.as(null, jar);
    const before = await cartRows();
    const failure = await failureOf(guest.cart.add({ variantId, quantity: 3 }));
    expect(failure).toMatchObject({
      code: "CONFLICT",
      domainCode: "OUT_OF_STOCK",
      message: "Only 2 left.",
      fieldErrors: { quantity: "Only 2 left." },
    });
    expect(await cartRows()).toEqual(before);
    expect(jar.cartToken).toBeNull();

    await guest.cart.add({ variantId, quantity: 2 });
    const again = await failureOf(guest.cart.add({ variantId, quantity: 1 }));
    expect(again.fieldErrors.quantity).toBe("Only 2 left, and you already have 2 in your cart.");
    expect((await guest.cart.get()).itemCount).toBe(2);
  });

  it("checks concurrent adds to one cart one after the other", async () => {
    const { variantId } = await product(storeA, { stock: 3 });
    const shopper = await createShopper(db);
    const caller = api.as(shopper);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => caller.cart.add({ variantId, quantity: 1 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await caller.cart.count()).toEqual({ itemCount: 3 });
  });

  it("refuses an out-of-stock or unlisted variant and a bad quantity with field errors", async () => {
    const gone = await product(storeA, { stock: 0 });
    const guest = api.as(null);
    expect((await failureOf(guest.cart.add({ variantId: gone.variantId, quantity: 1 }))).fieldErrors).toEqual({
      quantity: "This item is out of stock.",
    });

    const draft = await createListing(db, storeA.id, listingInput(categoryId));
    const [draftVariant] = await db.select().from(schema.variants).where(eq(schema.variants.listingId, draft.id));
    const hidden = await failureOf(guest.cart.add({ variantId: draftVariant?.id ?? "", quantity: 1 }));
    expect(hidden).toMatchObject({ code: "NOT_FOUND", fieldErrors: { variantId: "This item is no longer available." } });

    for (const quantity of [0, 100, 1.5]) {
      const bad = await failureOf(guest.cart.add({ variantId: gone.variantId, quantity }));
      expect(bad.code).toBe("BAD_REQUEST");
      expect(bad.fieldErrors.quantity).toBeTruthy();
    }
  });

  it("shows today's price, not the price when the item was added", async () => {
    const { variantId } = await product(storeA, { stock: 4, priceMinor: 2500 });
    const guest = api.as(null);
    await guest.cart.add({ variantId, quantity: 2 });
    await db.update(schema.variants).set({ priceMinor: 1999 }).where(eq(schema.variants.id, variantId));
    const cart = await guest.cart.get();
    expect(cart.groups[0]?.lines[0]).toMatchObject({ unitPriceMinor: 1999, lineTotalMinor: 3998 });
    expect(cart.subtotalMinor).toBe(3998);
  });

  it("changes and removes lines; 0 removes; lowering below stock fixes a line", async () => {
    const { variantId } = await product(storeA, { stock: 6 });
    const guest = api.as(null);
    await guest.cart.add({ variantId, quantity: 5 });
    // Stock sold elsewhere: only 2 left now.
    await db.update(schema.stockLevels).set({ onHand: 2 }).where(eq(schema.stockLevels.variantId, variantId));
    let cart = await guest.cart.get();
    expect(cart.groups[0]?.lines[0]?.problem).toEqual({ kind: "insufficient", available: 2 });
    expect(cart.readyForCheckout).toBe(false);
    expect((await failureOf(guest.cart.setQuantity({ variantId, quantity: 6 }))).fieldErrors).toEqual({
      quantity: "Only 2 left.",
    });

    cart = await guest.cart.setQuantity({ variantId, quantity: 2 });
    expect(cart.groups[0]?.lines[0]).toMatchObject({ quantity: 2, problem: null });
    expect(cart.readyForCheckout).toBe(true);

    cart = await guest.cart.setQuantity({ variantId, quantity: 0 });
    expect(cart.groups).toEqual([]);
    // Removing again is harmless.
    expect((await guest.cart.remove({ variantId })).itemCount).toBe(0);
  });
});

describe("whose cart", () => {
  it("never lets one guest read another's cart, nor a guest token reach a shopper's cart", async () => {
    const { variantId } = await product(storeA, { stock: 5 });
    const first = cookieJar();
    await api.as(null, first).cart.add({ variantId, quantity: 1 });

    const other = api.as(null, cookieJar());
    expect((await other.cart.get()).itemCount).toBe(0);
    const forged = api.as(null, cookieJar("x".repeat(43)));
    expect((await forged.cart.get()).itemCount).toBe(0);
    expect(await forged.cart.count()).toEqual({ itemCount: 0 });
    expect((await failureOf(forged.cart.setQuantity({ variantId, quantity: 2 }))).code).toBe("NOT_FOUND");

    const shopper = await createShopper(db);
    await api.as(shopper).cart.add({ variantId, quantity: 3 });
    const [shopperCart] = await db.select().from(schema.carts).where(eq(schema.carts.userId, shopper.id));
    // Even a token equal to the shopper's cart id names no guest cart.
    const guessing = api.as(null, cookieJar(shopperCart?.id ?? null));
    expect((await guessing.cart.get()).itemCount).toBe(0);
    // A signed-in shopper uses their own cart even with a guest cookie in the browser.
    expect((await api.as(shopper, first).cart.get()).itemCount).toBe(3);
  });
});

describe("merging a guest cart on sign-in", () => {
  it("sums quantities capped at what is available, moves new lines and choices, and deletes the guest cart", async () => {
    const scarce = await product(storeA, { stock: 4 });
    const plenty = await product(storeA, { stock: 20 });
    const other = await product(storeB, { stock: 8 });
    const shopper = await createShopper(db);
    await api.as(shopper).cart.add({ variantId: scarce.variantId, quantity: 3 });

    const jar = cookieJar();
    const guest = api.as(null, jar);
    await guest.cart.add({ variantId: scarce.variantId, quantity: 3 });
    await guest.cart.add({ variantId: plenty.variantId, quantity: 2 });
    await guest.cart.add({ variantId: other.variantId, quantity: 1 });
    await guest.cart.chooseDelivery({ sellerId: storeA.id, methodId: methodA.express });
    const guestToken = jar.cartToken;

    // What the storefront's sign-in action does once the password checked out.
    expect(await mergeGuestCart(db, guestToken ?? "", shopper.id)).toEqual({ itemCount: 7 });
    expect(
      await db
        .select()
        .from(schema.carts)
        .where(eq(schema.carts.guestToken, guestToken ?? "")),
    ).toEqual([]);
    // The old cookie now names no cart.
    expect((await guest.cart.get()).itemCount).toBe(0);

    const signedIn = api.as(shopper);

    const cart = await signedIn.cart.get();
    const quantities = Object.fromEntries(cart.groups.flatMap((g) => g.lines.map((l) => [l.variantId, l.quantity])));
    expect(quantities).toEqual({ [scarce.variantId]: 4, [plenty.variantId]: 2, [other.variantId]: 1 });
    expect(cart.groups.find((g) => g.seller.id === storeA.id)?.chosenDelivery).toMatchObject({ methodId: methodA.express });
    // Merging again (a second tab) changes nothing.
    expect(await mergeGuestCart(db, guestToken ?? "", shopper.id)).toEqual({ itemCount: 7 });
  });
});

describe("delivery choice", () => {
  it("accepts the seller's own options, refuses another seller's method and pickup where the items are not", async () => {
    const tote = await product(storeA, { stock: 3, pickup: true });
    const mug = await product(storeB, { stock: 3 });
    const guest = api.as(null);
    await guest.cart.add({ variantId: tote.variantId, quantity: 1 });
    await guest.cart.add({ variantId: mug.variantId, quantity: 1 });

    let cart = await guest.cart.chooseDelivery({ sellerId: storeA.id, methodId: methodA.express });
    let a = cart.groups.find((g) => g.seller.id === storeA.id);
    expect(a?.chosenDelivery).toMatchObject({ methodId: methodA.express, priceMinor: 1500 });
    expect(a?.shippingMinor).toBe(1500);

    cart = await guest.cart.chooseDelivery({ sellerId: storeA.id, pickupLocationId: tote.locationId });
    a = cart.groups.find((g) => g.seller.id === storeA.id);
    expect(a?.chosenDelivery).toMatchObject({ kind: "pickup", locationId: tote.locationId, priceMinor: 0 });

    const before = await db.select().from(schema.cartDeliveryChoices);
    const foreign = await failureOf(guest.cart.chooseDelivery({ sellerId: storeA.id, methodId: methodB }));
    expect(foreign.code).toBe("BAD_REQUEST");
    expect(foreign.fieldErrors.methodId).toMatch(/Choose one of the delivery options/);
    const noPickup = await failureOf(guest.cart.chooseDelivery({ sellerId: storeB.id, pickupLocationId: mug.locationId }));
    expect(Object.keys(noPickup.fieldErrors)).toEqual(["pickupLocationId"]);
    const notInCart = await failureOf(
      guest.cart.chooseDelivery({ sellerId: (await createSellerAccount(db, "approved")).seller.id, methodId: methodB }),
    );
    expect(notInCart.code).toBe("NOT_FOUND");
    expect(await db.select().from(schema.cartDeliveryChoices)).toEqual(before);
  });

  it("falls back to the default when the chosen method is switched off, and says when nothing can be delivered", async () => {
    const noShipping = (await createSellerAccount(db, "approved")).seller;
    const item = await product(noShipping, { stock: 2 });
    const tote = await product(storeA, { stock: 2 });
    const guest = api.as(null);
    await guest.cart.add({ variantId: item.variantId, quantity: 1 });
    await guest.cart.add({ variantId: tote.variantId, quantity: 1 });
    await guest.cart.chooseDelivery({ sellerId: storeA.id, methodId: methodA.express });

    await db.update(schema.shippingMethods).set({ active: false }).where(eq(schema.shippingMethods.id, methodA.express));
    const cart = await guest.cart.get();
    await db.update(schema.shippingMethods).set({ active: true }).where(eq(schema.shippingMethods.id, methodA.express));
    expect(cart.groups.find((g) => g.seller.id === storeA.id)?.chosenDelivery).toMatchObject({ methodId: methodA.standard });
    const none = cart.groups.find((g) => g.seller.id === noShipping.id);
    expect(none).toMatchObject({ noDeliveryOption: true, chosenDelivery: null, deliveryOptions: [], shippingMinor: 0 });
    expect(cart.readyForCheckout).toBe(false);
  });
});

describe("problems", () => {
  it("flags a line whose listing was archived or whose store was suspended, and leaves it out of the totals", async () => {
    const archived = await product(storeA, { stock: 5, priceMinor: 1000 });
    const kept = await product(storeA, { stock: 5, priceMinor: 3000 });
    const guest = api.as(null);
    await guest.cart.add({ variantId: archived.variantId, quantity: 1 });
    await guest.cart.add({ variantId: kept.variantId, quantity: 1 });
    await setListingStatus(db, storeA, archived.listing.id, "archived");

    const suspendedStore = (await createSellerAccount(db, "approved")).seller;
    const suspended = await product(suspendedStore, { stock: 5, priceMinor: 500 });
    await guest.cart.add({ variantId: suspended.variantId, quantity: 1 });
    await db.update(schema.sellers).set({ status: "suspended" }).where(eq(schema.sellers.id, suspendedStore.id));

    const cart = await guest.cart.get();
    const lines = cart.groups.flatMap((g) => g.lines);
    expect(lines.map((l) => [l.variantId, l.problem, l.counted])).toEqual([
      [archived.variantId, { kind: "unavailable" }, false],
      [kept.variantId, null, true],
      [suspended.variantId, { kind: "unavailable" }, false],
    ]);
    expect(cart.subtotalMinor).toBe(3000);
    expect(cart.problemCount).toBe(2);
    expect(cart.readyForCheckout).toBe(false);
    expect((await failureOf(guest.cart.setQuantity({ variantId: archived.variantId, quantity: 2 }))).code).toBe("NOT_FOUND");
    // Removing them is always possible.
    await guest.cart.remove({ variantId: archived.variantId });
    expect((await guest.cart.remove({ variantId: suspended.variantId })).readyForCheckout).toBe(true);
  });

  it("flags an out-of-stock line", async () => {
    const { variantId } = await product(storeB, { stock: 2 });
    const guest = api.as(null);
    await guest.cart.add({ variantId, quantity: 1 });
    await db.update(schema.stockLevels).set({ reserved: 2 }).where(eq(schema.stockLevels.variantId, variantId));
    const cart = await guest.cart.get();
    expect(cart.groups[0]?.lines[0]).toMatchObject({ problem: { kind: "out_of_stock" }, available: 0, counted: false });
  });
});
