import { and, asc, count, desc, eq, inArray, ne, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { correlated } from "../correlated";
import { notFound } from "../errors";

const { orders, orderLines, orderEvents, checkoutGroups, payments, sellers, users, listings, listingImages, stockLocations } = schema;

export type OrderStatus = (typeof schema.orderStatus.enumValues)[number];

const summaryColumns = {
  id: orders.id,
  number: orders.number,
  groupId: orders.groupId,
  status: orders.status,
  fulfilment: orders.fulfilment,
  deliveryLabel: orders.deliveryLabel,
  currency: orders.currency,
  totalMinor: orders.totalMinor,
  estimatedFrom: orders.estimatedFrom,
  estimatedTo: orders.estimatedTo,
  promisedTo: orders.promisedTo,
  trackingNumber: orders.trackingNumber,
  carrier: orders.carrier,
  createdAt: orders.createdAt,
  sellerId: sellers.id,
  sellerName: sellers.name,
  sellerSlug: sellers.slug,
};

async function linesOf(db: Db, orderIds: string[]) {
  if (!orderIds.length) return [];
  return db
    .select({
      id: orderLines.id,
      orderId: orderLines.orderId,
      listingId: orderLines.listingId,
      title: orderLines.title,
      variantLabel: orderLines.variantLabel,
      sku: orderLines.sku,
      imageKey: orderLines.imageKey,
      /** The snapshot image's renditions while it is still stored (null once the seller deleted it). */
      image: correlated<{ storageKey: string; widths: number[] } | null>(
        sql`(select json_build_object('storageKey', ${listingImages.storageKey}, 'widths', ${listingImages.widths}) from ${listingImages}
          where ${listingImages.listingId} = ${orderLines.listingId} and ${listingImages.storageKey} = ${orderLines.imageKey} limit 1)`,
      ),
      /** For a link back to the product; the product page decides whether it is still on sale. */
      listingSlug: correlated<string | null>(sql`(select ${listings.slug} from ${listings} where ${listings.id} = ${orderLines.listingId})`),
      unitPriceMinor: orderLines.unitPriceMinor,
      quantity: orderLines.quantity,
      lineTotalMinor: orderLines.lineTotalMinor,
    })
    .from(orderLines)
    .where(inArray(orderLines.orderId, orderIds))
    .orderBy(asc(orderLines.title));
}

/** The shopper's orders, newest first (never those still awaiting payment). */
export async function listBuyerOrders(db: Db, buyerId: string, options: { page?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? 20;
  const page = options.page ?? 1;
  const where = and(eq(orders.buyerId, buyerId), ne(orders.status, "pending_payment"));
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(orders)
      .innerJoin(sellers, eq(sellers.id, orders.sellerId))
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(orders).where(where),
  ]);
  const lines = await linesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    orders: rows.map((r) => ({ ...r, lines: lines.filter((l) => l.orderId === r.id) })),
    total: total?.n ?? 0,
    page,
    pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / pageSize)),
  };
}

async function orderDetail(db: Db, where: ReturnType<typeof and>) {
  const [order] = await db
    .select({
      ...summaryColumns,
      subtotalMinor: orders.subtotalMinor,
      shippingMinor: orders.shippingMinor,
      commissionMinor: orders.commissionMinor,
      promisedFrom: orders.promisedFrom,
      cancelReason: orders.cancelReason,
      cancelledBy: orders.cancelledBy,
      placedAt: orders.placedAt,
      shippingAddress: checkoutGroups.shippingAddress,
      email: checkoutGroups.email,
      buyerName: users.name,
      paymentStatus: payments.status,
      cardBrand: payments.cardBrand,
      cardLast4: payments.cardLast4,
      /** Where a click-and-collect order is picked up (null for shipping, or if the location was removed). */
      pickupLocation: correlated<{ name: string; line1: string; city: string; postalCode: string; country: string } | null>(
        sql`(select json_build_object('name', ${stockLocations.name}, 'line1', ${stockLocations.line1}, 'city', ${stockLocations.city}, 'postalCode', ${stockLocations.postalCode}, 'country', ${stockLocations.country})
          from ${stockLocations} where ${stockLocations.id} = ${orders.pickupLocationId})`,
      ),
    })
    .from(orders)
    .innerJoin(sellers, eq(sellers.id, orders.sellerId))
    .innerJoin(checkoutGroups, eq(checkoutGroups.id, orders.groupId))
    .leftJoin(users, eq(users.id, orders.buyerId))
    .leftJoin(payments, eq(payments.orderId, orders.id))
    .where(and(where, ne(orders.status, "pending_payment")));
  if (!order) throw notFound("The order");
  const [lines, events] = await Promise.all([
    linesOf(db, [order.id]),
    db
      .select({ id: orderEvents.id, type: orderEvents.type, note: orderEvents.note, data: orderEvents.data, createdAt: orderEvents.createdAt })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
  ]);
  return { ...order, lines, events };
}

/** One of the shopper's own orders; another shopper's id is not found. */
export async function getBuyerOrder(db: Db, buyerId: string, orderId: string) {
  // The platform's commission is between the marketplace and the seller.
  const { commissionMinor: _commission, ...order } = await orderDetail(db, and(eq(orders.id, orderId), eq(orders.buyerId, buyerId)));
  const siblings = await db
    .select({ id: orders.id, number: orders.number, sellerName: sellers.name, status: orders.status, fulfilment: orders.fulfilment })
    .from(orders)
    .innerJoin(sellers, eq(sellers.id, orders.sellerId))
    .where(and(eq(orders.groupId, order.groupId), ne(orders.id, order.id), eq(orders.buyerId, buyerId), ne(orders.status, "pending_payment")))
    .orderBy(asc(orders.number));
  return { ...order, siblings };
}

/** Every order of one checkout (the confirmation page). */
export async function getBuyerCheckout(db: Db, buyerId: string, groupId: string) {
  const [group] = await db
    .select({ id: checkoutGroups.id, status: checkoutGroups.status, totalMinor: checkoutGroups.totalMinor, currency: checkoutGroups.currency, email: checkoutGroups.email })
    .from(checkoutGroups)
    .where(and(eq(checkoutGroups.id, groupId), eq(checkoutGroups.buyerId, buyerId), eq(checkoutGroups.status, "completed")));
  if (!group) throw notFound("The order");
  const rows = await db
    .select(summaryColumns)
    .from(orders)
    .innerJoin(sellers, eq(sellers.id, orders.sellerId))
    .where(and(eq(orders.groupId, groupId), eq(orders.buyerId, buyerId)))
    .orderBy(asc(orders.number));
  const lines = await linesOf(
    db,
    rows.map((r) => r.id),
  );
  return { ...group, orders: rows.map((r) => ({ ...r, lines: lines.filter((l) => l.orderId === r.id) })) };
}

/** The seller's queue tabs and the statuses each holds. */
export const sellerQueueTabs = {
  new: ["placed"],
  to_ship: ["accepted"],
  shipped: ["shipped"],
  delivered: ["delivered"],
  cancelled: ["cancelled"],
} as const satisfies Record<string, readonly OrderStatus[]>;
export type SellerQueueTab = keyof typeof sellerQueueTabs;

/** The seller's fulfilment queue: oldest first for work still to do, newest first for the rest. */
export async function listSellerOrders(db: Db, sellerId: string, options: { tab: SellerQueueTab; page?: number; pageSize?: number }) {
  const pageSize = options.pageSize ?? 25;
  const page = options.page ?? 1;
  const statuses = [...sellerQueueTabs[options.tab]];
  const where = and(eq(orders.sellerId, sellerId), inArray(orders.status, statuses));
  const oldestFirst = options.tab === "new" || options.tab === "to_ship";
  const [rows, counts] = await Promise.all([
    db
      .select({ ...summaryColumns, buyerName: users.name, itemCount: sql<number>`(select coalesce(sum(${orderLines.quantity}), 0) from ${orderLines} where ${orderLines.orderId} = ${orders.id})`.mapWith(Number) })
      .from(orders)
      .innerJoin(sellers, eq(sellers.id, orders.sellerId))
      .leftJoin(users, eq(users.id, orders.buyerId))
      .where(where)
      .orderBy(oldestFirst ? asc(orders.createdAt) : desc(orders.createdAt), asc(orders.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ status: orders.status, n: count() })
      .from(orders)
      .where(and(eq(orders.sellerId, sellerId), ne(orders.status, "pending_payment")))
      .groupBy(orders.status),
  ]);
  const countOf = (tab: SellerQueueTab) => counts.filter((c) => (sellerQueueTabs[tab] as readonly string[]).includes(c.status)).reduce((s, c) => s + c.n, 0);
  const tabCounts = Object.fromEntries((Object.keys(sellerQueueTabs) as SellerQueueTab[]).map((t) => [t, countOf(t)])) as Record<SellerQueueTab, number>;
  return { orders: rows, tabCounts, page, pageCount: Math.max(1, Math.ceil(tabCounts[options.tab] / pageSize)) };
}

/** Orders waiting for the seller to accept them (the portal's navigation badge). */
export async function countNewSellerOrders(db: Db, sellerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(orders)
    .where(and(eq(orders.sellerId, sellerId), inArray(orders.status, [...sellerQueueTabs.new])));
  return row?.n ?? 0;
}

/** One of the seller's own orders; another seller's id is not found. */
export async function getSellerOrder(db: Db, sellerId: string, orderId: string) {
  return orderDetail(db, and(eq(orders.id, orderId), eq(orders.sellerId, sellerId)));
}
