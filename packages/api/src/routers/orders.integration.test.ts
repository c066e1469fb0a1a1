/**
 * Orders through the API as shoppers and sellers see them: checkout from the server cart with client
 * prices ignored, each shopper and each seller confined to their own orders, the seller's fulfilment
 * actions with capture, restock and ledger, delays and what the shopper is told.
 */
import { eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { createProduct, createShop, newKey, stockOf, successCard, testAddress, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createShopper, type TestViewer } from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let shopA: TestShop;
let shopB: TestShop;

beforeAll(async () => {
  api = await useTestApi(db);
  shopA = await createShop(db);
  shopB = await createShop(db);
});

async function fillCart(shopper: TestViewer, lines: { variantId: string; quantity: number }[]) {
  const [cart] = await db.insert(schema.carts).values({ userId: shopper.id }).onConflictDoUpdate({ target: schema.carts.userId, set: { updatedAt: new Date() } }).returning();
  if (!cart) throw new Error("cart insert returned nothing");
  await db.insert(schema.cartLines).values(lines.map((l) => ({ cartId: cart.id, ...l })));
  return cart.id;
}

async function placeFor(shopper: TestViewer, lines: { variantId: string; quantity: number }[]) {
  await fillCart(shopper, lines);
  return api.as(shopper).orders.place({ idempotencyKey: newKey(), address: testAddress, payment: successCard });
}

describe("placing an order through the API", () => {
  it("ignores prices a client slips into the request and charges the database price", async () => {
    const shopper = await createShopper(db);
    const { variant } = await createProduct(db, shopA, { stock: 5, priceMinor: 4200 });
    await fillCart(shopper, [{ variantId: variant.id, quantity: 1 }]);
    const tampered = {
      idempotencyKey: newKey(),
      address: testAddress,
      payment: successCard,
      lines: [{ variantId: variant.id, quantity: 1, unitPriceMinor: 1 }],
      totalMinor: 1,
      subtotalMinor: 1,
    } as Parameters<ReturnType<TestApi["as"]>["orders"]["place"]>[0];
    const placed = await api.as(shopper).orders.place(tampered);
    expect(placed.totalMinor).toBe(4200 + 500);
    const [line] = await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, placed.orders[0]?.id ?? ""));
    expect(line?.unitPriceMinor).toBe(4200);
    const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.orderId, placed.orders[0]?.id ?? ""));
    expect(payment?.amountMinor).toBe(4700);
    // The ordered lines left the cart; a retry of the same key returns the same order.
    const cartLines = await db.select().from(schema.cartLines).innerJoin(schema.carts, eq(schema.carts.id, schema.cartLines.cartId)).where(eq(schema.carts.userId, shopper.id));
    expect(cartLines).toHaveLength(0);
    expect((await api.as(shopper).orders.place(tampered)).groupId).toBe(placed.groupId);
  });

  it("expires the storefront pages of the listings whose stock changed", async () => {
    const shopper = await createShopper(db);
    const { listing, variant } = await createProduct(db, shopA, { stock: 5 });
    api.revalidations.length = 0;
    await placeFor(shopper, [{ variantId: variant.id, quantity: 1 }]);
    expect(api.revalidations.flat()).toContain(`listing:${listing.id}`);
  });

  it("refuses signed-out visitors and bad card details with field errors", async () => {
    const failure = await failureOf(api.as(null).orders.place({ idempotencyKey: newKey(), address: testAddress, payment: successCard }));
    expect(failure.code).toBe("UNAUTHORIZED");
    const shopper = await createShopper(db);
    const bad = await failureOf(api.as(shopper).orders.place({ idempotencyKey: newKey(), address: testAddress, payment: { ...successCard, number: "4242424242424241" } }));
    expect(bad.fieldErrors["payment.number"]).toMatch(/not valid/);
    const declined = await failureOf(
      (async () => {
        const { variant } = await createProduct(db, shopA, { stock: 5 });
        await fillCart(shopper, [{ variantId: variant.id, quantity: 1 }]);
        return api.as(shopper).orders.place({ idempotencyKey: newKey(), address: testAddress, payment: { ...successCard, number: "4000000000000002" } });
      })(),
    );
    expect(declined).toMatchObject({ code: "PAYMENT_REQUIRED", domainCode: "PAYMENT_DECLINED" });
    expect(declined.message).toMatch(/declined/);
    // The cart is kept after a decline.
    const kept = await db.select().from(schema.cartLines).innerJoin(schema.carts, eq(schema.carts.id, schema.cartLines.cartId)).where(eq(schema.carts.userId, shopper.id));
    expect(kept).toHaveLength(1);
  });
});

describe("who sees and changes which orders", () => {
  it("a shopper cannot read or cancel another shopper's order", async () => {
    const owner = await createShopper(db);
    const stranger = await createShopper(db);
    const { variant } = await createProduct(db, shopA, { stock: 5 });
    const placed = await placeFor(owner, [{ variantId: variant.id, quantity: 1 }]);
    const orderId = placed.orders[0]?.id ?? "";

    expect((await api.as(owner).orders.get({ orderId })).id).toBe(orderId);
    expect((await failureOf(api.as(stranger).orders.get({ orderId }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(stranger).orders.cancel({ orderId }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(stranger).orders.checkout({ groupId: placed.groupId }))).code).toBe("NOT_FOUND");
    expect((await api.as(stranger).orders.list()).orders).toHaveLength(0);
    expect((await api.as(owner).orders.get({ orderId })).status).toBe("placed");
  });

  it("seller B can neither see nor change seller A's orders", async () => {
    const shopper = await createShopper(db);
    const { variant } = await createProduct(db, shopA, { stock: 5 });
    const placed = await placeFor(shopper, [{ variantId: variant.id, quantity: 2 }]);
    const orderId = placed.orders[0]?.id ?? "";
    const b = api.as(shopB.viewer);

    expect((await b.sellerOrders.list({ tab: "new", page: 1 })).orders.map((o) => o.id)).not.toContain(orderId);
    expect((await failureOf(b.sellerOrders.get({ orderId }))).code).toBe("NOT_FOUND");
    expect((await failureOf(b.sellerOrders.accept({ orderId }))).code).toBe("NOT_FOUND");
    expect((await failureOf(b.sellerOrders.ship({ orderId, carrier: "UPS", trackingNumber: "1Z999" }))).code).toBe("NOT_FOUND");
    expect((await failureOf(b.sellerOrders.markDelivered({ orderId }))).code).toBe("NOT_FOUND");
    expect((await failureOf(b.sellerOrders.cancel({ orderId, reason: "Not mine to cancel" }))).code).toBe("NOT_FOUND");
    expect((await failureOf(b.sellerOrders.postDelay({ orderId, estimatedFrom: "2099-01-01", estimatedTo: "2099-01-05", note: "Nope" }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(shopper).sellerOrders.list({ tab: "new", page: 1 }))).code).toBe("FORBIDDEN");

    const a = api.as(shopA.viewer);
    expect((await a.sellerOrders.get({ orderId })).status).toBe("placed");
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 5, reserved: 2 });
  });
});

describe("fulfilment", () => {
  it("accept → ship with tracking (payment captured, stock consumed, ledger written) → delivered; the shopper sees each step", async () => {
    const shopper = await createShopper(db);
    const { variant } = await createProduct(db, shopA, { stock: 5, priceMinor: 2000 });
    const placed = await placeFor(shopper, [{ variantId: variant.id, quantity: 2 }]);
    const orderId = placed.orders[0]?.id ?? "";
    const seller = api.as(shopA.viewer);

    await seller.sellerOrders.accept({ orderId });
    const bad = await failureOf(seller.sellerOrders.ship({ orderId, carrier: "", trackingNumber: "x" }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["carrier", "trackingNumber"]);
    await seller.sellerOrders.ship({ orderId, carrier: "UPS", trackingNumber: "1Z 999 AA1 0123" });
    // A double click on "ship" is refused without a second capture.
    expect((await failureOf(seller.sellerOrders.ship({ orderId, carrier: "UPS", trackingNumber: "1Z 999 AA1 0123" }))).domainCode).toBe("INVALID_STATE");

    expect(await stockOf(db, variant.id)).toEqual({ onHand: 3, reserved: 0 });
    const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.orderId, orderId));
    expect(payment).toMatchObject({ status: "captured", capturedMinor: 4500 });
    const ledger = await seller.sellerOrders.ledger();
    expect(ledger.entries.filter((e) => e.orderId === orderId).map((e) => [e.type, e.amountMinor]).sort()).toEqual([
      ["commission", -400],
      ["sale", 4500],
    ]);

    const seen = await api.as(shopper).orders.get({ orderId });
    expect(seen).toMatchObject({ status: "shipped", carrier: "UPS", trackingNumber: "1Z 999 AA1 0123" });
    expect(seen.events.map((e) => e.type)).toEqual(["placed", "accepted", "shipped"]);
    expect("commissionMinor" in seen).toBe(false);
    expect((await failureOf(api.as(shopper).orders.cancel({ orderId }))).message).toMatch(/can no longer be cancelled/);

    await seller.sellerOrders.markDelivered({ orderId });
    expect((await api.as(shopper).orders.get({ orderId })).status).toBe("delivered");
  });

  it("a seller cancels with a reason: payment voided, stock back on sale, the shopper is told why", async () => {
    const shopper = await createShopper(db);
    const { variant } = await createProduct(db, shopA, { stock: 3 });
    const placed = await placeFor(shopper, [{ variantId: variant.id, quantity: 3 }]);
    const orderId = placed.orders[0]?.id ?? "";
    const seller = api.as(shopA.viewer);

    expect((await failureOf(seller.sellerOrders.cancel({ orderId, reason: "" }))).fieldErrors.reason).toBeTruthy();
    await seller.sellerOrders.cancel({ orderId, reason: "The last units were damaged in our warehouse." });
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 3, reserved: 0 });
    const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.orderId, orderId));
    expect(payment?.status).toBe("voided");
    const seen = await api.as(shopper).orders.get({ orderId });
    expect(seen).toMatchObject({ status: "cancelled", cancelReason: "The last units were damaged in our warehouse.", cancelledBy: "seller" });
    const messages = await db.select().from(schema.outboxMessages).where(eq(schema.outboxMessages.orderId, orderId));
    expect(messages.map((m) => m.kind)).toContain("order_cancelled");
  });

  it("a shopper cancels before shipment and the units are released", async () => {
    const shopper = await createShopper(db);
    const { variant } = await createProduct(db, shopA, { stock: 2 });
    const placed = await placeFor(shopper, [{ variantId: variant.id, quantity: 2 }]);
    await api.as(shopper).orders.cancel({ orderId: placed.orders[0]?.id ?? "" });
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 2, reserved: 0 });
  });

  it("cancelling a payment captured outside Agora refunds it without debiting the seller for a sale never credited", async () => {
    const shopper = await createShopper(db);
    const { variant } = await createProduct(db, shopA, { stock: 2 });
    const placed = await placeFor(shopper, [{ variantId: variant.id, quantity: 1 }]);
    const orderId = placed.orders[0]?.id ?? "";
    // Captured from the payment provider's dashboard; its webhook marks the payment captured.
    const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.orderId, orderId));
    await db.update(schema.payments).set({ status: "captured", capturedMinor: payment?.amountMinor ?? 0 }).where(eq(schema.payments.orderId, orderId));

    await api.as(shopper).orders.cancel({ orderId });
    const [after] = await db.select().from(schema.payments).where(eq(schema.payments.orderId, orderId));
    expect(after).toMatchObject({ status: "refunded", refundedMinor: payment?.amountMinor });
    expect(await db.select().from(schema.sellerLedgerEntries).where(eq(schema.sellerLedgerEntries.orderId, orderId))).toEqual([]);
  });

  it("a delay needs a later date, updates the estimate, keeps the promise and tells the shopper", async () => {
    const shopper = await createShopper(db);
    const { variant } = await createProduct(db, shopA, { stock: 2 });
    const placed = await placeFor(shopper, [{ variantId: variant.id, quantity: 1 }]);
    const orderId = placed.orders[0]?.id ?? "";
    const seller = api.as(shopA.viewer);
    const before = await seller.sellerOrders.get({ orderId });

    const earlier = await failureOf(seller.sellerOrders.postDelay({ orderId, estimatedFrom: before.estimatedFrom, estimatedTo: before.estimatedTo, note: "Held up" }));
    expect(earlier.fieldErrors.estimatedTo).toMatch(/after/);
    const backwards = await failureOf(seller.sellerOrders.postDelay({ orderId, estimatedFrom: "2099-02-10", estimatedTo: "2099-02-01", note: "Held up" }));
    expect(backwards.fieldErrors.estimatedTo).toBeTruthy();

    await seller.sellerOrders.postDelay({ orderId, estimatedFrom: "2099-02-01", estimatedTo: "2099-02-05", note: "Our courier is delayed by snow." });
    const seen = await api.as(shopper).orders.get({ orderId });
    expect(seen).toMatchObject({ estimatedFrom: "2099-02-01", estimatedTo: "2099-02-05", promisedTo: before.promisedTo });
    expect(seen.events.at(-1)).toMatchObject({ type: "delayed", note: "Our courier is delayed by snow." });
    const messages = await db.select().from(schema.outboxMessages).where(eq(schema.outboxMessages.orderId, orderId));
    expect(messages.map((m) => m.kind)).toContain("order_delayed");
  });
});
