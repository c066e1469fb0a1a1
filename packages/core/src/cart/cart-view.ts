import { asc, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import {
  defaultDeliveryOption,
  deliveryOptionsFor,
  type DeliveryOption,
  type SellerCartPart,
} from "../shipping/delivery-options";
import { findCartId, type CartOwner } from "./owner";
import { availableSql, purchasableSql } from "./purchasable";

const { cartLines, cartDeliveryChoices, variants, listings, sellers, listingImages } = schema;

/** Why a line cannot be bought as it stands. */
export type CartLineProblem = { kind: "unavailable" } | { kind: "out_of_stock" } | { kind: "insufficient"; available: number };

type LineImage = { storageKey: string; widths: number[]; alt: string } | null;

export interface CartLine {
  variantId: string;
  listingId: string;
  slug: string;
  title: string;
  sku: string;
  options: { name: string; value: string }[];
  /** "Size: M · Colour: Red", or null for an item sold in one form. */
  variantLabel: string | null;
  image: LineImage;
  currency: string;
  /** Today's price from the database, never the price at the time it was added. */
  unitPriceMinor: number;
  compareAtMinor: number | null;
  quantity: number;
  available: number;
  lineTotalMinor: number;
  problem: CartLineProblem | null;
  /** Unavailable and out-of-stock lines are shown but not counted in the totals. */
  counted: boolean;
}

export interface CartSellerGroup {
  seller: { id: string; name: string; slug: string };
  lines: CartLine[];
  subtotalMinor: number;
  deliveryOptions: DeliveryOption[];
  /** The shopper's still-valid choice, else the default; null when nothing can be delivered. */
  chosenDelivery: DeliveryOption | null;
  shippingMinor: number;
  totalMinor: number;
  /** True when this seller has something to deliver but offers no way to deliver it. */
  noDeliveryOption: boolean;
}

export interface CartView {
  groups: CartSellerGroup[];
  /** Units across all lines: what the header shows. */
  itemCount: number;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  /** Lines that need the shopper's attention before checkout. */
  problemCount: number;
  readyForCheckout: boolean;
}

const emptyCart = (): CartView => ({
  groups: [],
  itemCount: 0,
  currency: "USD",
  subtotalMinor: 0,
  shippingMinor: 0,
  totalMinor: 0,
  problemCount: 0,
  readyForCheckout: false,
});

export function variantLabel(options: { name: string; value: string }[]): string | null {
  return options.length ? options.map((o) => `${o.name}: ${o.value}`).join(" · ") : null;
}

/** The listing's first image, as the catalog cards show it. */
const firstImageSql = sql<LineImage>`(select json_build_object('storageKey', ${listingImages.storageKey}, 'widths', ${listingImages.widths}, 'alt', ${listingImages.alt})
  from ${listingImages} where ${listingImages.listingId} = ${listings.id} order by ${listingImages.position} limit 1)`;

function problemOf(line: { purchasable: boolean; available: number; quantity: number }): CartLineProblem | null {
  if (!line.purchasable) return { kind: "unavailable" };
  if (line.available <= 0) return { kind: "out_of_stock" };
  if (line.quantity > line.available) return { kind: "insufficient", available: line.available };
  return null;
}

function sameOption(
  option: DeliveryOption,
  choice: { shippingMethodId: string | null; pickupLocationId: string | null },
): boolean {
  return option.kind === "shipping" ? option.methodId === choice.shippingMethodId : option.locationId === choice.pickupLocationId;
}

/** The cart as the shopper sees it, priced now from the database; totals are only ever computed here. */
export async function getCartView(db: Db, owner: CartOwner | null, now: Date = new Date()): Promise<CartView> {
  const cartId = await findCartId(db, owner);
  return cartId ? cartViewById(db, cartId, now) : emptyCart();
}

export async function cartViewById(db: Db, cartId: string, now: Date): Promise<CartView> {
  const [rows, choices] = await Promise.all([
    db
      .select({
        variantId: cartLines.variantId,
        quantity: cartLines.quantity,
        sku: variants.sku,
        options: variants.options,
        priceMinor: variants.priceMinor,
        compareAtMinor: variants.compareAtMinor,
        listingId: listings.id,
        slug: listings.slug,
        title: listings.title,
        currency: listings.currency,
        sellerId: sellers.id,
        sellerName: sellers.name,
        sellerSlug: sellers.slug,
        purchasable: purchasableSql,
        available: availableSql,
        image: firstImageSql,
      })
      .from(cartLines)
      .innerJoin(variants, eq(variants.id, cartLines.variantId))
      .innerJoin(listings, eq(listings.id, variants.listingId))
      .innerJoin(sellers, eq(sellers.id, listings.sellerId))
      .where(eq(cartLines.cartId, cartId))
      .orderBy(asc(cartLines.addedAt), asc(cartLines.variantId)),
    db.select().from(cartDeliveryChoices).where(eq(cartDeliveryChoices.cartId, cartId)),
  ]);
  if (!rows.length) return emptyCart();

  const groups = new Map<string, CartSellerGroup>();
  for (const row of rows) {
    const problem = problemOf(row);
    const counted = problem === null || problem.kind === "insufficient";
    const line: CartLine = {
      variantId: row.variantId,
      listingId: row.listingId,
      slug: row.slug,
      title: row.title,
      sku: row.sku,
      options: row.options,
      variantLabel: variantLabel(row.options),
      image: row.image,
      currency: row.currency,
      unitPriceMinor: row.priceMinor,
      compareAtMinor: row.compareAtMinor,
      quantity: row.quantity,
      available: row.available,
      lineTotalMinor: row.priceMinor * row.quantity,
      problem,
      counted,
    };
    const group = groups.get(row.sellerId) ?? {
      seller: { id: row.sellerId, name: row.sellerName, slug: row.sellerSlug },
      lines: [],
      subtotalMinor: 0,
      deliveryOptions: [],
      chosenDelivery: null,
      shippingMinor: 0,
      totalMinor: 0,
      noDeliveryOption: false,
    };
    group.lines.push(line);
    if (counted) group.subtotalMinor += line.lineTotalMinor;
    groups.set(row.sellerId, group);
  }

  // Delivery is priced for what can actually be bought from each seller.
  const parts: SellerCartPart[] = [...groups.values()]
    .map((g) => ({
      sellerId: g.seller.id,
      subtotalMinor: g.subtotalMinor,
      lines: g.lines.filter((l) => l.counted).map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    }))
    .filter((p) => p.lines.length > 0);
  const delivery = await deliveryOptionsFor(db, parts, now);

  for (const group of groups.values()) {
    const options = delivery.get(group.seller.id)?.options ?? [];
    const choice = choices.find((c) => c.sellerId === group.seller.id);
    const chosen = (choice && options.find((o) => sameOption(o, choice))) ?? defaultDeliveryOption(options) ?? null;
    group.deliveryOptions = options;
    group.chosenDelivery = chosen;
    group.shippingMinor = chosen?.priceMinor ?? 0;
    group.totalMinor = group.subtotalMinor + group.shippingMinor;
    group.noDeliveryOption = delivery.has(group.seller.id) && options.length === 0;
  }

  const list = [...groups.values()];
  const lines = list.flatMap((g) => g.lines);
  const problemCount = lines.filter((l) => l.problem).length;
  const subtotalMinor = list.reduce((sum, g) => sum + g.subtotalMinor, 0);
  const shippingMinor = list.reduce((sum, g) => sum + g.shippingMinor, 0);
  return {
    groups: list,
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    currency: lines[0]?.currency ?? "USD",
    subtotalMinor,
    shippingMinor,
    totalMinor: subtotalMinor + shippingMinor,
    problemCount,
    readyForCheckout: problemCount === 0 && list.every((g) => g.chosenDelivery !== null),
  };
}

/** Units in the owner's cart, for the header. */
export async function cartItemCount(db: Db, owner: CartOwner | null): Promise<number> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return 0;
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int`.mapWith(Number) })
    .from(cartLines)
    .where(eq(cartLines.cartId, cartId));
  return row?.n ?? 0;
}
