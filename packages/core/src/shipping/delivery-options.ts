import { and, asc, eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { estimateDelivery, estimatePickup, type DateRange, type DeliveryTiming } from "./delivery-estimate";

const { shippingProfiles, shippingMethods, stockLocations, stockLevels } = schema;

/** A way one seller's part of a cart can reach the shopper, priced for that part. */
export type DeliveryOption =
  | {
      kind: "shipping";
      methodId: string;
      name: string;
      priceMinor: number;
      /** The method's usual price, to show "free over $50" honestly. */
      basePriceMinor: number;
      freeOverMinor: number | null;
      estimate: DateRange;
    }
  | { kind: "pickup"; locationId: string; name: string; address: string; priceMinor: 0; estimate: DateRange };

export interface SellerDelivery {
  timing: DeliveryTiming;
  shipsTo: string[];
  options: DeliveryOption[];
}

export interface SellerCartPart {
  sellerId: string;
  subtotalMinor: number;
  lines: { variantId: string; quantity: number }[];
}

/** Used when a seller has not saved a profile yet: nothing ships, only pickup is offered. */
export const DEFAULT_TIMING: DeliveryTiming = { handlingDays: 2, cutoffHour: 14, timeZone: "UTC" };

export const shippingPrice = (method: { priceMinor: number; freeOverMinor: number | null }, subtotalMinor: number) =>
  method.freeOverMinor !== null && subtotalMinor >= method.freeOverMinor ? 0 : method.priceMinor;

/**
 * Delivery options for each seller's part of a cart: that seller's active shipping methods (priced with its
 * free-shipping threshold) and pickup at each of its pickup locations that holds every line's quantity.
 * The cart, checkout and place-order all price delivery here.
 */
export async function deliveryOptionsFor(db: Db, parts: SellerCartPart[], now: Date = new Date()): Promise<Map<string, SellerDelivery>> {
  const sellerIds = [...new Set(parts.map((p) => p.sellerId))];
  const out = new Map<string, SellerDelivery>();
  if (!sellerIds.length) return out;

  const [profiles, methods, pickupStock] = await Promise.all([
    db.select().from(shippingProfiles).where(inArray(shippingProfiles.sellerId, sellerIds)),
    db
      .select()
      .from(shippingMethods)
      .where(and(inArray(shippingMethods.sellerId, sellerIds), eq(shippingMethods.active, true)))
      .orderBy(asc(shippingMethods.position), asc(shippingMethods.priceMinor)),
    db
      .select({
        sellerId: stockLocations.sellerId,
        locationId: stockLocations.id,
        name: stockLocations.name,
        line1: stockLocations.line1,
        city: stockLocations.city,
        postalCode: stockLocations.postalCode,
        variantId: stockLevels.variantId,
        available: sql<number>`greatest(${stockLevels.onHand} - ${stockLevels.reserved}, 0)`.mapWith(Number),
      })
      .from(stockLocations)
      .innerJoin(stockLevels, eq(stockLevels.locationId, stockLocations.id))
      .where(
        and(
          inArray(stockLocations.sellerId, sellerIds),
          eq(stockLocations.pickupEnabled, true),
          inArray(
            stockLevels.variantId,
            parts.flatMap((p) => p.lines.map((l) => l.variantId)),
          ),
        ),
      )
      .orderBy(asc(stockLocations.name)),
  ]);

  for (const part of parts) {
    const profile = profiles.find((p) => p.sellerId === part.sellerId);
    const timing: DeliveryTiming = profile
      ? { handlingDays: profile.handlingDays, cutoffHour: profile.cutoffHour, timeZone: profile.timeZone }
      : DEFAULT_TIMING;
    const options: DeliveryOption[] = [];
    if (profile)
      for (const m of methods.filter((m) => m.sellerId === part.sellerId))
        options.push({
          kind: "shipping",
          methodId: m.id,
          name: m.name,
          priceMinor: shippingPrice(m, part.subtotalMinor),
          basePriceMinor: m.priceMinor,
          freeOverMinor: m.freeOverMinor,
          estimate: estimateDelivery(timing, m, now),
        });

    const locations = new Map<string, { name: string; address: string; stock: Map<string, number> }>();
    for (const row of pickupStock.filter((r) => r.sellerId === part.sellerId)) {
      const loc = locations.get(row.locationId) ?? { name: row.name, address: `${row.line1}, ${row.postalCode} ${row.city}`, stock: new Map() };
      loc.stock.set(row.variantId, row.available);
      locations.set(row.locationId, loc);
    }
    for (const [locationId, loc] of locations)
      if (part.lines.every((l) => (loc.stock.get(l.variantId) ?? 0) >= l.quantity))
        options.push({ kind: "pickup", locationId, name: loc.name, address: loc.address, priceMinor: 0, estimate: estimatePickup(timing, now) });

    out.set(part.sellerId, { timing, shipsTo: profile?.shipsTo ?? [], options });
  }
  return out;
}

/** The option a shopper chose, or the cheapest (then fastest) shipping option, or pickup when nothing ships. */
export function defaultDeliveryOption(options: DeliveryOption[]): DeliveryOption | undefined {
  const shipping = options.filter((o) => o.kind === "shipping");
  const pool = shipping.length ? shipping : options;
  return [...pool].sort((a, b) => a.priceMinor - b.priceMinor || a.estimate.to.localeCompare(b.estimate.to))[0];
}
