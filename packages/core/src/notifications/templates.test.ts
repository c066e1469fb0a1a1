import { describe, expect, it } from "vitest";
import {
  checkoutConfirmedMessage,
  orderAcceptedMessage,
  orderCancelledMessage,
  orderDelayedMessage,
  orderDeliveredMessage,
  orderShippedMessage,
  sellerNewOrderMessage,
  type OrderSummary,
} from "./templates";

const order = (overrides: Partial<OrderSummary> = {}): OrderSummary => ({
  number: 100001,
  storeName: "Northwind Outfitters",
  currency: "USD",
  fulfilment: "shipping",
  deliveryLabel: "Standard",
  subtotalMinor: 7000,
  shippingMinor: 500,
  totalMinor: 7500,
  estimated: { from: "2026-12-03", to: "2026-12-07" },
  promised: { from: "2026-12-03", to: "2026-12-07" },
  carrier: null,
  trackingNumber: null,
  cancelReason: null,
  cancelledBy: null,
  lines: [
    { title: "Waxed canvas tote", variantLabel: "Colour: Olive", quantity: 2, lineTotalMinor: 5000 },
    { title: "Merino beanie", variantLabel: "", quantity: 1, lineTotalMinor: 2000 },
  ],
  url: "https://shop.example/orders/o-1",
  ...overrides,
});

const address = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  line2: null,
  city: "London",
  region: null,
  postalCode: "SW1Y 4JH",
  country: "GB",
  phone: null,
};

describe("checkoutConfirmedMessage", () => {
  it("lists every seller order with its number, store, items, estimate, totals and link", () => {
    const second = order({
      number: 100002,
      storeName: "Harbor Home",
      fulfilment: "pickup",
      deliveryLabel: "Harbor Home warehouse",
      shippingMinor: 0,
      subtotalMinor: 1250,
      totalMinor: 1250,
      estimated: { from: "2026-12-02", to: "2026-12-02" },
      lines: [{ title: "Linen napkins", variantLabel: "", quantity: 1, lineTotalMinor: 1250 }],
      url: "https://shop.example/orders/o-2",
    });
    const m = checkoutConfirmedMessage({
      recipientName: "Ada",
      orders: [order(), second],
      currency: "USD",
      subtotalMinor: 8250,
      shippingMinor: 500,
      totalMinor: 8750,
      shippingAddress: address,
      ordersUrl: "https://shop.example/orders",
    });
    expect(m.subject).toBe("Your 2 orders are confirmed (#100001, #100002)");
    expect(m.body).toContain("Hi Ada,");
    expect(m.body).toContain("Order #100001 — Northwind Outfitters");
    expect(m.body).toContain("  2 × Waxed canvas tote (Colour: Olive) — $50.00");
    expect(m.body).toContain("  1 × Merino beanie — $20.00");
    expect(m.body).toContain("Estimated delivery (Standard): Thu, Dec 3 – Mon, Dec 7");
    expect(m.body).toContain("View the order: https://shop.example/orders/o-1");
    expect(m.body).toContain("Order #100002 — Harbor Home");
    expect(m.body).toContain("Ready for pickup at Harbor Home warehouse: Wed, Dec 2");
    expect(m.body).toContain("View the order: https://shop.example/orders/o-2");
    expect(m.body).toContain("Items: $82.50\nShipping: $5.00\nTotal: $87.50");
    expect(m.body).toContain("Each store's part is charged only when that store ships it");
    expect(m.body).toContain("Shipping to:\n  Ada Lovelace\n  12 St James's Square\n  London, SW1Y 4JH\n  GB");
    expect(m.sms).toBe("Agora: your 2 orders #100001, #100002 are confirmed (total $87.50). https://shop.example/orders");
  });

  it("reads naturally for one order and a guest without a name", () => {
    const m = checkoutConfirmedMessage({
      recipientName: null,
      orders: [order()],
      currency: "USD",
      subtotalMinor: 7000,
      shippingMinor: 500,
      totalMinor: 7500,
      shippingAddress: null,
      ordersUrl: "https://shop.example/orders",
    });
    expect(m.subject).toBe("Order #100001 is confirmed");
    expect(m.body.startsWith("Hello,\n\nThank you for your order from Northwind Outfitters.")).toBe(true);
    expect(m.body).toContain("  Shipping: $5.00\n  Order total: $75.00");
    expect(m.body).not.toContain("Shipping to:");
    expect(m.body).toContain("Your card was authorised for $75.00. It is charged only when Northwind Outfitters ships your order");
    expect(m.sms).toBe(
      "Agora: order #100001 from Northwind Outfitters is confirmed ($75.00), estimated delivery Thu, Dec 3 – Mon, Dec 7. https://shop.example/orders/o-1",
    );
  });
});

describe("order status messages", () => {
  it("accepted: says who accepted it and when it should arrive", () => {
    const m = orderAcceptedMessage({ recipientName: "Ada", order: order() });
    expect(m.subject).toBe("Order #100001 was accepted by Northwind Outfitters");
    expect(m.body).toContain("Estimated delivery (Standard): Thu, Dec 3 – Mon, Dec 7");
    expect(m.sms).toContain("https://shop.example/orders/o-1");
  });

  it("shipped: includes the carrier and tracking number", () => {
    const m = orderShippedMessage({
      recipientName: "Ada",
      order: order({ carrier: "UPS", trackingNumber: "1Z999AA10123456784" }),
    });
    expect(m.subject).toBe("Order #100001 has shipped");
    expect(m.body).toContain("Carrier: UPS\nTracking number: 1Z999AA10123456784");
    expect(m.sms).toBe(
      "Agora: order #100001 from Northwind Outfitters has shipped (UPS, tracking 1Z999AA10123456784), estimated delivery Thu, Dec 3 – Mon, Dec 7. https://shop.example/orders/o-1",
    );
  });

  it("shipped: a pickup order is ready for pickup instead", () => {
    const m = orderShippedMessage({
      recipientName: "Ada",
      order: order({ fulfilment: "pickup", deliveryLabel: "Portland store" }),
    });
    expect(m.subject).toBe("Order #100001 is ready for pickup");
    expect(m.body).toContain("ready for pickup at Portland store");
  });

  it("delivered", () => {
    const m = orderDeliveredMessage({ recipientName: "Ada", order: order() });
    expect(m.subject).toBe("Order #100001 was delivered");
    expect(m.body).toContain("marked your order #100001 (3 items) as delivered");
  });

  it("delayed: gives the new range, the one estimated at checkout and the seller's note", () => {
    const m = orderDelayedMessage({
      recipientName: "Ada",
      order: order({ estimated: { from: "2026-12-10", to: "2026-12-14" } }),
      sellerNote: "  Our supplier is a week late with the canvas.  ",
    });
    expect(m.subject).toBe("Order #100001 is delayed — new estimated delivery: Thu, Dec 10 – Mon, Dec 14");
    expect(m.body).toContain("New estimated delivery: Thu, Dec 10 – Mon, Dec 14\nEstimated at checkout: Thu, Dec 3 – Mon, Dec 7");
    expect(m.body).toContain("Message from Northwind Outfitters:\nOur supplier is a week late with the canvas.");
    expect(m.sms).toBe(
      "Agora: order #100001 from Northwind Outfitters is delayed. New estimated delivery: Thu, Dec 10 – Mon, Dec 14. https://shop.example/orders/o-1",
    );
  });

  it("delayed without a note leaves the note out", () => {
    expect(orderDelayedMessage({ recipientName: null, order: order(), sellerNote: null }).body).not.toContain("Message from");
  });

  it("cancelled by the seller: the reason and that the hold was released", () => {
    const m = orderCancelledMessage({
      recipientName: "Ada",
      order: order({ cancelledBy: "seller", cancelReason: "The last one was damaged in the warehouse." }),
      payment: { kind: "released", amountMinor: 7500 },
    });
    expect(m.subject).toBe("Order #100001 was cancelled");
    expect(m.body).toContain("Northwind Outfitters cancelled your order #100001.");
    expect(m.body).toContain("Reason: The last one was damaged in the warehouse.");
    expect(m.body).toContain("The $75.00 held on your card has been released: you were not charged.");
    expect(m.sms).toContain("The payment hold was released; you were not charged.");
  });

  it("cancelled after capture: says the money was refunded", () => {
    const m = orderCancelledMessage({
      recipientName: "Ada",
      order: order({ cancelledBy: "buyer", cancelReason: "Changed my mind" }),
      payment: { kind: "refunded", amountMinor: 7500 },
    });
    expect(m.body).toContain("You cancelled your order #100001 from Northwind Outfitters.");
    expect(m.body).toContain("$75.00 has been refunded to your card.");
    expect(m.sms).toContain("$75.00 was refunded.");
  });

  it("keeps amounts in the order's currency", () => {
    const m = orderCancelledMessage({
      recipientName: null,
      order: order({ currency: "EUR" }),
      payment: { kind: "refunded", amountMinor: 1999 },
    });
    expect(m.body).toContain("€19.99 has been refunded");
  });
});

describe("sellerNewOrderMessage", () => {
  it("tells the store what to send where, and links to the seller portal", () => {
    const m = sellerNewOrderMessage({ order: order({ url: "https://sell.example/orders/o-1" }), shippingAddress: address });
    expect(m.subject).toBe("New order #100001: 3 items, $75.00");
    expect(m.body).toContain("Delivery: Standard, delivery promised to the shopper for Thu, Dec 3 – Mon, Dec 7.");
    expect(m.body).toContain("Ship to:\n  Ada Lovelace");
    expect(m.body).toContain("Accept and ship it from the seller portal: https://sell.example/orders/o-1");
  });
});
