import { createHash } from "node:crypto";
import { and, asc, eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { DeliveryChoiceInput } from "@agora/validators";
import { cacheTags } from "../catalog/cache-tags";
import { correlated } from "../correlated";
import { DomainError } from "../errors";
import { notifyOrder } from "../notifications/notify";
import { PaymentProviderError, type PaymentMethodInput, type PaymentProvider } from "../payments/provider";
import { defaultDeliveryOption, deliveryOptionsFor, type DeliveryOption } from "../shipping/delivery-options";
import { commissionOf, commissionRatesFor } from "./commission";
import { refreshStockOf, releaseReservations } from "./stock-moves";

const { checkoutGroups, orders, orderLines, orderAllocations, orderEvents, payments, variants, listings, sellers, listingImages, stockLevels, cartLines } =
  schema;

type AddressSnapshot = schema.AddressSnapshot;

/** How long stock stays reserved for a checkout whose payment never finished (e.g. the server stopped). */
export const CHECKOUT_HOLD_MINUTES = 15;

export interface PlaceOrderRequest {
  buyer: { id: string; email: string };
  idempotencyKey: string;
  lines: { variantId: string; quantity: number }[];
  /** Per seller; a seller without a choice gets the default option (cheapest shipping). */
  deliveryChoices: DeliveryChoiceInput[];
  /** Needed unless every seller's part is picked up. */
  address: AddressSnapshot | null;
  payment: PaymentMethodInput;
  /** The total the shopper saw; when prices changed since, nothing is charged and the shopper is told. */
  expectedTotalMinor?: number;
  /** The cart the lines came from: its ordered lines are removed when the order is placed. */
  cartId?: string;
}

export interface PlacedCheckout {
  groupId: string;
  totalMinor: number;
  orders: { id: string; number: number; sellerId: string }[];
  /** Storefront cache tags to expire: stock changed for these listings. */
  cacheTags: string[];
}

interface ReservedOrder {
  id: string;
  number: number;
  sellerId: string;
  sellerName: string;
  totalMinor: number;
}

/**
 * Places an order for a shopper: one checkout group, one order per seller.
 *
 * 1. One transaction re-prices every line from the database (client prices are never used), locks the
 *    stock rows and reserves the units (reserved ≤ on hand is a CHECK, so stock can never go negative),
 *    and writes the orders as "pending payment" with snapshots of each line.
 * 2. Each seller order's payment is authorised with the provider, outside the transaction.
 * 3. A second transaction confirms the orders and writes the notifications; or, when a card is declined,
 *    the compensation path voids what was authorised, releases the stock and deletes the orders.
 *
 * The idempotency key makes this safe to repeat: a double click or a retry returns the first result. If the
 * process stops between steps, the sweeper (releaseExpiredCheckouts) releases the held stock.
 */
export async function placeOrder(db: Db, provider: PaymentProvider, request: PlaceOrderRequest, now: Date = new Date()): Promise<PlacedCheckout> {
  const lines = aggregateLines(request.lines);
  if (!lines.length) throw new DomainError("INVALID_INPUT", "Your cart is empty.");
  const fingerprint = fingerprintOf(request, lines);

  const reserved = await reserve(db, request, lines, fingerprint, now);
  if (reserved.kind === "existing") return awaitExisting(db, request.buyer.id, request.idempotencyKey, fingerprint);

  const authorised: { order: ReservedOrder; providerRef: string; cardBrand: string | null; cardLast4: string | null }[] = [];
  let declined: { code: string; message: string; order: ReservedOrder } | null = null;
  for (const order of reserved.orders) {
    try {
      const result = await provider.authorize({
        amountMinor: order.totalMinor,
        currency: reserved.currency,
        idempotencyKey: `${order.id}:authorize`,
        method: request.payment,
        description: `Order #${order.number} from ${order.sellerName}`,
        metadata: { orderId: order.id, groupId: reserved.groupId, sellerId: order.sellerId },
      });
      if (!result.ok) {
        declined = { code: result.code, message: result.message, order };
        break;
      }
      authorised.push({ order, providerRef: result.providerRef, cardBrand: result.cardBrand, cardLast4: result.cardLast4 });
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      declined = { code: "processing_error", message: "The payment could not be processed. Nothing was charged; please try again.", order };
      break;
    }
  }

  if (declined) {
    await voidQuietly(provider, authorised);
    await db.transaction(async (tx) => {
      await releaseReservations(
        tx,
        reserved.orders.map((o) => o.id),
      );
      await tx.insert(payments).values({
        groupId: reserved.groupId,
        orderId: null,
        sellerId: declined.order.sellerId,
        provider: provider.name,
        status: "declined",
        currency: reserved.currency,
        amountMinor: declined.order.totalMinor,
        failureCode: declined.code,
        failureMessage: declined.message,
      });
      await tx.delete(orders).where(eq(orders.groupId, reserved.groupId));
      await tx
        .update(checkoutGroups)
        .set({ status: "declined", declineCode: declined.code, declineMessage: declined.message })
        .where(eq(checkoutGroups.id, reserved.groupId));
    });
    throw new DomainError("PAYMENT_DECLINED", declined.message, { fieldErrors: { payment: declined.message } });
  }

  const confirmed = await db.transaction(async (tx) => {
    const [group] = await tx
      .update(checkoutGroups)
      .set({ status: "completed" })
      .where(and(eq(checkoutGroups.id, reserved.groupId), eq(checkoutGroups.status, "processing")))
      .returning({ id: checkoutGroups.id });
    // The hold expired and the sweeper released the stock while the provider answered.
    if (!group) return false;
    await tx.insert(payments).values(
      authorised.map((a) => ({
        groupId: reserved.groupId,
        orderId: a.order.id,
        sellerId: a.order.sellerId,
        provider: provider.name,
        providerRef: a.providerRef,
        status: "authorized" as const,
        currency: reserved.currency,
        amountMinor: a.order.totalMinor,
        cardBrand: a.cardBrand,
        cardLast4: a.cardLast4,
      })),
    );
    await tx.update(orders).set({ status: "placed", placedAt: now }).where(eq(orders.groupId, reserved.groupId));
    await tx.insert(orderEvents).values(reserved.orders.map((o) => ({ orderId: o.id, type: "placed" as const, actorUserId: request.buyer.id })));
    if (request.cartId)
      await tx.delete(cartLines).where(
        and(
          eq(cartLines.cartId, request.cartId),
          inArray(
            cartLines.variantId,
            lines.map((l) => l.variantId),
          ),
        ),
      );
    await notifyOrder(tx, { kind: "checkout_confirmed", groupId: reserved.groupId });
    for (const o of reserved.orders) await notifyOrder(tx, { kind: "seller_new_order", orderId: o.id });
    return true;
  });
  if (!confirmed) {
    await voidQuietly(provider, authorised);
    throw new DomainError("PAYMENT_DECLINED", "Your checkout took too long and was cancelled. Nothing was charged; please try again.");
  }

  return {
    groupId: reserved.groupId,
    totalMinor: reserved.totalMinor,
    orders: reserved.orders.map((o) => ({ id: o.id, number: o.number, sellerId: o.sellerId })),
    cacheTags: reserved.cacheTags,
  };
}

/** Two lines for the same variant count as one: stock is checked for their sum. */
export function aggregateLines(lines: { variantId: string; quantity: number }[]): { variantId: string; quantity: number }[] {
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.variantId, (sums.get(l.variantId) ?? 0) + l.quantity);
  return [...sums].map(([variantId, quantity]) => ({ variantId, quantity }));
}

function fingerprintOf(request: PlaceOrderRequest, lines: { variantId: string; quantity: number }[]): string {
  const payment = request.payment.type === "test_card" ? { type: "test_card", last4: request.payment.number.slice(-4) } : request.payment;
  const choices = [...request.deliveryChoices].sort((a, b) => a.sellerId.localeCompare(b.sellerId));
  const body = JSON.stringify({ lines: [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId)), choices, address: request.address, payment });
  return createHash("sha256").update(body).digest("hex");
}

async function voidQuietly(provider: PaymentProvider, authorised: { order: ReservedOrder; providerRef: string }[]) {
  for (const a of authorised) {
    try {
      await provider.void(a.providerRef, `${a.order.id}:void`);
    } catch {
      // An uncaptured authorisation lapses on its own at the card network; the shopper is never charged.
    }
  }
}

type Reserved =
  | { kind: "existing" }
  | { kind: "reserved"; groupId: string; currency: string; totalMinor: number; orders: ReservedOrder[]; cacheTags: string[] };

async function reserve(
  db: Db,
  request: PlaceOrderRequest,
  lines: { variantId: string; quantity: number }[],
  fingerprint: string,
  now: Date,
): Promise<Reserved> {
  return db.transaction(async (tx) => {
    const [group] = await tx
      .insert(checkoutGroups)
      .values({
        buyerId: request.buyer.id,
        idempotencyKey: request.idempotencyKey,
        fingerprint,
        email: request.buyer.email,
        shippingAddress: request.address,
        currency: "USD",
        subtotalMinor: 0,
        shippingMinor: 0,
        totalMinor: 0,
        expiresAt: new Date(now.getTime() + CHECKOUT_HOLD_MINUTES * 60_000),
      })
      // A concurrent call with the same key waits here for the first one's transaction to finish.
      .onConflictDoNothing({ target: [checkoutGroups.buyerId, checkoutGroups.idempotencyKey] })
      .returning({ id: checkoutGroups.id });
    if (!group) return { kind: "existing" as const };

    const variantIds = lines.map((l) => l.variantId);
    const rows = await tx
      .select({
        variantId: variants.id,
        sku: variants.sku,
        options: variants.options,
        priceMinor: variants.priceMinor,
        listingId: listings.id,
        title: listings.title,
        status: listings.status,
        currency: listings.currency,
        categoryId: listings.categoryId,
        sellerId: sellers.id,
        sellerName: sellers.name,
        sellerStatus: sellers.status,
        imageKey: correlated<string | null>(
          sql`(select ${listingImages.storageKey} from ${listingImages} where ${listingImages.listingId} = ${listings.id} order by ${listingImages.position} limit 1)`,
        ),
      })
      .from(variants)
      .innerJoin(listings, eq(listings.id, variants.listingId))
      .innerJoin(sellers, eq(sellers.id, listings.sellerId))
      .where(inArray(variants.id, variantIds));
    const byVariant = new Map(rows.map((r) => [r.variantId, r]));
    for (const l of lines) {
      const row = byVariant.get(l.variantId);
      if (!row || row.status !== "active" || row.sellerStatus !== "approved")
        throw new DomainError("OUT_OF_STOCK", `${row?.title ?? "An item"} is no longer available. Remove it from your cart to continue.`, {
          fieldErrors: { [`lines.${l.variantId}`]: "No longer available" },
        });
    }
    const currencies = new Set(rows.map((r) => r.currency));
    if (currencies.size > 1) throw new DomainError("INVALID_INPUT", "Items priced in different currencies cannot be bought together.");
    const currency = rows[0]?.currency ?? "USD";

    // Lock every stock row involved, always in the same order so concurrent checkouts cannot deadlock.
    const levels = await tx
      .select({ variantId: stockLevels.variantId, locationId: stockLevels.locationId, onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .where(inArray(stockLevels.variantId, variantIds))
      .orderBy(asc(stockLevels.variantId), asc(stockLevels.locationId))
      .for("update");

    // Each seller's part, priced from the database.
    const sellerIds = [...new Set(lines.map((l) => byVariant.get(l.variantId)?.sellerId ?? ""))];
    const parts = sellerIds.map((sellerId) => {
      const partLines = lines.filter((l) => byVariant.get(l.variantId)?.sellerId === sellerId);
      return {
        sellerId,
        lines: partLines,
        subtotalMinor: partLines.reduce((sum, l) => sum + (byVariant.get(l.variantId)?.priceMinor ?? 0) * l.quantity, 0),
      };
    });
    const delivery = await deliveryOptionsFor(tx, parts, now);
    const chosen = new Map<string, DeliveryOption>();
    for (const part of parts) {
      const name = byVariant.get(part.lines[0]?.variantId ?? "")?.sellerName ?? "A seller";
      const options = delivery.get(part.sellerId)?.options ?? [];
      const choice = request.deliveryChoices.find((c) => c.sellerId === part.sellerId);
      const option = choice
        ? options.find((o) => ("methodId" in choice ? o.kind === "shipping" && o.methodId === choice.methodId : o.kind === "pickup" && o.locationId === choice.pickupLocationId))
        : defaultDeliveryOption(options);
      if (!option)
        throw new DomainError("INVALID_INPUT", `Choose how ${name} should deliver your items: the chosen option is no longer available.`, {
          fieldErrors: { [`delivery.${part.sellerId}`]: "Choose a delivery option" },
        });
      if (option.kind === "shipping") {
        if (!request.address) throw new DomainError("INVALID_INPUT", "Enter a delivery address.", { fieldErrors: { address: "Enter a delivery address" } });
        const shipsTo = delivery.get(part.sellerId)?.shipsTo ?? [];
        if (!shipsTo.includes(request.address.country))
          throw new DomainError("INVALID_INPUT", `${name} does not deliver to ${request.address.country}. Choose pickup or remove their items.`, {
            fieldErrors: { [`delivery.${part.sellerId}`]: `Does not deliver to ${request.address.country}` },
          });
      }
      chosen.set(part.sellerId, option);
    }

    // Allocate each line to locations (pickup: only that location; shipping: fullest locations first).
    const allocations = new Map<string, { locationId: string; quantity: number }[]>();
    const shortages: Record<string, string> = {};
    for (const l of lines) {
      const row = byVariant.get(l.variantId);
      const option = chosen.get(row?.sellerId ?? "");
      const candidates = levels
        .filter((s) => s.variantId === l.variantId && (option?.kind !== "pickup" || s.locationId === option.locationId))
        .map((s) => ({ locationId: s.locationId, available: Math.max(0, s.onHand - s.reserved) }))
        .sort((a, b) => b.available - a.available);
      let left = l.quantity;
      const taken: { locationId: string; quantity: number }[] = [];
      for (const c of candidates) {
        if (left === 0) break;
        const q = Math.min(left, c.available);
        if (q > 0) taken.push({ locationId: c.locationId, quantity: q });
        left -= q;
      }
      if (left > 0) {
        const available = l.quantity - left;
        shortages[`lines.${l.variantId}`] = available === 0 ? "Out of stock" : `Only ${available} left`;
      }
      allocations.set(l.variantId, taken);
    }
    const shortKeys = Object.keys(shortages);
    if (shortKeys.length) {
      const first = byVariant.get(shortKeys[0]?.slice("lines.".length) ?? "");
      const detail = shortages[shortKeys[0] ?? ""] ?? "Out of stock";
      throw new DomainError(
        "OUT_OF_STOCK",
        detail === "Out of stock" ? `${first?.title ?? "An item"} is out of stock.` : `${first?.title ?? "An item"}: ${detail.toLowerCase()}.`,
        { fieldErrors: shortages },
      );
    }

    const rates = await commissionRatesFor(
      tx,
      rows.map((r) => ({ sellerId: r.sellerId, categoryId: r.categoryId })),
    );

    const reservedOrders: ReservedOrder[] = [];
    let subtotal = 0;
    let shipping = 0;
    for (const part of parts) {
      const option = chosen.get(part.sellerId);
      if (!option) continue;
      const lineRows = part.lines.map((l) => {
        const v = byVariant.get(l.variantId);
        if (!v) throw new Error("variant vanished during checkout");
        const lineTotal = v.priceMinor * l.quantity;
        const rate = rates.get(`${v.sellerId}:${v.categoryId}`) ?? 0;
        return { l, v, lineTotal, rate, commission: commissionOf(lineTotal, rate) };
      });
      const commission = lineRows.reduce((s, r) => s + r.commission, 0);
      const [order] = await tx
        .insert(orders)
        .values({
          groupId: group.id,
          sellerId: part.sellerId,
          buyerId: request.buyer.id,
          fulfilment: option.kind,
          shippingMethodId: option.kind === "shipping" ? option.methodId : null,
          pickupLocationId: option.kind === "pickup" ? option.locationId : null,
          deliveryLabel: option.kind === "shipping" ? option.name : `Pickup at ${option.name}`,
          currency,
          subtotalMinor: part.subtotalMinor,
          shippingMinor: option.priceMinor,
          totalMinor: part.subtotalMinor + option.priceMinor,
          commissionMinor: commission,
          promisedFrom: option.estimate.from,
          promisedTo: option.estimate.to,
          estimatedFrom: option.estimate.from,
          estimatedTo: option.estimate.to,
        })
        .returning({ id: orders.id, number: orders.number });
      if (!order) throw new Error("order insert returned nothing");
      const inserted = await tx
        .insert(orderLines)
        .values(
          lineRows.map(({ l, v, lineTotal, rate, commission: c }) => ({
            orderId: order.id,
            listingId: v.listingId,
            variantId: v.variantId,
            categoryId: v.categoryId,
            sku: v.sku,
            title: v.title,
            variantLabel: v.options.map((o) => `${o.name}: ${o.value}`).join(" · "),
            imageKey: v.imageKey,
            unitPriceMinor: v.priceMinor,
            quantity: l.quantity,
            lineTotalMinor: lineTotal,
            commissionRateBps: rate,
            commissionMinor: c,
          })),
        )
        .returning({ id: orderLines.id, variantId: orderLines.variantId });
      for (const line of inserted) {
        const taken = allocations.get(line.variantId ?? "") ?? [];
        if (taken.length)
          await tx.insert(orderAllocations).values(taken.map((t) => ({ orderLineId: line.id, variantId: line.variantId, locationId: t.locationId, quantity: t.quantity })));
        for (const t of taken)
          await tx
            .update(stockLevels)
            .set({ reserved: sql`${stockLevels.reserved} + ${t.quantity}` })
            .where(and(eq(stockLevels.variantId, line.variantId ?? ""), eq(stockLevels.locationId, t.locationId)));
      }
      subtotal += part.subtotalMinor;
      shipping += option.priceMinor;
      const sellerName = byVariant.get(part.lines[0]?.variantId ?? "")?.sellerName ?? "";
      reservedOrders.push({ id: order.id, number: order.number, sellerId: part.sellerId, sellerName, totalMinor: part.subtotalMinor + option.priceMinor });
    }

    await refreshStockOf(tx, variantIds);

    const total = subtotal + shipping;
    if (request.expectedTotalMinor !== undefined && request.expectedTotalMinor !== total)
      throw new DomainError("CONFLICT", "Prices or delivery costs changed since you opened checkout. Check the new total and place the order again.", {
        fieldErrors: { expectedTotalMinor: "The total changed" },
      });
    await tx.update(checkoutGroups).set({ currency, subtotalMinor: subtotal, shippingMinor: shipping, totalMinor: total }).where(eq(checkoutGroups.id, group.id));

    const tags = new Set<string>([cacheTags.search]);
    for (const r of rows) {
      tags.add(cacheTags.listing(r.listingId));
      tags.add(cacheTags.category(r.categoryId));
      tags.add(cacheTags.seller(r.sellerId));
    }
    return { kind: "reserved" as const, groupId: group.id, currency, totalMinor: total, orders: reservedOrders, cacheTags: [...tags] };
  });
}

/**
 * The result of an earlier call with this key, if there was one (waiting for it to finish). Callers that
 * build the request from state the first call changed (the cart it emptied) check this first.
 */
export async function previousCheckout(db: Db, buyerId: string, key: string): Promise<PlacedCheckout | null> {
  const [group] = await db
    .select({ id: checkoutGroups.id })
    .from(checkoutGroups)
    .where(and(eq(checkoutGroups.buyerId, buyerId), eq(checkoutGroups.idempotencyKey, key)));
  return group ? awaitExisting(db, buyerId, key, null) : null;
}

/** A repeat of a key already used: wait for the first call to finish, then answer as it did. */
async function awaitExisting(db: Db, buyerId: string, key: string, fingerprint: string | null): Promise<PlacedCheckout> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const [group] = await db
      .select()
      .from(checkoutGroups)
      .where(and(eq(checkoutGroups.buyerId, buyerId), eq(checkoutGroups.idempotencyKey, key)));
    if (!group) throw new DomainError("CONFLICT", "This checkout could not be found. Please try again.");
    if (fingerprint !== null && group.fingerprint !== fingerprint)
      throw new DomainError("CONFLICT", "This checkout was already submitted with different items or details. Reload the page to start a new one.");
    if (group.status === "declined")
      throw new DomainError("PAYMENT_DECLINED", group.declineMessage ?? "Your payment was declined.", { fieldErrors: { payment: group.declineMessage ?? "Declined" } });
    if (group.status === "completed") {
      const placed = await db
        .select({ id: orders.id, number: orders.number, sellerId: orders.sellerId })
        .from(orders)
        .where(eq(orders.groupId, group.id))
        .orderBy(asc(orders.number));
      return { groupId: group.id, totalMinor: group.totalMinor, orders: placed, cacheTags: [] };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new DomainError("CONFLICT", "Your order is still being placed. Check your orders in a moment before trying again.");
}
