/**
 * The words of every order message, as plain text: an e-mail subject and body, and a short SMS.
 * Pure functions of what the message is about, so they are unit-tested without a database.
 */
import type { AddressSnapshot } from "@agora/db/schema";
import { formatMoney } from "../money";
import { formatDateRange, type DateRange } from "../shipping/delivery-estimate";

export interface OrderLineSummary {
  title: string;
  /** e.g. "Size: M · Colour: Blue"; empty for a listing without options. */
  variantLabel: string;
  quantity: number;
  lineTotalMinor: number;
}

/** One seller order, as the messages describe it. */
export interface OrderSummary {
  number: number;
  storeName: string;
  currency: string;
  fulfilment: "shipping" | "pickup";
  /** The shipping method or pickup location name chosen at checkout. */
  deliveryLabel: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  estimated: DateRange;
  promised: DateRange;
  carrier: string | null;
  trackingNumber: string | null;
  cancelReason: string | null;
  cancelledBy: "buyer" | "seller" | "system" | null;
  lines: OrderLineSummary[];
  /** Where the reader sees the order. */
  url: string;
}

export interface MessageContent {
  subject: string;
  /** The e-mail body. */
  body: string;
  /** The SMS text: one short paragraph with a link. */
  sms: string;
}

/** What happened to the money of a cancelled order. */
export type PaymentOutcome =
  | { kind: "released"; amountMinor: number }
  | { kind: "refunded"; amountMinor: number }
  /** Charged, and the refund is not made yet. */
  | { kind: "refund_due"; amountMinor: number }
  | { kind: "none" };

const SIGNATURE = "— Agora";

const money = (minor: number, currency: string) => formatMoney(minor, currency);
const orderNo = (order: Pick<OrderSummary, "number">) => `#${order.number}`;
const greeting = (name: string | null) => (name?.trim() ? `Hi ${name.trim()},` : "Hello,");
const paragraphs = (...parts: (string | null | false | undefined)[]) => parts.filter((p): p is string => !!p).join("\n\n");

function lineText(line: OrderLineSummary, currency: string): string {
  const variant = line.variantLabel ? ` (${line.variantLabel})` : "";
  return `  ${line.quantity} × ${line.title}${variant} — ${money(line.lineTotalMinor, currency)}`;
}

function itemCount(order: Pick<OrderSummary, "lines">): string {
  const n = order.lines.reduce((sum, l) => sum + l.quantity, 0);
  return n === 1 ? "1 item" : `${n} items`;
}

/** "Estimated delivery: …" or "Ready for pickup at …: …". */
function estimateLine(order: OrderSummary): string {
  return order.fulfilment === "pickup"
    ? `Ready for pickup at ${order.deliveryLabel}: ${formatDateRange(order.estimated)}`
    : `Estimated delivery (${order.deliveryLabel}): ${formatDateRange(order.estimated)}`;
}

function shortEstimate(order: OrderSummary): string {
  return order.fulfilment === "pickup"
    ? `ready for pickup ${formatDateRange(order.estimated)}`
    : `estimated delivery ${formatDateRange(order.estimated)}`;
}

function shippingText(order: OrderSummary): string {
  if (order.fulfilment === "pickup") return "Pickup: free";
  return `Shipping: ${order.shippingMinor === 0 ? "free" : money(order.shippingMinor, order.currency)}`;
}

/** The items and totals of one order, indented under its heading. */
function orderBlock(order: OrderSummary, options: { heading: string }): string {
  return [
    options.heading,
    ...order.lines.map((l) => lineText(l, order.currency)),
    `  Items: ${money(order.subtotalMinor, order.currency)}`,
    `  ${shippingText(order)}`,
    `  Order total: ${money(order.totalMinor, order.currency)}`,
    `  ${estimateLine(order)}`,
    `  View the order: ${order.url}`,
  ].join("\n");
}

export function formatAddress(address: AddressSnapshot): string {
  const cityLine = [address.city, [address.region, address.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [address.name, address.line1, address.line2, cityLine, address.country, address.phone ? `Phone: ${address.phone}` : null]
    .filter((l): l is string => !!l)
    .map((l) => `  ${l}`)
    .join("\n");
}

/** To the shopper, once per checkout: every seller order it created. */
export function checkoutConfirmedMessage(input: {
  recipientName: string | null;
  orders: OrderSummary[];
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  shippingAddress: AddressSnapshot | null;
  /** The shopper's order list, linked from an SMS about several orders. */
  ordersUrl: string;
}): MessageContent {
  const { orders, currency } = input;
  const first = orders[0];
  const single = orders.length === 1 && first ? first : null;
  const numbers = orders.map(orderNo).join(", ");
  const subject = single ? `Order ${orderNo(single)} is confirmed` : `Your ${orders.length} orders are confirmed (${numbers})`;
  const intro = single
    ? `Thank you for your order from ${single.storeName}. Here is what you bought.`
    : `Thank you for your order. It is split into ${orders.length} orders, one per store, and each store sends its own parcel.`;
  const body = paragraphs(
    greeting(input.recipientName),
    intro,
    ...orders.map((o) => orderBlock(o, { heading: `Order ${orderNo(o)} — ${o.storeName}` })),
    !single &&
      [
        `Items: ${money(input.subtotalMinor, currency)}`,
        `Shipping: ${input.shippingMinor === 0 ? "free" : money(input.shippingMinor, currency)}`,
        `Total: ${money(input.totalMinor, currency)}`,
      ].join("\n"),
    input.shippingAddress &&
      orders.some((o) => o.fulfilment === "shipping") &&
      `Shipping to:\n${formatAddress(input.shippingAddress)}`,
    single
      ? `Your card was authorised for ${money(input.totalMinor, currency)}. It is charged only when ${single.storeName} ships your order; if the order is cancelled before then, the hold is released.`
      : `Your card was authorised for ${money(input.totalMinor, currency)}. Each store's part is charged only when that store ships it; if an order is cancelled before then, its hold is released.`,
    "We will tell you when each store accepts and ships its order.",
    SIGNATURE,
  );
  const sms = single
    ? `Agora: order ${orderNo(single)} from ${single.storeName} is confirmed (${money(single.totalMinor, currency)}), ${shortEstimate(single)}. ${single.url}`
    : `Agora: your ${orders.length} orders ${numbers} are confirmed (total ${money(input.totalMinor, currency)}). ${input.ordersUrl}`;
  return { subject, body, sms };
}

export function orderAcceptedMessage(input: { recipientName: string | null; order: OrderSummary }): MessageContent {
  const { order } = input;
  return {
    subject: `Order ${orderNo(order)} was accepted by ${order.storeName}`,
    body: paragraphs(
      greeting(input.recipientName),
      `${order.storeName} has accepted your order ${orderNo(order)} and is preparing it.`,
      estimateLine(order),
      ["Items:", ...order.lines.map((l) => lineText(l, order.currency))].join("\n"),
      `View the order: ${order.url}`,
      SIGNATURE,
    ),
    sms: `Agora: ${order.storeName} accepted order ${orderNo(order)}, ${shortEstimate(order)}. ${order.url}`,
  };
}

export function orderShippedMessage(input: { recipientName: string | null; order: OrderSummary }): MessageContent {
  const { order } = input;
  if (order.fulfilment === "pickup") {
    return {
      subject: `Order ${orderNo(order)} is ready for pickup`,
      body: paragraphs(
        greeting(input.recipientName),
        `Your order ${orderNo(order)} from ${order.storeName} is ready for pickup at ${order.deliveryLabel}.`,
        ["Items:", ...order.lines.map((l) => lineText(l, order.currency))].join("\n"),
        `View the order: ${order.url}`,
        SIGNATURE,
      ),
      sms: `Agora: order ${orderNo(order)} from ${order.storeName} is ready for pickup at ${order.deliveryLabel}. ${order.url}`,
    };
  }
  const tracking = [
    order.carrier && `Carrier: ${order.carrier}`,
    order.trackingNumber && `Tracking number: ${order.trackingNumber}`,
  ]
    .filter(Boolean)
    .join("\n");
  const smsTracking = [order.carrier, order.trackingNumber && `tracking ${order.trackingNumber}`].filter(Boolean).join(", ");
  return {
    subject: `Order ${orderNo(order)} has shipped`,
    body: paragraphs(
      greeting(input.recipientName),
      `${order.storeName} has shipped your order ${orderNo(order)}.`,
      tracking,
      estimateLine(order),
      ["Items:", ...order.lines.map((l) => lineText(l, order.currency))].join("\n"),
      `View the order: ${order.url}`,
      SIGNATURE,
    ),
    sms: `Agora: order ${orderNo(order)} from ${order.storeName} has shipped${smsTracking ? ` (${smsTracking})` : ""}, ${shortEstimate(order)}. ${order.url}`,
  };
}

export function orderDeliveredMessage(input: { recipientName: string | null; order: OrderSummary }): MessageContent {
  const { order } = input;
  const verb = order.fulfilment === "pickup" ? "collected" : "delivered";
  return {
    subject: `Order ${orderNo(order)} was ${verb}`,
    body: paragraphs(
      greeting(input.recipientName),
      `${order.storeName} marked your order ${orderNo(order)} (${itemCount(order)}) as ${verb}. We hope you enjoy it.`,
      `View the order: ${order.url}`,
      SIGNATURE,
    ),
    sms: `Agora: order ${orderNo(order)} from ${order.storeName} was ${verb}. ${order.url}`,
  };
}

export function orderDelayedMessage(input: {
  recipientName: string | null;
  order: OrderSummary;
  sellerNote: string | null;
}): MessageContent {
  const { order } = input;
  const newRange = formatDateRange(order.estimated);
  const what = order.fulfilment === "pickup" ? "ready for pickup" : "delivery";
  return {
    subject: `Order ${orderNo(order)} is delayed — new estimated ${what}: ${newRange}`,
    body: paragraphs(
      greeting(input.recipientName),
      `${order.storeName} has changed the estimate for your order ${orderNo(order)}.`,
      [`New estimated ${what}: ${newRange}`, `Estimated at checkout: ${formatDateRange(order.promised)}`].join("\n"),
      input.sellerNote?.trim() && `Message from ${order.storeName}:\n${input.sellerNote.trim()}`,
      `View the order: ${order.url}`,
      SIGNATURE,
    ),
    sms: `Agora: order ${orderNo(order)} from ${order.storeName} is delayed. New estimated ${what}: ${newRange}. ${order.url}`,
  };
}

export function orderCancelledMessage(input: {
  recipientName: string | null;
  order: OrderSummary;
  payment: PaymentOutcome;
}): MessageContent {
  const { order, payment } = input;
  const reason = order.cancelReason?.trim();
  const what =
    order.cancelledBy === "buyer"
      ? `You cancelled your order ${orderNo(order)} from ${order.storeName}.`
      : order.cancelledBy === "seller"
        ? `${order.storeName} cancelled your order ${orderNo(order)}.`
        : `Your order ${orderNo(order)} from ${order.storeName} was cancelled.`;
  const paymentText =
    payment.kind === "released"
      ? `The ${money(payment.amountMinor, order.currency)} held on your card has been released: you were not charged. Your bank may take a few days to remove the hold.`
      : payment.kind === "refunded"
        ? `${money(payment.amountMinor, order.currency)} has been refunded to your card. It may take a few business days to appear on your statement.`
        : payment.kind === "refund_due"
          ? `You were charged ${money(payment.amountMinor, order.currency)} for this order; it will be refunded to your card.`
          : "You were not charged for this order.";
  const smsPayment =
    payment.kind === "released"
      ? "The payment hold was released; you were not charged."
      : payment.kind === "refunded"
        ? `${money(payment.amountMinor, order.currency)} was refunded.`
        : payment.kind === "refund_due"
          ? `${money(payment.amountMinor, order.currency)} will be refunded.`
          : "You were not charged.";
  return {
    subject: `Order ${orderNo(order)} was cancelled`,
    body: paragraphs(
      greeting(input.recipientName),
      what,
      reason && `Reason: ${reason}`,
      paymentText,
      ["Cancelled items:", ...order.lines.map((l) => lineText(l, order.currency))].join("\n"),
      `View the order: ${order.url}`,
      SIGNATURE,
    ),
    sms: `Agora: order ${orderNo(order)} from ${order.storeName} was cancelled${reason ? ` (${reason})` : ""}. ${smsPayment} ${order.url}`,
  };
}

/** To the store's contact e-mail when a paid order arrives. */
export function sellerNewOrderMessage(input: { order: OrderSummary; shippingAddress: AddressSnapshot | null }): MessageContent {
  const { order } = input;
  const delivery =
    order.fulfilment === "pickup"
      ? `Pickup at ${order.deliveryLabel}, promised to the shopper for ${formatDateRange(order.promised)}.`
      : `${order.deliveryLabel}, delivery promised to the shopper for ${formatDateRange(order.promised)}.`;
  return {
    subject: `New order ${orderNo(order)}: ${itemCount(order)}, ${money(order.totalMinor, order.currency)}`,
    body: paragraphs(
      "Hello,",
      `${order.storeName} has a new paid order on Agora: ${orderNo(order)}.`,
      [
        "Items:",
        ...order.lines.map((l) => lineText(l, order.currency)),
        `  Items: ${money(order.subtotalMinor, order.currency)}`,
        `  ${shippingText(order)}`,
        `  Order total: ${money(order.totalMinor, order.currency)}`,
      ].join("\n"),
      `Delivery: ${delivery}`,
      order.fulfilment === "shipping" && input.shippingAddress && `Ship to:\n${formatAddress(input.shippingAddress)}`,
      `Accept and ship it from the seller portal: ${order.url}`,
      SIGNATURE,
    ),
    sms: `Agora: new order ${orderNo(order)} for ${order.storeName} (${itemCount(order)}, ${money(order.totalMinor, order.currency)}). ${order.url}`,
  };
}
