/**
 * Shipping settings through the seller router: a store saves its dispatch settings and methods, bad
 * input changes nothing, product pages are expired after each write, and one seller can never read,
 * change or delete another seller's methods.
 */
import { deliveryChangeTags } from "@agora/core";
import { eq, schema } from "@agora/db";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createOperator, createSellerAccount, createShopper, type TestViewer } from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

type Caller = ReturnType<TestApi["as"]>;

const profileInput = { handlingDays: 1, cutoffHour: 14, timeZone: "America/Chicago", shipsTo: ["US", "CA"] };
const standardInput = { name: "Standard", transitDaysMin: 3, transitDaysMax: 5, priceMinor: 495, freeOverMinor: 5000 };
const expressInput = { name: "Express", transitDaysMin: 1, transitDaysMax: 2, priceMinor: 1495, freeOverMinor: null };

let api: TestApi;
let operator: TestViewer;

interface World {
  viewer: TestViewer;
  sellerId: string;
  caller: Caller;
}

async function approvedSeller(): Promise<World> {
  const { viewer, seller } = await createSellerAccount(db, "approved", { reviewerId: operator.id });
  return { viewer, sellerId: seller.id, caller: api.as(viewer) };
}

/** A seller with a saved profile and two methods. */
async function sellerWithShipping(): Promise<World & { standardId: string; expressId: string }> {
  const world = await approvedSeller();
  await world.caller.seller.shipping.saveProfile(profileInput);
  const standard = await world.caller.seller.shipping.createMethod(standardInput);
  const express = await world.caller.seller.shipping.createMethod(expressInput);
  return { ...world, standardId: standard.id, expressId: express.id };
}

/** What is stored for a seller, straight from the tables. */
async function storedFor(sellerId: string) {
  const [profiles, methods] = await Promise.all([
    db.select().from(schema.shippingProfiles).where(eq(schema.shippingProfiles.sellerId, sellerId)),
    db
      .select()
      .from(schema.shippingMethods)
      .where(eq(schema.shippingMethods.sellerId, sellerId))
      .orderBy(schema.shippingMethods.position),
  ]);
  return { profiles, methods };
}

beforeAll(async () => {
  api = await useTestApi(db);
  operator = await createOperator(db);
});

beforeEach(() => {
  api.revalidations.length = 0;
});

describe("saving and reading shipping settings", () => {
  it("starts empty, saves the profile (twice: an update, not a second row) and expires the store's product pages", async () => {
    const { caller, sellerId } = await approvedSeller();
    expect(await caller.seller.shipping.get()).toEqual({ profile: null, methods: [] });

    const saved = await caller.seller.shipping.saveProfile({
      ...profileInput,
      timeZone: "america/chicago",
      shipsTo: ["us", "CA", "US"],
    });
    expect(saved).toMatchObject({
      sellerId,
      handlingDays: 1,
      cutoffHour: 14,
      timeZone: "America/Chicago",
      shipsTo: ["US", "CA"],
    });
    expect(api.revalidations).toEqual([deliveryChangeTags(sellerId)]);

    await caller.seller.shipping.saveProfile({ ...profileInput, handlingDays: 3, shipsTo: ["GB"] });
    const { profile } = await caller.seller.shipping.get();
    expect(profile).toMatchObject({ handlingDays: 3, shipsTo: ["GB"] });
    expect((await storedFor(sellerId)).profiles).toHaveLength(1);
  });

  it("adds methods in order, edits, deactivates, reorders and deletes them", async () => {
    const { caller, sellerId, standardId, expressId } = await sellerWithShipping();
    let { methods } = await caller.seller.shipping.get();
    expect(methods.map((m) => [m.name, m.position, m.active, m.freeOverMinor])).toEqual([
      ["Standard", 0, true, 5000],
      ["Express", 1, true, null],
    ]);

    const economy = await caller.seller.shipping.createMethod({
      name: "Economy",
      transitDaysMin: 5,
      transitDaysMax: 8,
      priceMinor: 295,
      freeOverMinor: null,
    });
    expect(economy.position).toBe(2);

    api.revalidations.length = 0;
    const edited = await caller.seller.shipping.updateMethod({
      id: standardId,
      ...standardInput,
      priceMinor: 595,
      freeOverMinor: null,
    });
    expect(edited).toMatchObject({ priceMinor: 595, freeOverMinor: null, name: "Standard" });
    const paused = await caller.seller.shipping.setMethodActive({ id: expressId, active: false });
    expect(paused.active).toBe(false);
    const reordered = await caller.seller.shipping.reorderMethods({ ids: [economy.id, standardId, expressId] });
    expect(reordered.map((m) => m.name)).toEqual(["Economy", "Standard", "Express"]);
    await caller.seller.shipping.deleteMethod({ id: economy.id });
    expect(api.revalidations).toEqual(Array.from({ length: 4 }, () => deliveryChangeTags(sellerId)));

    ({ methods } = await caller.seller.shipping.get());
    expect(methods.map((m) => [m.name, m.active, m.priceMinor])).toEqual([
      ["Standard", true, 595],
      ["Express", false, 1495],
    ]);
  });

  it("lets a store that is still under review prepare its shipping", async () => {
    const { viewer } = await createSellerAccount(db, "pending");
    const caller = api.as(viewer);
    await caller.seller.shipping.saveProfile(profileInput);
    await caller.seller.shipping.createMethod(standardInput);
    expect((await caller.seller.shipping.get()).methods).toHaveLength(1);
  });

  it("deleting a method that an open cart chose removes only that choice", async () => {
    const { sellerId, caller, standardId } = await sellerWithShipping();
    const shopper = await createShopper(db);
    const [cart] = await db.insert(schema.carts).values({ userId: shopper.id }).returning();
    if (!cart) throw new Error("no cart");
    await db.insert(schema.cartDeliveryChoices).values({ cartId: cart.id, sellerId, shippingMethodId: standardId });
    await caller.seller.shipping.deleteMethod({ id: standardId });
    expect(await db.select().from(schema.cartDeliveryChoices).where(eq(schema.cartDeliveryChoices.cartId, cart.id))).toEqual([]);
    expect(await db.select().from(schema.carts).where(eq(schema.carts.id, cart.id))).toHaveLength(1);
  });
});

describe("bad input", () => {
  it("refuses an invalid profile with a message per field and saves nothing", async () => {
    const { caller, sellerId } = await approvedSeller();
    const failure = await failureOf(
      caller.seller.shipping.saveProfile({ handlingDays: 31, cutoffHour: 24, timeZone: "Mars/Olympus", shipsTo: ["UK"] }),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.fieldErrors).toEqual({
      handlingDays: "Handling time can be at most 30 business days",
      cutoffHour: "Choose an hour from 0 to 23",
      timeZone: "Choose a time zone from the list, e.g. America/New_York",
      "shipsTo.0": "Use a two-letter ISO country code, e.g. US",
    });
    expect(await failureOf(caller.seller.shipping.saveProfile({ ...profileInput, shipsTo: [] }))).toMatchObject({
      fieldErrors: { shipsTo: "Choose at least one country you ship to" },
    });
    expect(await storedFor(sellerId)).toEqual({ profiles: [], methods: [] });
    expect(api.revalidations).toEqual([]);
  });

  it("refuses an invalid method with field errors and changes nothing", async () => {
    const { caller, sellerId, standardId } = await sellerWithShipping();
    const before = await storedFor(sellerId);
    api.revalidations.length = 0;

    const created = await failureOf(
      caller.seller.shipping.createMethod({
        name: "",
        transitDaysMin: 0,
        transitDaysMax: 61,
        priceMinor: -5,
        freeOverMinor: null,
      }),
    );
    expect(created.code).toBe("BAD_REQUEST");
    expect(created.fieldErrors).toEqual({
      name: "Enter a name, e.g. Standard",
      transitDaysMax: "Transit time can be at most 60 business days",
      priceMinor: "A price cannot be negative",
    });
    const inverted = await failureOf(
      caller.seller.shipping.updateMethod({ id: standardId, ...standardInput, transitDaysMin: 6, transitDaysMax: 2 }),
    );
    expect(inverted.fieldErrors).toEqual({ transitDaysMax: "The slowest transit time cannot be shorter than the fastest" });

    const clash = await failureOf(caller.seller.shipping.createMethod({ ...standardInput, name: "  standard " }));
    expect(clash).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: "You already have a shipping method with this name." },
    });
    const renameClash = await failureOf(
      caller.seller.shipping.updateMethod({ id: standardId, ...standardInput, name: "EXPRESS" }),
    );
    expect(renameClash.code).toBe("CONFLICT");

    expect(await storedFor(sellerId)).toEqual(before);
    expect(api.revalidations).toEqual([]);
  });

  it("needs the dispatch settings before the first method", async () => {
    const { caller, sellerId } = await approvedSeller();
    const failure = await failureOf(caller.seller.shipping.createMethod(standardInput));
    expect(failure).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Save your dispatch settings before adding shipping methods.",
    });
    expect((await storedFor(sellerId)).methods).toEqual([]);
  });

  it("stops at ten methods", async () => {
    const { caller, sellerId } = await approvedSeller();
    await caller.seller.shipping.saveProfile(profileInput);
    for (let i = 1; i <= 10; i++) await caller.seller.shipping.createMethod({ ...standardInput, name: `Method ${i}` });
    const failure = await failureOf(caller.seller.shipping.createMethod({ ...standardInput, name: "Method 11" }));
    expect(failure.code).toBe("CONFLICT");
    expect(failure.message).toMatch(/at most 10 shipping methods/);
    expect((await storedFor(sellerId)).methods).toHaveLength(10);
  });

  it("refuses a reorder that leaves a method out", async () => {
    const { caller, sellerId, standardId } = await sellerWithShipping();
    const before = await storedFor(sellerId);
    expect((await failureOf(caller.seller.shipping.reorderMethods({ ids: [standardId] }))).code).toBe("BAD_REQUEST");
    expect(await storedFor(sellerId)).toEqual(before);
  });
});

describe("another seller's methods", () => {
  let a: Awaited<ReturnType<typeof sellerWithShipping>>;
  let b: Awaited<ReturnType<typeof sellerWithShipping>>;

  beforeAll(async () => {
    a = await sellerWithShipping();
    b = await sellerWithShipping();
  });

  it("are never in the other seller's settings", async () => {
    const { methods } = await b.caller.seller.shipping.get();
    expect(methods.map((m) => m.id).sort()).toEqual([b.standardId, b.expressId].sort());
  });

  const foreign: Record<string, (c: Caller) => Promise<unknown>> = {
    updateMethod: (c) =>
      c.seller.shipping.updateMethod({ id: a.standardId, ...standardInput, name: "Taken over", priceMinor: 1 }),
    setMethodActive: (c) => c.seller.shipping.setMethodActive({ id: a.standardId, active: false }),
    deleteMethod: (c) => c.seller.shipping.deleteMethod({ id: a.standardId }),
    reorderMethods: (c) => c.seller.shipping.reorderMethods({ ids: [a.expressId, a.standardId] }),
    "reorderMethods mixing in one of A's": (c) => c.seller.shipping.reorderMethods({ ids: [b.expressId, a.standardId] }),
  };

  it.each(Object.keys(foreign))("%s with A's id is NOT_FOUND for B, and A's data is unchanged", async (name) => {
    const before = await storedFor(a.sellerId);
    const beforeB = await storedFor(b.sellerId);
    const call = foreign[name];
    if (!call) throw new Error(name);
    const failure = await failureOf(call(b.caller));
    expect(failure.code).toBe("NOT_FOUND");
    expect(failure.message).toBe("The shipping method was not found.");
    expect(await storedFor(a.sellerId)).toEqual(before);
    expect(await storedFor(b.sellerId)).toEqual(beforeB);
  });

  it("B saving a profile changes only B's", async () => {
    const before = await storedFor(a.sellerId);
    await b.caller.seller.shipping.saveProfile({ ...profileInput, handlingDays: 9 });
    expect(await storedFor(a.sellerId)).toEqual(before);
  });
});

describe("people without a store", () => {
  let a: Awaited<ReturnType<typeof sellerWithShipping>>;
  beforeAll(async () => {
    a = await sellerWithShipping();
  });

  const calls: Record<string, (c: Caller) => Promise<unknown>> = {
    get: (c) => c.seller.shipping.get(),
    saveProfile: (c) => c.seller.shipping.saveProfile(profileInput),
    createMethod: (c) => c.seller.shipping.createMethod(standardInput),
    updateMethod: (c) => c.seller.shipping.updateMethod({ id: a.standardId, ...standardInput }),
    setMethodActive: (c) => c.seller.shipping.setMethodActive({ id: a.standardId, active: false }),
    deleteMethod: (c) => c.seller.shipping.deleteMethod({ id: a.standardId }),
    reorderMethods: (c) => c.seller.shipping.reorderMethods({ ids: [a.expressId, a.standardId] }),
  };

  it.each(Object.keys(calls))("signed out: %s is UNAUTHORIZED and changes nothing", async (name) => {
    const before = await storedFor(a.sellerId);
    const call = calls[name];
    if (!call) throw new Error(name);
    const failure = await failureOf(call(api.as(null)));
    expect(failure.code).toBe("UNAUTHORIZED");
    expect(failure.message).toBe("Please sign in to continue.");
    expect(await storedFor(a.sellerId)).toEqual(before);
  });

  it.each(Object.keys(calls))("a shopper: %s is FORBIDDEN and changes nothing", async (name) => {
    const shopper = await createShopper(db);
    const before = await storedFor(a.sellerId);
    const call = calls[name];
    if (!call) throw new Error(name);
    expect((await failureOf(call(api.as(shopper)))).code).toBe("FORBIDDEN");
    expect(await storedFor(a.sellerId)).toEqual(before);
  });

  it("a suspended store is locked out", async () => {
    const world = await sellerWithShipping();
    await db.update(schema.sellers).set({ status: "suspended" }).where(eq(schema.sellers.id, world.sellerId));
    expect((await failureOf(world.caller.seller.shipping.get())).code).toBe("FORBIDDEN");
    expect((await failureOf(world.caller.seller.shipping.deleteMethod({ id: world.standardId }))).code).toBe("FORBIDDEN");
  });
});
