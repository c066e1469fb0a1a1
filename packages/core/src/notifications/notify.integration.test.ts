/**
 * Order notifications written to the outbox: one row per channel the person wants, in the same
 * transaction as the order change (a rollback leaves none), and a wake-up for the worker on commit.
 */
import { randomUUID } from "node:crypto";
import { asc, eq, schema, type Db } from "@agora/db";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createSellerAccount, createUser, domainErrorOf, uniqueSuffix } from "../../../../tooling/vitest/fixtures";
import { notifyOrder, OUTBOX_CHANNEL, type NotifyOptions } from "./notify";
import { getNotificationPreferences, setNotificationPreferences } from "./preferences";

const { db, url } = await useTestDatabase();
const { checkoutGroups, orderEvents, orderLines, orders, outboxMessages, payments } = schema;

const links: NotifyOptions = { storefrontUrl: "https://shop.example", sellerUrl: "https://sell.example" };
const everything = { email: true, sms: true };

/**
 * A placed checkout with one order per store, written directly (the rows placeOrder writes), so these
 * tests depend on nothing but the schema.
 */
async function placedCheckout(tx: Db, options: { buyerId: string | null; email?: string; sellerIds: string[] }) {
  const [group] = await tx
    .insert(checkoutGroups)
    .values({
      buyerId: options.buyerId,
      idempotencyKey: randomUUID(),
      fingerprint: "test",
      status: "completed",
      email: options.email ?? `buyer-${uniqueSuffix()}@agora.test`,
      shippingAddress: {
        name: "Ada Lovelace",
        line1: "1 Main St",
        line2: null,
        city: "Portland",
        region: "OR",
        postalCode: "97201",
        country: "US",
        phone: null,
      },
      currency: "USD",
      subtotalMinor: 5000 * options.sellerIds.length,
      shippingMinor: 500 * options.sellerIds.length,
      totalMinor: 5500 * options.sellerIds.length,
      expiresAt: new Date(Date.now() + 15 * 60_000),
    })
    .returning();
  if (!group) throw new Error("group insert returned nothing");
  const created = [];
  for (const sellerId of options.sellerIds) {
    const [order] = await tx
      .insert(orders)
      .values({
        groupId: group.id,
        sellerId,
        buyerId: options.buyerId,
        status: "placed",
        fulfilment: "shipping",
        deliveryLabel: "Standard",
        currency: "USD",
        subtotalMinor: 5000,
        shippingMinor: 500,
        totalMinor: 5500,
        commissionMinor: 500,
        promisedFrom: "2026-12-03",
        promisedTo: "2026-12-07",
        estimatedFrom: "2026-12-03",
        estimatedTo: "2026-12-07",
        placedAt: new Date(),
      })
      .returning();
    if (!order) throw new Error("order insert returned nothing");
    await tx.insert(orderLines).values({
      orderId: order.id,
      sku: `SKU-${uniqueSuffix()}`,
      title: "Waxed canvas tote",
      variantLabel: "Colour: Olive",
      unitPriceMinor: 2500,
      quantity: 2,
      lineTotalMinor: 5000,
      commissionRateBps: 1000,
      commissionMinor: 500,
    });
    created.push(order);
  }
  return { group, orders: created };
}

async function buyerWith(preferences: { email: boolean; sms: boolean; phone: string | null } | null) {
  const buyer = await createUser(db);
  if (preferences) await setNotificationPreferences(db, buyer.id, preferences, everything);
  return buyer;
}

const store = async () => (await createSellerAccount(db, "approved")).seller;
const messagesOfOrder = (orderId: string) =>
  db.select().from(outboxMessages).where(eq(outboxMessages.orderId, orderId)).orderBy(asc(outboxMessages.channel));
const messagesOfUser = (userId: string) =>
  db.select().from(outboxMessages).where(eq(outboxMessages.userId, userId)).orderBy(asc(outboxMessages.id));

describe("notifyOrder honours the shopper's channels", () => {
  it.each([
    ["no choice yet: e-mail only", null, ["email"]],
    ["e-mail only", { email: true, sms: false, phone: null }, ["email"]],
    ["SMS only", { email: false, sms: true, phone: "+14155550123" }, ["sms"]],
    ["both", { email: true, sms: true, phone: "+14155550123" }, ["email", "sms"]],
    ["none", { email: false, sms: false, phone: "+14155550123" }, []],
  ] as const)("%s", async (_, preferences, channels) => {
    const buyer = await buyerWith(preferences);
    const seller = await store();
    const { orders: placed } = await placedCheckout(db, { buyerId: buyer.id, sellerIds: [seller.id] });
    const order = placed[0];
    if (!order) throw new Error("no order");
    await db.transaction((tx) => notifyOrder(tx, { kind: "order_accepted", orderId: order.id }, links));
    const rows = await messagesOfOrder(order.id);
    expect(rows.map((r) => r.channel)).toEqual(channels);
    for (const row of rows) {
      expect(row).toMatchObject({
        userId: buyer.id,
        kind: "order_accepted",
        status: "pending",
        attempts: 0,
        recipient: row.channel === "email" ? buyer.email : "+14155550123",
      });
      expect(row.subject).toBe(`Order #${order.number} was accepted by ${seller.name}`);
    }
    const sms = rows.find((r) => r.channel === "sms");
    if (sms)
      expect(sms.body).toBe(
        `Agora: ${seller.name} accepted order #${order.number}, estimated delivery Thu, Dec 3 – Mon, Dec 7. https://shop.example/orders/${order.id}`,
      );
  });

  it("does not send SMS when it is switched on but no number is stored", async () => {
    const buyer = await createUser(db);
    // Written directly: the use-case refuses this, but an old row could look like it.
    await db.insert(schema.notificationPreferences).values({ userId: buyer.id, email: false, sms: true, phone: null });
    const { orders: placed } = await placedCheckout(db, { buyerId: buyer.id, sellerIds: [(await store()).id] });
    await db.transaction((tx) => notifyOrder(tx, { kind: "order_delivered", orderId: placed[0]?.id ?? "" }, links));
    expect(await messagesOfUser(buyer.id)).toEqual([]);
  });
});

describe("notifyOrder writes inside the caller's transaction", () => {
  it("leaves no message when the transaction rolls back", async () => {
    const buyer = await buyerWith({ email: true, sms: true, phone: "+14155550123" });
    const { orders: placed } = await placedCheckout(db, { buyerId: buyer.id, sellerIds: [(await store()).id] });
    const order = placed[0];
    if (!order) throw new Error("no order");
    const failure = await db
      .transaction(async (tx) => {
        await tx.update(orders).set({ status: "shipped", carrier: "UPS", trackingNumber: "1Z1" }).where(eq(orders.id, order.id));
        await notifyOrder(tx, { kind: "order_shipped", orderId: order.id }, links);
        expect(await tx.select().from(outboxMessages).where(eq(outboxMessages.orderId, order.id))).toHaveLength(2);
        throw new Error("the capture failed");
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(await messagesOfOrder(order.id)).toEqual([]);
    const [after] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(after?.status).toBe("placed");
  });

  it("reads what the same transaction just wrote (shipped: carrier and tracking)", async () => {
    const buyer = await buyerWith(null);
    const { orders: placed } = await placedCheckout(db, { buyerId: buyer.id, sellerIds: [(await store()).id] });
    const order = placed[0];
    if (!order) throw new Error("no order");
    await db.transaction(async (tx) => {
      await tx
        .update(orders)
        .set({ status: "shipped", carrier: "UPS", trackingNumber: "1Z999AA10123456784" })
        .where(eq(orders.id, order.id));
      await notifyOrder(tx, { kind: "order_shipped", orderId: order.id }, links);
    });
    const [email] = await messagesOfOrder(order.id);
    expect(email?.body).toContain("Carrier: UPS\nTracking number: 1Z999AA10123456784");
    expect(email?.body).toContain(`View the order: https://shop.example/orders/${order.id}`);
  });

  it("wakes listeners only when the transaction commits", async () => {
    const listener = postgres(url, { max: 1, onnotice: () => {} });
    const heard: string[] = [];
    try {
      await listener.listen(OUTBOX_CHANNEL, (payload) => heard.push(payload));
      const buyer = await buyerWith(null);
      const { orders: placed } = await placedCheckout(db, { buyerId: buyer.id, sellerIds: [(await store()).id] });
      const orderId = placed[0]?.id ?? "";
      await db
        .transaction(async (tx) => {
          await notifyOrder(tx, { kind: "order_accepted", orderId }, links);
          throw new Error("rolled back");
        })
        .catch(() => {});
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([]);
      await db.transaction((tx) => notifyOrder(tx, { kind: "order_accepted", orderId }, links));
      await expect.poll(() => heard.length).toBe(1);
    } finally {
      await listener.end();
    }
  });
});

describe("what each notice says", () => {
  it("checkout_confirmed: one message for the whole checkout, listing each seller order", async () => {
    const buyer = await buyerWith({ email: true, sms: true, phone: "+447700900123" });
    const [a, b] = [await store(), await store()];
    const { orders: placed } = await placedCheckout(db, { buyerId: buyer.id, sellerIds: [a.id, b.id] });
    await db.transaction(async (tx) => {
      const [group] = await tx
        .select({ id: orders.groupId })
        .from(orders)
        .where(eq(orders.id, placed[0]?.id ?? ""));
      await notifyOrder(tx, { kind: "checkout_confirmed", groupId: group?.id ?? "" }, links);
    });
    const rows = await messagesOfUser(buyer.id);
    expect(rows.map((r) => [r.kind, r.channel, r.orderId])).toEqual([
      ["checkout_confirmed", "email", null],
      ["checkout_confirmed", "sms", null],
    ]);
    const [email, sms] = rows;
    for (const [order, seller] of [
      [placed[0], a],
      [placed[1], b],
    ] as const) {
      expect(email?.body).toContain(`Order #${order?.number} — ${seller.name}`);
      expect(email?.body).toContain(`https://shop.example/orders/${order?.id}`);
    }
    expect(email?.body).toContain("2 × Waxed canvas tote (Colour: Olive) — $50.00");
    expect(email?.body).toContain("Total: $110.00");
    expect(sms?.body).toContain("https://shop.example/orders");
  });

  it("checkout_confirmed for a guest goes to the checkout's e-mail", async () => {
    const email = `guest-${uniqueSuffix()}@agora.test`;
    const { group } = await placedCheckout(db, { buyerId: null, email, sellerIds: [(await store()).id] });
    await db.transaction((tx) => notifyOrder(tx, { kind: "checkout_confirmed", groupId: group.id }, links));
    const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.recipient, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: null, channel: "email" });
    expect(rows[0]?.body.startsWith("Hello,")).toBe(true);
  });

  it("seller_new_order: e-mail to the store's contact address, visible to its owner", async () => {
    const { viewer: owner, seller } = await createSellerAccount(db, "approved");
    const { orders: placed } = await placedCheckout(db, {
      buyerId: (await buyerWith({ email: false, sms: false, phone: null })).id,
      sellerIds: [seller.id],
    });
    const order = placed[0];
    if (!order) throw new Error("no order");
    await db.transaction((tx) => notifyOrder(tx, { kind: "seller_new_order", orderId: order.id }, links));
    const rows = await messagesOfOrder(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "seller_new_order",
      channel: "email",
      recipient: seller.contactEmail,
      userId: owner.id,
    });
    expect(rows[0]?.subject).toBe(`New order #${order.number}: 2 items, $55.00`);
    expect(rows[0]?.body).toContain(`https://sell.example/orders/${order.id}`);
    expect(rows[0]?.body).toContain("Ship to:\n  Ada Lovelace\n  1 Main St\n  Portland, OR 97201\n  US");
  });

  it("order_delayed: the new range and the seller's latest note", async () => {
    const buyer = await buyerWith(null);
    const { orders: placed } = await placedCheckout(db, { buyerId: buyer.id, sellerIds: [(await store()).id] });
    const order = placed[0];
    if (!order) throw new Error("no order");
    await db.transaction(async (tx) => {
      await tx.update(orders).set({ estimatedFrom: "2026-12-10", estimatedTo: "2026-12-14" }).where(eq(orders.id, order.id));
      await tx.insert(orderEvents).values({ orderId: order.id, type: "delayed", note: "Our supplier is late with the canvas." });
      await notifyOrder(tx, { kind: "order_delayed", orderId: order.id }, links);
    });
    const [email] = await messagesOfOrder(order.id);
    expect(email?.subject).toBe(`Order #${order.number} is delayed — new estimated delivery: Thu, Dec 10 – Mon, Dec 14`);
    expect(email?.body).toContain("Estimated at checkout: Thu, Dec 3 – Mon, Dec 7");
    expect(email?.body).toContain("Our supplier is late with the canvas.");
  });

  it.each([
    ["voided", "The $55.00 held on your card has been released: you were not charged."],
    ["refunded", "$55.00 has been refunded to your card."],
  ] as const)("order_cancelled with a %s payment: the reason and what happened to the money", async (status, sentence) => {
    const buyer = await buyerWith(null);
    const seller = await store();
    const { group, orders: placed } = await placedCheckout(db, { buyerId: buyer.id, sellerIds: [seller.id] });
    const order = placed[0];
    if (!order) throw new Error("no order");
    await db.transaction(async (tx) => {
      await tx.insert(payments).values({
        groupId: group.id,
        orderId: order.id,
        sellerId: seller.id,
        provider: "test",
        providerRef: `test_${uniqueSuffix()}`,
        status,
        currency: "USD",
        amountMinor: 5500,
        capturedMinor: status === "refunded" ? 5500 : 0,
        refundedMinor: status === "refunded" ? 5500 : 0,
      });
      await tx
        .update(orders)
        .set({ status: "cancelled", cancelledBy: "seller", cancelReason: "Damaged in the warehouse." })
        .where(eq(orders.id, order.id));
      await notifyOrder(tx, { kind: "order_cancelled", orderId: order.id }, links);
    });
    const [email] = await messagesOfOrder(order.id);
    expect(email?.body).toContain(`${seller.name} cancelled your order #${order.number}.`);
    expect(email?.body).toContain("Reason: Damaged in the warehouse.");
    expect(email?.body).toContain(sentence);
  });

  it("refuses an order that does not exist, writing nothing", async () => {
    const error = await domainErrorOf(
      db.transaction((tx) => notifyOrder(tx, { kind: "order_accepted", orderId: randomUUID() }, links)),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("notification preferences", () => {
  it("default to e-mail only and are saved and changed in place", async () => {
    const person = await createUser(db);
    expect(await getNotificationPreferences(db, person.id)).toEqual({ email: true, sms: false, phone: null });
    await setNotificationPreferences(db, person.id, { email: false, sms: true, phone: "+14155550123" }, everything);
    await setNotificationPreferences(db, person.id, { email: true, sms: true, phone: "+14155550199" }, everything);
    expect(await getNotificationPreferences(db, person.id)).toEqual({ email: true, sms: true, phone: "+14155550199" });
  });

  it("cannot switch on a channel this deployment cannot deliver", async () => {
    const person = await createUser(db);
    const error = await domainErrorOf(
      setNotificationPreferences(db, person.id, { email: true, sms: true, phone: "+14155550123" }, { email: true, sms: false }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toEqual({ sms: "Text messages are not available yet" });
    expect(await getNotificationPreferences(db, person.id)).toEqual({ email: true, sms: false, phone: null });
  });
});
