/**
 * What the order pages read besides the lifecycle: line images while they are still stored, a link back
 * to the product, the pickup address, and the seller's count of new orders (their own only).
 */
import { eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { createProduct, createShop, newKey, successCard, testAddress, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createShopper, type TestViewer } from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let shopA: TestShop;
let shopB: TestShop;

beforeAll(async () => {
  api = await useTestApi(db);
  shopA = await createShop(db, { pickup: true });
  shopB = await createShop(db);
});

async function place(
  shopper: TestViewer,
  lines: { variantId: string; quantity: number }[],
  pickupAt?: { sellerId: string; locationId: string },
) {
  const [cart] = await db
    .insert(schema.carts)
    .values({ userId: shopper.id })
    .onConflictDoUpdate({ target: schema.carts.userId, set: { updatedAt: new Date() } })
    .returning();
  if (!cart) throw new Error("cart insert returned nothing");
  await db.insert(schema.cartLines).values(lines.map((l) => ({ cartId: cart.id, ...l })));
  if (pickupAt)
    await db
      .insert(schema.cartDeliveryChoices)
      .values({ cartId: cart.id, sellerId: pickupAt.sellerId, pickupLocationId: pickupAt.locationId });
  return api.as(shopper).orders.place({ idempotencyKey: newKey(), address: testAddress, payment: successCard });
}

describe("order pages", () => {
  it("show each line's snapshot image while it is stored, and link back to the product", async () => {
    const shopper = await createShopper(db);
    const { listing, variant } = await createProduct(db, shopA, { stock: 5 });
    const storageKey = `seed/test/${listing.id}/1`;
    await db
      .insert(schema.listingImages)
      .values({ listingId: listing.id, sellerId: shopA.seller.id, storageKey, widths: [320, 640], width: 800, height: 800 });
    const placed = await place(shopper, [{ variantId: variant.id, quantity: 1 }]);
    const orderId = placed.orders[0]?.id ?? "";

    const [line] = (await api.as(shopper).orders.get({ orderId })).lines;
    expect(line).toMatchObject({ imageKey: storageKey, image: { storageKey, widths: [320, 640] }, listingSlug: listing.slug });

    // Once the seller deletes the image, the page shows an empty box rather than a broken one.
    await db.delete(schema.listingImages).where(eq(schema.listingImages.listingId, listing.id));
    const [after] = (await api.as(shopA.viewer).sellerOrders.get({ orderId })).lines;
    expect(after).toMatchObject({ imageKey: storageKey, image: null });
  });

  it("give a pickup order the address to collect it from, and its siblings their fulfilment", async () => {
    const shopper = await createShopper(db);
    const { variant: a } = await createProduct(db, shopA, { stock: 5 });
    const { variant: b } = await createProduct(db, shopB, { stock: 5 });
    const placed = await place(
      shopper,
      [
        { variantId: a.id, quantity: 1 },
        { variantId: b.id, quantity: 1 },
      ],
      { sellerId: shopA.seller.id, locationId: shopA.locationId },
    );
    const pickupOrder = placed.orders.find((o) => o.sellerId === shopA.seller.id);
    const [location] = await db.select().from(schema.stockLocations).where(eq(schema.stockLocations.id, shopA.locationId));

    const order = await api.as(shopper).orders.get({ orderId: pickupOrder?.id ?? "" });
    expect(order.fulfilment).toBe("pickup");
    expect(order.pickupLocation).toEqual({
      name: location?.name,
      line1: location?.line1,
      city: location?.city,
      postalCode: location?.postalCode,
      country: location?.country,
    });
    expect(order.siblings).toEqual([
      expect.objectContaining({ sellerName: shopB.seller.name, fulfilment: "shipping", status: "placed" }),
    ]);
  });

  it("count a seller's new orders, and only theirs", async () => {
    const shopper = await createShopper(db);
    const before = await api.as(shopA.viewer).sellerOrders.newCount();
    const beforeB = await api.as(shopB.viewer).sellerOrders.newCount();
    const { variant } = await createProduct(db, shopA, { stock: 5 });
    const first = await place(shopper, [{ variantId: variant.id, quantity: 1 }]);
    await db.delete(schema.carts).where(eq(schema.carts.userId, shopper.id));
    await place(shopper, [{ variantId: variant.id, quantity: 1 }]);
    expect(await api.as(shopA.viewer).sellerOrders.newCount()).toBe(before + 2);
    expect(await api.as(shopB.viewer).sellerOrders.newCount()).toBe(beforeB);

    await api.as(shopA.viewer).sellerOrders.accept({ orderId: first.orders[0]?.id ?? "" });
    expect(await api.as(shopA.viewer).sellerOrders.newCount()).toBe(before + 1);
  });
});
