/**
 * Placing orders against real PostgreSQL: no oversell under concurrency, idempotency, declines that
 * leave nothing behind, commission, and the crash path that the sweeper cleans up.
 */
import { count, eq, schema } from "@agora/db";
import { searchInputSchema } from "@agora/validators";
import { beforeAll, describe, expect, it } from "vitest";
import { createProduct, createShop, declinedCard, insufficientFundsCard, newKey, stockOf, successCard, testAddress, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createShopper, domainErrorOf } from "../../../../tooling/vitest/fixtures";
import { DomainError } from "../errors";
import { createTestPaymentProvider } from "../payments/test-provider";
import type { PaymentProvider } from "../payments/provider";
import { searchCatalog } from "../search";
import { cancelOrder } from "./lifecycle";
import { placeOrder, type PlaceOrderRequest } from "./place-order";
import { releaseExpiredCheckouts } from "./release-expired";

const { db } = await useTestDatabase();
const provider = createTestPaymentProvider();

let shop: TestShop;

beforeAll(async () => {
  shop = await createShop(db);
});

async function request(lines: PlaceOrderRequest["lines"], overrides: Partial<PlaceOrderRequest> = {}): Promise<PlaceOrderRequest> {
  const shopper = overrides.buyer ?? (await createShopper(db));
  return { buyer: { id: shopper.id, email: shopper.email }, idempotencyKey: newKey(), lines, deliveryChoices: [], address: testAddress, payment: successCard, ...overrides };
}

async function ordersOfGroup(groupId: string) {
  return db.select().from(schema.orders).where(eq(schema.orders.groupId, groupId));
}

describe("stock under concurrency", () => {
  it("50 shoppers racing for 5 units: exactly 5 orders, none oversold, 45 clear out-of-stock errors", async () => {
    const { variant } = await createProduct(db, shop, { stock: 5, title: "Last five lanterns" });
    const requests = await Promise.all(Array.from({ length: 50 }, () => request([{ variantId: variant.id, quantity: 1 }])));
    const results = await Promise.allSettled(requests.map((r) => placeOrder(db, provider, r)));

    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const error of refused) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("OUT_OF_STOCK");
      expect((error as DomainError).message).toBe("Last five lanterns is out of stock.");
    }
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 5, reserved: 5 });
    const [lines] = await db.select({ n: count() }).from(schema.orderLines).where(eq(schema.orderLines.variantId, variant.id));
    expect(lines?.n).toBe(5);
  });

  it("counts two lines for the same variant together", async () => {
    const { variant } = await createProduct(db, shop, { stock: 5 });
    const tooMany = await domainErrorOf(placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 3 }, { variantId: variant.id, quantity: 3 }])));
    expect(tooMany.code).toBe("OUT_OF_STOCK");
    expect(tooMany.fieldErrors[`lines.${variant.id}`]).toBe("Only 5 left");
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 5, reserved: 0 });

    const placed = await placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 2 }, { variantId: variant.id, quantity: 2 }]));
    const lines = await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, placed.orders[0]?.id ?? ""));
    expect(lines.map((l) => l.quantity)).toEqual([4]);
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 5, reserved: 4 });
  });
});

describe("search follows stock", () => {
  const find = async (q: string, includeOutOfStock = false) =>
    (await searchCatalog(db, searchInputSchema.parse({ q, includeOutOfStock }))).items.map((i) => ({ id: i.id, available: i.available }));

  it("a listing sold out by a checkout leaves search at once, a declined card changes nothing, a cancellation brings it back", async () => {
    const { listing, variant } = await createProduct(db, shop, { stock: 2, title: "Quillon brass sextant" });
    expect(await find("quillon")).toEqual([{ id: listing.id, available: 2 }]);

    await domainErrorOf(placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 2 }], { payment: declinedCard })));
    expect(await find("quillon")).toEqual([{ id: listing.id, available: 2 }]);

    const placed = await placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 2 }]));
    expect(await find("quillon")).toEqual([]);
    expect(await find("quillon", true)).toEqual([{ id: listing.id, available: 0 }]);

    const order = placed.orders[0];
    if (!order) throw new Error("no order");
    const [row] = await db.select({ buyerId: schema.orders.buyerId }).from(schema.orders).where(eq(schema.orders.id, order.id));
    await cancelOrder(db, provider, { kind: "buyer", userId: row?.buyerId ?? "" }, { orderId: order.id });
    expect(await find("quillon")).toEqual([{ id: listing.id, available: 2 }]);
  });

  it("checkouts of overlapping listings at once neither deadlock nor lose a count", async () => {
    const a = await createProduct(db, shop, { stock: 20, title: "Overlap lantern alpha" });
    const b = await createProduct(db, shop, { stock: 20, title: "Overlap lantern beta" });
    const requests = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(i % 2 ? [{ variantId: a.variant.id, quantity: 1 }, { variantId: b.variant.id, quantity: 1 }] : [{ variantId: b.variant.id, quantity: 1 }, { variantId: a.variant.id, quantity: 1 }]),
      ),
    );
    const results = await Promise.allSettled(requests.map((r) => placeOrder(db, provider, r)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const found = await find("overlap lantern");
    expect(found.map((f) => f.available).sort()).toEqual([10, 10]);
  });
});

describe("idempotency", () => {
  it("the same key twice (one after the other, and at once) gives one order and one payment", async () => {
    const { variant } = await createProduct(db, shop, { stock: 10 });
    const req = await request([{ variantId: variant.id, quantity: 1 }]);
    const first = await placeOrder(db, provider, req);
    const again = await placeOrder(db, provider, req);
    expect(again.groupId).toBe(first.groupId);
    expect(again.orders).toEqual(first.orders);

    const concurrent = await request([{ variantId: variant.id, quantity: 1 }]);
    const both = await Promise.all([placeOrder(db, provider, concurrent), placeOrder(db, provider, concurrent)]);
    expect(both[0].groupId).toBe(both[1].groupId);

    for (const groupId of [first.groupId, both[0].groupId]) {
      expect(await ordersOfGroup(groupId)).toHaveLength(1);
      const pays = await db.select().from(schema.payments).where(eq(schema.payments.groupId, groupId));
      expect(pays).toHaveLength(1);
    }
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 10, reserved: 2 });
  });

  it("refuses a key reused for a different cart", async () => {
    const { variant } = await createProduct(db, shop, { stock: 10 });
    const req = await request([{ variantId: variant.id, quantity: 1 }]);
    await placeOrder(db, provider, req);
    const error = await domainErrorOf(placeOrder(db, provider, { ...req, lines: [{ variantId: variant.id, quantity: 2 }] }));
    expect(error.code).toBe("CONFLICT");
  });
});

describe("declined payments", () => {
  it("leave no order and no stock taken, say why, and answer a retry of the same key the same way", async () => {
    const { variant } = await createProduct(db, shop, { stock: 3 });
    const req = await request([{ variantId: variant.id, quantity: 2 }], { payment: insufficientFundsCard });
    const error = await domainErrorOf(placeOrder(db, provider, req));
    expect(error.code).toBe("PAYMENT_DECLINED");
    expect(error.message).toBe("Your card has insufficient funds. Try another card.");
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 3, reserved: 0 });
    const [orders] = await db.select({ n: count() }).from(schema.orders).where(eq(schema.orders.buyerId, req.buyer.id));
    expect(orders?.n).toBe(0);
    const [group] = await db.select().from(schema.checkoutGroups).where(eq(schema.checkoutGroups.idempotencyKey, req.idempotencyKey));
    expect(group?.status).toBe("declined");

    expect((await domainErrorOf(placeOrder(db, provider, req))).message).toBe(error.message);

    const declined = await domainErrorOf(placeOrder(db, provider, { ...req, idempotencyKey: newKey(), payment: declinedCard }));
    expect(declined.message).toMatch(/declined/);
    const paid = await placeOrder(db, provider, { ...req, idempotencyKey: newKey(), payment: successCard });
    expect(paid.orders).toHaveLength(1);
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 3, reserved: 2 });
  });

  it("voids what was authorised for the other sellers when one seller's authorisation is declined", async () => {
    const other = await createShop(db);
    const a = await createProduct(db, shop, { stock: 3 });
    const b = await createProduct(db, other, { stock: 3 });
    const voided: string[] = [];
    let calls = 0;
    const flaky: PaymentProvider = {
      ...provider,
      name: "test",
      authorize: async (req) => (++calls === 2 ? { ok: false, code: "card_declined", message: "Your card was declined." } : provider.authorize(req)),
      void: async (ref) => {
        voided.push(ref);
      },
    };
    const error = await domainErrorOf(placeOrder(db, flaky, await request([{ variantId: a.variant.id, quantity: 1 }, { variantId: b.variant.id, quantity: 1 }])));
    expect(error.code).toBe("PAYMENT_DECLINED");
    expect(voided).toHaveLength(1);
    expect(await stockOf(db, a.variant.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await stockOf(db, b.variant.id)).toEqual({ onHand: 3, reserved: 0 });
  });
});

describe("pricing and splitting", () => {
  it("re-prices from the database, splits by seller, charges shipping per seller and records commission", async () => {
    const other = await createShop(db, { method: { priceMinor: 700, freeOverMinor: 5000 } });
    await db.insert(schema.commissionRates).values([
      { rateBps: 1000 },
      { categoryId: shop.categoryId, rateBps: 800 },
      { sellerId: other.seller.id, rateBps: 500 },
    ]);
    const a = await createProduct(db, shop, { stock: 10, priceMinor: 1999 });
    const b = await createProduct(db, other, { stock: 10, priceMinor: 2600 });
    const placed = await placeOrder(db, provider, await request([{ variantId: a.variant.id, quantity: 2 }, { variantId: b.variant.id, quantity: 2 }]));
    expect(placed.orders).toHaveLength(2);
    const rows = await ordersOfGroup(placed.groupId);
    const mine = rows.find((o) => o.sellerId === shop.seller.id);
    const theirs = rows.find((o) => o.sellerId === other.seller.id);
    expect(mine).toMatchObject({ subtotalMinor: 3998, shippingMinor: 500, totalMinor: 4498, commissionMinor: 320, status: "placed" });
    // 5200 is over the 5000 free-shipping threshold.
    expect(theirs).toMatchObject({ subtotalMinor: 5200, shippingMinor: 0, totalMinor: 5200, commissionMinor: 260, status: "placed" });
    expect(placed.totalMinor).toBe(4498 + 5200);
    const [line] = await db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, mine?.id ?? ""));
    expect(line).toMatchObject({ title: "Enamel camp mug", unitPriceMinor: 1999, quantity: 2, commissionRateBps: 800 });
  });

  it("refuses when the total the shopper saw is no longer right, charging nothing", async () => {
    const { variant } = await createProduct(db, shop, { stock: 4, priceMinor: 1000 });
    const error = await domainErrorOf(placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 1 }], { expectedTotalMinor: 1 })));
    expect(error.code).toBe("CONFLICT");
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 4, reserved: 0 });
  });

  it("needs an address for shipping and refuses a country the seller does not deliver to", async () => {
    const { variant } = await createProduct(db, shop, { stock: 4 });
    expect((await domainErrorOf(placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 1 }], { address: null })))).fieldErrors.address).toBeTruthy();
    const abroad = await domainErrorOf(placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 1 }], { address: { ...testAddress, country: "FR" } })));
    expect(abroad.message).toMatch(/does not deliver to FR/);
  });

  it("takes pickup stock only from the chosen pickup location", async () => {
    const pickupShop = await createShop(db, { pickup: true });
    const { variant } = await createProduct(db, pickupShop, { stock: 2 });
    const choice = { sellerId: pickupShop.seller.id, pickupLocationId: pickupShop.locationId };
    const placed = await placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 2 }], { deliveryChoices: [choice], address: null }));
    const [order] = await ordersOfGroup(placed.groupId);
    expect(order).toMatchObject({ fulfilment: "pickup", shippingMinor: 0, pickupLocationId: pickupShop.locationId });
    const refused = await domainErrorOf(placeOrder(db, provider, await request([{ variantId: variant.id, quantity: 1 }], { deliveryChoices: [choice], address: null })));
    // Nothing left at the location, so pickup is no longer an option.
    expect(refused.fieldErrors[`delivery.${pickupShop.seller.id}`]).toBeTruthy();
  });
});

describe("a process that stops mid-checkout", () => {
  it("holds the stock until the sweeper releases it after the hold expires", async () => {
    const { variant } = await createProduct(db, shop, { stock: 2 });
    const crashing: PaymentProvider = { ...provider, authorize: () => Promise.reject(new Error("process killed")) };
    await expect(placeOrder(db, crashing, await request([{ variantId: variant.id, quantity: 2 }]))).rejects.toThrow("process killed");
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 2, reserved: 2 });

    expect(await releaseExpiredCheckouts(db, new Date())).toBe(0);
    expect(await releaseExpiredCheckouts(db, new Date(Date.now() + 16 * 60_000))).toBe(1);
    expect(await stockOf(db, variant.id)).toEqual({ onHand: 2, reserved: 0 });
  });
});
