/**
 * The listing rules a seller meets through the API: validation with field errors and nothing saved,
 * SKUs, stock per location, sanitised descriptions, variant edits, publishing and cache invalidation.
 */
import { cacheTags } from "@agora/core";
import { count, eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createCategory,
  createOperator,
  createSellerAccount,
  createStockLocation,
  listingInput,
  uniqueSuffix,
  variantInput,
  type TestViewer,
} from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let categoryId: string;
let otherCategoryId: string;
let operator: TestViewer;
let seller: { viewer: TestViewer; id: string };
let caller: ReturnType<TestApi["as"]>;

async function rowCounts() {
  const [listings, variants, stock, attributes] = await Promise.all([
    db.select({ n: count() }).from(schema.listings),
    db.select({ n: count() }).from(schema.variants),
    db.select({ n: count() }).from(schema.stockLevels),
    db.select({ n: count() }).from(schema.listingAttributes),
  ]);
  return { listings: listings[0]?.n, variants: variants[0]?.n, stock: stock[0]?.n, attributes: attributes[0]?.n };
}

beforeAll(async () => {
  api = await useTestApi(db);
  categoryId = (await createCategory(db)).id;
  otherCategoryId = (await createCategory(db)).id;
  operator = await createOperator(db);
  const account = await createSellerAccount(db, "approved", { reviewerId: operator.id });
  seller = { viewer: account.viewer, id: account.seller.id };
  caller = api.as(seller.viewer);
});

describe("creating a listing", () => {
  it("saves a draft with its variants, attributes and stock", async () => {
    const location = await createStockLocation(db, seller.id);
    const listing = await caller.seller.listings.create(
      listingInput(categoryId, {
        title: "Merino beanie",
        brand: "Northwind",
        optionNames: ["Colour"],
        attributes: [{ name: "Material", value: "Merino wool" }],
        variants: [
          variantInput({
            sku: "BEANIE-RED",
            options: ["Red"],
            priceMinor: 3500,
            compareAtMinor: 4500,
            stock: [{ locationId: location.id, onHand: 4 }],
          }),
          variantInput({ sku: "BEANIE-BLUE", options: ["Blue"], priceMinor: 3200 }),
        ],
      }),
    );
    expect(listing).toMatchObject({ status: "draft", title: "Merino beanie", minPriceMinor: 3200, sellerId: seller.id });
    expect(listing.slug).toMatch(/^merino-beanie-[0-9a-f]{6}$/);
    const got = await caller.seller.listings.get({ id: listing.id });
    expect(got.attributes).toEqual([{ name: "Material", value: "Merino wool" }]);
    expect(got.variants.map((v) => [v.sku, v.options, v.priceMinor, v.compareAtMinor, v.available])).toEqual([
      ["BEANIE-RED", ["Red"], 3500, 4500, 4],
      ["BEANIE-BLUE", ["Blue"], 3200, null, 0],
    ]);
  });

  it.each([
    ["a negative price", { variants: [variantInput({ priceMinor: -100 })] }, "variants.0.priceMinor"],
    ["an empty title", { title: "" }, "title"],
    ["a whitespace title", { title: "   " }, "title"],
    [
      "a compare-at price at or below the price",
      { variants: [variantInput({ priceMinor: 500, compareAtMinor: 500 })] },
      "variants.0.compareAtMinor",
    ],
    ["no variants", { variants: [] }, "variants"],
  ])("refuses %s with BAD_REQUEST and a field error, saving nothing", async (_why, overrides, field) => {
    const before = await rowCounts();
    const failure = await failureOf(caller.seller.listings.create(listingInput(categoryId, overrides)));
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.domainCode).toBe("INVALID_INPUT");
    expect(Object.keys(failure.fieldErrors)).toContain(field);
    expect(failure.fieldErrors[field]).toBeTruthy();
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a category that does not exist", async () => {
    const before = await rowCounts();
    const failure = await failureOf(caller.seller.listings.create(listingInput("00000000-0000-4000-8000-000000000000")));
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.fieldErrors).toEqual({ categoryId: "Choose a category from the list." });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a SKU already used on another of the seller's listings, naming the clashing variant", async () => {
    const sku = `DUP-${uniqueSuffix()}`;
    await caller.seller.listings.create(listingInput(categoryId, { variants: [variantInput({ sku })] }));
    const before = await rowCounts();
    const failure = await failureOf(
      caller.seller.listings.create(
        listingInput(categoryId, {
          optionNames: ["Size"],
          variants: [variantInput({ options: ["S"] }), variantInput({ sku: sku.toLowerCase(), options: ["M"] })],
        }),
      ),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(failure.fieldErrors).toEqual({ "variants.1.sku": "You already use this SKU on another listing." });
    expect(await rowCounts()).toEqual(before);
  });

  it("accepts the same SKU from two different sellers", async () => {
    const sku = `SHARED-${uniqueSuffix()}`;
    const other = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    const mine = await caller.seller.listings.create(listingInput(categoryId, { variants: [variantInput({ sku })] }));
    const theirs = await api
      .as(other.viewer)
      .seller.listings.create(listingInput(categoryId, { variants: [variantInput({ sku })] }));
    expect(mine.id).not.toBe(theirs.id);
    const rows = await db.select().from(schema.variants).where(eq(schema.variants.sku, sku));
    expect(rows.map((r) => r.sellerId).sort()).toEqual([seller.id, other.seller.id].sort());
  });

  it("stores the description sanitised and keeps the markdown source for editing", async () => {
    const description =
      '## Care\n\nHand wash. <script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n\n[safe](https://example.com) and [evil](javascript:alert(1)) and <a href="javascript&colon;alert(1)">also evil</a>';
    const listing = await caller.seller.listings.create(listingInput(categoryId, { description }));
    const [row] = await db.select().from(schema.listings).where(eq(schema.listings.id, listing.id));
    expect(row?.description).toBe(description);
    const html = row?.descriptionHtml ?? "";
    expect(html).toContain("<h2>Care</h2>");
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener noreferrer" target="_blank">safe</a>');
    expect(html).not.toMatch(/<script|<img|onerror|javascript/i);
    expect(html).not.toMatch(/\son\w+=/i);
  });
});

describe("stock", () => {
  it("is saved per location, and available is on hand minus reserved", async () => {
    const north = await createStockLocation(db, seller.id, { name: `North ${uniqueSuffix()}` });
    const south = await createStockLocation(db, seller.id, { name: `South ${uniqueSuffix()}` });
    const listing = await caller.seller.listings.create(
      listingInput(categoryId, {
        variants: [
          variantInput({
            stock: [
              { locationId: north.id, onHand: 10 },
              { locationId: south.id, onHand: 3 },
            ],
          }),
        ],
      }),
    );
    const got = await caller.seller.listings.get({ id: listing.id });
    const variant = got.variants[0];
    if (!variant) throw new Error("no variant");
    expect(variant.stock.map((s) => [s.locationId, s.onHand, s.reserved]).sort()).toEqual(
      [
        [north.id, 10, 0],
        [south.id, 3, 0],
      ].sort(),
    );
    expect(variant.available).toBe(13);

    // A checkout holds 4 units at the north location.
    await db.update(schema.stockLevels).set({ reserved: 4 }).where(eq(schema.stockLevels.locationId, north.id));
    const after = await caller.seller.listings.get({ id: listing.id });
    expect(after.variants[0]?.available).toBe(9);
    const listed = await caller.seller.listings.list({ page: 1, q: variant.sku });
    expect(listed.items.map((i) => [i.id, i.variantCount, i.available])).toEqual([[listing.id, 1, 9]]);
  });

  it("cannot go below what is reserved", async () => {
    const location = await createStockLocation(db, seller.id);
    const input = listingInput(categoryId, { variants: [variantInput({ stock: [{ locationId: location.id, onHand: 5 }] })] });
    const listing = await caller.seller.listings.create(input);
    await db.update(schema.stockLevels).set({ reserved: 3 }).where(eq(schema.stockLevels.locationId, location.id));
    const got = await caller.seller.listings.get({ id: listing.id });
    const variant = got.variants[0];
    if (!variant) throw new Error("no variant");
    const failure = await failureOf(
      caller.seller.listings.update({
        id: listing.id,
        listing: {
          ...input,
          title: "Changed title",
          variants: [{ ...variantInput({ sku: variant.sku, id: variant.id }), stock: [{ locationId: location.id, onHand: 2 }] }],
        },
      }),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(failure.fieldErrors).toHaveProperty("variants.0.stock");
    const [row] = await db.select().from(schema.listings).where(eq(schema.listings.id, listing.id));
    expect(row?.title).toBe(input.title);
    const [level] = await db.select().from(schema.stockLevels).where(eq(schema.stockLevels.locationId, location.id));
    expect(level).toMatchObject({ onHand: 5, reserved: 3 });
  });

  it("a location holding stock cannot be deleted; once emptied it can", async () => {
    const location = await createStockLocation(db, seller.id);
    const input = listingInput(categoryId, { variants: [variantInput({ stock: [{ locationId: location.id, onHand: 6 }] })] });
    const listing = await caller.seller.listings.create(input);

    const failure = await failureOf(caller.seller.locations.delete({ id: location.id }));
    expect(failure.code).toBe("CONFLICT");
    expect(failure.message).toMatch(/6 units/);
    expect((await caller.seller.locations.list()).map((l) => l.id)).toContain(location.id);

    const variant = (await caller.seller.listings.get({ id: listing.id })).variants[0];
    if (!variant) throw new Error("no variant");
    await caller.seller.listings.update({
      id: listing.id,
      listing: {
        ...input,
        variants: [{ ...variantInput({ id: variant.id, sku: variant.sku }), stock: [{ locationId: location.id, onHand: 0 }] }],
      },
    });
    await caller.seller.locations.delete({ id: location.id });
    expect((await caller.seller.locations.list()).map((l) => l.id)).not.toContain(location.id);
  });

  it("refuses two locations with the same name for one seller", async () => {
    const name = `Depot ${uniqueSuffix()}`;
    await createStockLocation(db, seller.id, { name });
    const failure = await failureOf(
      caller.seller.locations.create({
        name,
        line1: "2 Road",
        city: "Bend",
        postalCode: "97701",
        country: "us",
        pickupEnabled: true,
      }),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(failure.fieldErrors).toEqual({ name: "You already have a location with this name." });
  });
});

describe("editing variants", () => {
  it("keeps the ids of variants that stay, deletes removed ones with their stock, and adds new ones", async () => {
    const location = await createStockLocation(db, seller.id);
    const input = listingInput(categoryId, {
      optionNames: ["Size"],
      variants: [
        variantInput({ sku: `S-${uniqueSuffix()}`, options: ["S"], stock: [{ locationId: location.id, onHand: 2 }] }),
        variantInput({ sku: `M-${uniqueSuffix()}`, options: ["M"], stock: [{ locationId: location.id, onHand: 3 }] }),
        variantInput({ sku: `L-${uniqueSuffix()}`, options: ["L"], stock: [{ locationId: location.id, onHand: 4 }] }),
      ],
    });
    const listing = await caller.seller.listings.create(input);
    const [small, medium, large] = (await caller.seller.listings.get({ id: listing.id })).variants;
    if (!small || !medium || !large) throw new Error("variants missing");

    const xl = variantInput({ sku: `XL-${uniqueSuffix()}`, options: ["XL"], priceMinor: 3000 });
    await caller.seller.listings.update({
      id: listing.id,
      listing: {
        ...input,
        variants: [
          {
            ...variantInput({ id: large.id, sku: large.sku, options: ["L"], priceMinor: 2800 }),
            stock: [{ locationId: location.id, onHand: 9 }],
          },
          {
            ...variantInput({ id: small.id, sku: small.sku, options: ["S"], priceMinor: 2000 }),
            stock: [{ locationId: location.id, onHand: 2 }],
          },
          xl,
        ],
      },
    });

    const after = await caller.seller.listings.get({ id: listing.id });
    expect(after.variants.map((v) => v.sku)).toEqual([large.sku, small.sku, xl.sku]);
    expect(after.variants[0]?.id).toBe(large.id);
    expect(after.variants[1]?.id).toBe(small.id);
    expect(after.variants[0]?.available).toBe(9);
    expect(after.variants[2]?.id).not.toBe(medium.id);
    expect(after.listing.minPriceMinor).toBe(2000);
    expect(await db.select().from(schema.variants).where(eq(schema.variants.id, medium.id))).toEqual([]);
    expect(await db.select().from(schema.stockLevels).where(eq(schema.stockLevels.variantId, medium.id))).toEqual([]);
  });

  it("lets two variants swap SKUs in one save", async () => {
    const [skuA, skuB] = [`SWAP-A-${uniqueSuffix()}`, `SWAP-B-${uniqueSuffix()}`];
    const input = listingInput(categoryId, {
      optionNames: ["Size"],
      variants: [variantInput({ sku: skuA, options: ["S"] }), variantInput({ sku: skuB, options: ["M"] })],
    });
    const listing = await caller.seller.listings.create(input);
    const [first, second] = (await caller.seller.listings.get({ id: listing.id })).variants;
    if (!first || !second) throw new Error("variants missing");
    await caller.seller.listings.update({
      id: listing.id,
      listing: {
        ...input,
        variants: [
          variantInput({ id: first.id, sku: skuB, options: ["S"] }),
          variantInput({ id: second.id, sku: skuA, options: ["M"] }),
        ],
      },
    });
    const after = await caller.seller.listings.get({ id: listing.id });
    expect(after.variants.map((v) => [v.id, v.sku])).toEqual([
      [first.id, skuB],
      [second.id, skuA],
    ]);
  });

  it("does not treat the listing's own SKUs as taken when saving it again", async () => {
    const input = listingInput(categoryId);
    const listing = await caller.seller.listings.create(input);
    const variant = (await caller.seller.listings.get({ id: listing.id })).variants[0];
    if (!variant) throw new Error("no variant");
    const updated = await caller.seller.listings.update({
      id: listing.id,
      listing: { ...input, title: "Renamed tote", variants: [variantInput({ id: variant.id, sku: variant.sku })] },
    });
    expect(updated.title).toBe("Renamed tote");
  });
});

describe("publishing and cache invalidation", () => {
  it("publishing an approved seller's listing makes it active and expires its cache tags", async () => {
    const listing = await caller.seller.listings.create(listingInput(categoryId));
    api.revalidations.length = 0;
    const published = await caller.seller.listings.setStatus({ id: listing.id, status: "active" });
    expect(published.status).toBe("active");
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(api.revalidations).toHaveLength(1);
    expect(api.revalidations[0]).toEqual(
      expect.arrayContaining([
        cacheTags.catalog,
        cacheTags.listing(listing.id),
        cacheTags.seller(seller.id),
        cacheTags.category(categoryId),
      ]),
    );
  });

  it("updating a listing expires its tags, including the category it left", async () => {
    const input = listingInput(categoryId);
    const listing = await caller.seller.listings.create(input);
    const variant = (await caller.seller.listings.get({ id: listing.id })).variants[0];
    if (!variant) throw new Error("no variant");
    api.revalidations.length = 0;
    await caller.seller.listings.update({
      id: listing.id,
      listing: { ...input, categoryId: otherCategoryId, variants: [variantInput({ id: variant.id, sku: variant.sku })] },
    });
    expect(api.revalidations).toHaveLength(1);
    expect(api.revalidations[0]).toEqual(
      expect.arrayContaining([
        cacheTags.catalog,
        cacheTags.listing(listing.id),
        cacheTags.seller(seller.id),
        cacheTags.category(otherCategoryId),
        cacheTags.category(categoryId),
      ]),
    );
  });

  it("a failed update expires nothing", async () => {
    const listing = await caller.seller.listings.create(listingInput(categoryId));
    api.revalidations.length = 0;
    await failureOf(caller.seller.listings.update({ id: listing.id, listing: listingInput(categoryId, { title: "" }) }));
    expect(api.revalidations).toEqual([]);
  });

  it("updating the store profile sanitises the about text and expires the store's tags", async () => {
    api.revalidations.length = 0;
    const updated = await caller.seller.updateProfile({
      name: "Renamed store",
      description: "Hand-made goods from a small workshop.",
      contactEmail: "hello@store.example",
      returnPolicy: "Returns accepted within 30 days of delivery.",
      about: "We **care**. <script>steal()</script><img src=x onerror=alert(1)>",
    });
    expect(updated.about).toBe("We **care**. <script>steal()</script><img src=x onerror=alert(1)>");
    expect(updated.aboutHtml).toContain("<strong>care</strong>");
    expect(updated.aboutHtml).not.toMatch(/<script|<img|onerror/i);
    expect(api.revalidations).toEqual([expect.arrayContaining([cacheTags.seller(seller.id), cacheTags.catalog])]);
  });

  it("archiving and restoring keeps the first publication date", async () => {
    const listing = await caller.seller.listings.create(listingInput(categoryId));
    const first = await caller.seller.listings.setStatus({ id: listing.id, status: "active" });
    await caller.seller.listings.setStatus({ id: listing.id, status: "archived" });
    const again = await caller.seller.listings.setStatus({ id: listing.id, status: "active" });
    expect(again.publishedAt?.getTime()).toBe(first.publishedAt?.getTime());
  });
});

describe("stores waiting for approval", () => {
  it.each(["pending", "rejected"] as const)("a %s seller can create a draft but not publish it", async (status) => {
    const account = await createSellerAccount(db, status, { reviewerId: operator.id });
    const own = api.as(account.viewer);
    const listing = await own.seller.listings.create(listingInput(categoryId));
    expect(listing.status).toBe("draft");
    api.revalidations.length = 0;

    const failure = await failureOf(own.seller.listings.setStatus({ id: listing.id, status: "active" }));
    expect(failure.code).toBe("FORBIDDEN");
    expect(failure.message).toMatch(/must be approved/);
    expect((await own.seller.listings.get({ id: listing.id })).listing.status).toBe("draft");
    expect(api.revalidations).toEqual([]);
  });
});
