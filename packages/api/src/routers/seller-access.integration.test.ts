/**
 * Who may call which procedure: signed-out visitors, people without a store, and — above all — one
 * seller using another seller's ids. Someone else's id must look exactly like a missing one, and must
 * never change or reveal the other seller's data.
 */
import { addListingImage } from "@agora/core/media";
import { eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createCategory,
  createOperator,
  createSellerAccount,
  createShopper,
  createStockLocation,
  listingInput,
  locationInput,
  sellerApplication,
  testImage,
  variantInput,
  type TestViewer,
} from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

type Caller = ReturnType<TestApi["as"]>;

interface SellerWorld {
  viewer: TestViewer;
  sellerId: string;
  locationId: string;
  emptyLocationId: string;
  listingId: string;
  variantId: string;
  sku: string;
  imageIds: string[];
}

let api: TestApi;
let categoryId: string;
let operator: TestViewer;
let a: SellerWorld;
let b: SellerWorld;
let shopper: TestViewer;

const profileInput = (name: string) => ({
  name,
  description: "Hand-made goods from a small workshop.",
  contactEmail: "hello@store.example",
  returnPolicy: "Returns accepted within 30 days of delivery.",
  about: "We make **things**.",
});

/** An approved seller with a location holding stock, an empty location, one listing with a variant and two images. */
async function buildSeller(reviewerId: string): Promise<SellerWorld> {
  const { viewer, seller } = await createSellerAccount(db, "approved", { reviewerId });
  const location = await createStockLocation(db, seller.id);
  const emptyLocation = await createStockLocation(db, seller.id);
  const sku = `SKU-${seller.slug}`;
  const caller = api.as(viewer);
  const listing = await caller.seller.listings.create(
    listingInput(categoryId, {
      title: `${seller.name} tote`,
      variants: [variantInput({ sku, stock: [{ locationId: location.id, onHand: 7 }] })],
    }),
  );
  await caller.seller.listings.setStatus({ id: listing.id, status: "active" });
  const images = [];
  const sizes: [number, number][] = [
    [400, 300],
    [300, 400],
  ];
  for (const [width, height] of sizes)
    images.push(
      await addListingImage(db, api.media, seller.id, listing.id, { bytes: await testImage(width, height), name: "photo.png" }),
    );
  const got = await caller.seller.listings.get({ id: listing.id });
  const variantId = got.variants[0]?.id;
  if (!variantId) throw new Error("listing has no variant");
  return {
    viewer,
    sellerId: seller.id,
    locationId: location.id,
    emptyLocationId: emptyLocation.id,
    listingId: listing.id,
    variantId,
    sku,
    imageIds: images.map((i) => i.id),
  };
}

/** Everything seller A owns, read back through A's own caller and straight from the tables. */
async function snapshotOf(world: SellerWorld) {
  const caller = api.as(world.viewer);
  const [listing, locations, listed, [seller]] = await Promise.all([
    caller.seller.listings.get({ id: world.listingId }),
    caller.seller.locations.list(),
    caller.seller.listings.list({ page: 1 }),
    db.select().from(schema.sellers).where(eq(schema.sellers.id, world.sellerId)),
  ]);
  return { listing, locations, listed, seller };
}

beforeAll(async () => {
  api = await useTestApi(db);
  categoryId = (await createCategory(db)).id;
  operator = await createOperator(db);
  a = await buildSeller(operator.id);
  b = await buildSeller(operator.id);
  shopper = await createShopper(db);
});

/** Every procedure that needs a signed-in person, called with seller A's ids. */
const protectedCalls: Record<string, (c: Caller) => Promise<unknown>> = {
  "seller.myStore": (c) => c.seller.myStore(),
  "seller.submitApplication": (c) => c.seller.submitApplication(sellerApplication()),
  "seller.updateProfile": (c) => c.seller.updateProfile(profileInput("Renamed store")),
  "seller.locations.list": (c) => c.seller.locations.list(),
  "seller.locations.create": (c) => c.seller.locations.create(locationInput()),
  "seller.locations.update": (c) => c.seller.locations.update({ id: a.locationId, ...locationInput({ name: "Taken over" }) }),
  "seller.locations.delete": (c) => c.seller.locations.delete({ id: a.emptyLocationId }),
  "seller.listings.list": (c) => c.seller.listings.list({ page: 1 }),
  "seller.listings.get": (c) => c.seller.listings.get({ id: a.listingId }),
  "seller.listings.create": (c) => c.seller.listings.create(listingInput(categoryId)),
  "seller.listings.update": (c) =>
    c.seller.listings.update({ id: a.listingId, listing: listingInput(categoryId, { title: "Hijacked" }) }),
  "seller.listings.setStatus": (c) => c.seller.listings.setStatus({ id: a.listingId, status: "archived" }),
  "seller.images.reorder": (c) => c.seller.images.reorder({ listingId: a.listingId, imageIds: [...a.imageIds].reverse() }),
  "seller.images.updateAlt": (c) => c.seller.images.updateAlt({ imageId: a.imageIds[0] ?? "", alt: "Hijacked" }),
  "seller.images.delete": (c) => c.seller.images.delete({ imageId: a.imageIds[0] ?? "" }),
  "account.updateProfile": (c) => c.account.updateProfile({ name: "Someone else" }),
  "account.changePassword": (c) => c.account.changePassword({ currentPassword: "whatever-1", newPassword: "brand-new-pass-2" }),
  "admin.sellers.list": (c) => c.admin.sellers.list({}),
  "admin.sellers.review": (c) => c.admin.sellers.review({ sellerId: a.sellerId, decision: "reject", reason: "Taken over" }),
};

/** Procedures that act for the caller's store. */
const storeCalls = Object.keys(protectedCalls).filter((name) =>
  /^seller\.(updateProfile|locations\.|listings\.|images\.)/.test(name),
);

/** Store procedures that name one of A's rows by id: for anyone else they must be NOT_FOUND. */
const foreignIdCalls = [
  "seller.locations.update",
  "seller.locations.delete",
  "seller.listings.get",
  "seller.listings.update",
  "seller.listings.setStatus",
  "seller.images.reorder",
  "seller.images.updateAlt",
  "seller.images.delete",
];

describe("signed-out visitors", () => {
  it.each(Object.keys(protectedCalls))("get UNAUTHORIZED from %s and change nothing", async (name) => {
    const before = await snapshotOf(a);
    const call = protectedCalls[name];
    if (!call) throw new Error(name);
    const failure = await failureOf(call(api.as(null)));
    expect(failure.code).toBe("UNAUTHORIZED");
    expect(failure.message).toBe("Please sign in to continue.");
    expect(await snapshotOf(a)).toEqual(before);
  });

  it("can still read public data and see themselves as signed out", async () => {
    const visitor = api.as(null);
    expect(await visitor.account.me()).toBeNull();
    expect((await visitor.catalog.categories()).map((c) => c.id)).toContain(categoryId);
  });
});

describe("signed-in people without a store", () => {
  it.each(storeCalls)("get FORBIDDEN from %s and change nothing", async (name) => {
    const before = await snapshotOf(a);
    const call = protectedCalls[name];
    if (!call) throw new Error(name);
    const failure = await failureOf(call(api.as(shopper)));
    expect(failure.code).toBe("FORBIDDEN");
    expect(failure.message).toMatch(/Apply to sell first/);
    expect(await snapshotOf(a)).toEqual(before);
  });

  it("see no store of their own", async () => {
    expect(await api.as(shopper).seller.myStore()).toBeNull();
  });

  it("get FORBIDDEN from the operator console", async () => {
    for (const name of ["admin.sellers.list", "admin.sellers.review"]) {
      const call = protectedCalls[name];
      if (!call) throw new Error(name);
      expect((await failureOf(call(api.as(shopper)))).code).toBe("FORBIDDEN");
    }
  });
});

describe("a suspended store", () => {
  it("is locked out of every store procedure", async () => {
    const { viewer, seller } = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    await db.update(schema.sellers).set({ status: "suspended" }).where(eq(schema.sellers.id, seller.id));
    const failure = await failureOf(api.as(viewer).seller.listings.list({ page: 1 }));
    expect(failure.code).toBe("FORBIDDEN");
    expect(failure.message).toMatch(/suspended/);
    expect((await failureOf(api.as(viewer).seller.listings.create(listingInput(categoryId)))).code).toBe("FORBIDDEN");
  });
});

describe("seller B using seller A's ids", () => {
  it.each(foreignIdCalls)("gets NOT_FOUND from %s and A's data is unchanged", async (name) => {
    const before = await snapshotOf(a);
    const call = protectedCalls[name];
    if (!call) throw new Error(name);
    const failure = await failureOf(call(api.as(b.viewer)));
    expect(failure.code).toBe("NOT_FOUND");
    expect(failure.message).toMatch(/was not found/);
    expect(await snapshotOf(a)).toEqual(before);
  });

  it("gets the same answer for A's id as for an id that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const foreign = await failureOf(api.as(b.viewer).seller.listings.get({ id: a.listingId }));
    const absent = await failureOf(api.as(b.viewer).seller.listings.get({ id: missing }));
    expect(foreign).toEqual(absent);
  });

  it("cannot delete A's image files by deleting A's image", async () => {
    const [image] = await db
      .select()
      .from(schema.listingImages)
      .where(eq(schema.listingImages.id, a.imageIds[0] ?? ""));
    if (!image) throw new Error("image missing");
    const files = image.widths.map((w) => `${image.storageKey}-${w}.webp`);
    await failureOf(api.as(b.viewer).seller.images.delete({ imageId: image.id }));
    for (const key of files) expect(await api.media.get(key)).not.toBeNull();
  });

  it("never sees A's listings or locations in list endpoints", async () => {
    const caller = api.as(b.viewer);
    const listings = await caller.seller.listings.list({ page: 1 });
    expect(listings.items.map((l) => l.id)).toEqual([b.listingId]);
    expect(listings.total).toBe(1);
    const bySku = await caller.seller.listings.list({ page: 1, q: a.sku });
    expect(bySku.items).toEqual([]);
    const byTitle = await caller.seller.listings.list({ page: 1, q: "tote" });
    expect(byTitle.items.map((l) => l.id)).toEqual([b.listingId]);
    const locations = await caller.seller.locations.list();
    expect(locations.map((l) => l.id).sort()).toEqual([b.locationId, b.emptyLocationId].sort());
    expect(locations.every((l) => l.sellerId === b.sellerId)).toBe(true);
  });

  it("cannot put stock in A's location, and nothing is saved", async () => {
    const count = async () => (await db.select().from(schema.listings).where(eq(schema.listings.sellerId, b.sellerId))).length;
    const before = await count();
    const failure = await failureOf(
      api
        .as(b.viewer)
        .seller.listings.create(
          listingInput(categoryId, { variants: [variantInput({ stock: [{ locationId: a.locationId, onHand: 5 }] })] }),
        ),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.fieldErrors).toEqual({ "variants.0.stock.0": "This location is not one of yours." });
    expect(await count()).toBe(before);
    const [levels] = await db.select().from(schema.stockLevels).where(eq(schema.stockLevels.locationId, a.locationId));
    expect(levels?.variantId).toBe(a.variantId);
  });

  it("cannot move A's variant into B's listing by naming its id", async () => {
    const before = await snapshotOf(a);
    const failure = await failureOf(
      api.as(b.viewer).seller.listings.update({
        id: b.listingId,
        listing: listingInput(categoryId, { variants: [variantInput({ id: a.variantId, sku: "STOLEN-1", priceMinor: 1 })] }),
      }),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.fieldErrors).toHaveProperty("variants.0");
    expect(await snapshotOf(a)).toEqual(before);
  });

  it("cannot reorder B's own images with one of A's image ids mixed in", async () => {
    const failure = await failureOf(
      api.as(b.viewer).seller.images.reorder({ listingId: b.listingId, imageIds: [b.imageIds[0] ?? "", a.imageIds[0] ?? ""] }),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    const rows = await db.select().from(schema.listingImages).where(eq(schema.listingImages.listingId, a.listingId));
    expect(rows.map((r) => r.position).sort()).toEqual([0, 1]);
  });

  it("updating B's profile changes B's store only", async () => {
    const before = await snapshotOf(a);
    const updated = await api.as(b.viewer).seller.updateProfile(profileInput("B renamed"));
    expect(updated.id).toBe(b.sellerId);
    expect(updated.name).toBe("B renamed");
    expect(await snapshotOf(a)).toEqual(before);
  });

  it("may use the same SKU as A: SKUs are unique per seller only", async () => {
    const listing = await api
      .as(b.viewer)
      .seller.listings.create(listingInput(categoryId, { variants: [variantInput({ sku: a.sku })] }));
    const got = await api.as(b.viewer).seller.listings.get({ id: listing.id });
    expect(got.variants.map((v) => v.sku)).toEqual([a.sku]);
  });
});
