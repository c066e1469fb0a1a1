import { and, asc, eq, gt, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { DeliveryTiming, TransitDays } from "./delivery-estimate";
import { DEFAULT_TIMING } from "./delivery-options";

const { shippingProfiles, shippingMethods, stockLocations, stockLevels, variants } = schema;

/**
 * How one listing can reach a shopper, without dates: the product page is cached, so the dates are
 * computed for "today" where it is shown (estimateDelivery). Same rules as deliveryOptionsFor: a seller
 * without a saved profile offers no shipping, only pickup.
 */
export interface ListingDelivery {
  timing: DeliveryTiming;
  /** ISO country codes; empty when the seller has not saved a profile. */
  shipsTo: string[];
  methods: (TransitDays & { id: string; name: string; priceMinor: number; freeOverMinor: number | null })[];
  /** Every pickup location of the seller, with the listing's variants it has available now. */
  pickup: { locationId: string; name: string; address: string; variantIds: string[] }[];
}

export async function getListingDelivery(db: Db, sellerId: string, listingId: string): Promise<ListingDelivery> {
  const [profiles, methods, locations, stock] = await Promise.all([
    db.select().from(shippingProfiles).where(eq(shippingProfiles.sellerId, sellerId)),
    db
      .select({
        id: shippingMethods.id,
        name: shippingMethods.name,
        transitDaysMin: shippingMethods.transitDaysMin,
        transitDaysMax: shippingMethods.transitDaysMax,
        priceMinor: shippingMethods.priceMinor,
        freeOverMinor: shippingMethods.freeOverMinor,
      })
      .from(shippingMethods)
      .where(and(eq(shippingMethods.sellerId, sellerId), eq(shippingMethods.active, true)))
      .orderBy(asc(shippingMethods.position), asc(shippingMethods.priceMinor)),
    db
      .select({
        id: stockLocations.id,
        name: stockLocations.name,
        line1: stockLocations.line1,
        city: stockLocations.city,
        postalCode: stockLocations.postalCode,
      })
      .from(stockLocations)
      .where(and(eq(stockLocations.sellerId, sellerId), eq(stockLocations.pickupEnabled, true)))
      .orderBy(asc(stockLocations.name)),
    db
      .select({ locationId: stockLevels.locationId, variantId: stockLevels.variantId })
      .from(stockLevels)
      .innerJoin(variants, eq(variants.id, stockLevels.variantId))
      .innerJoin(stockLocations, eq(stockLocations.id, stockLevels.locationId))
      .where(
        and(
          eq(variants.listingId, listingId),
          eq(stockLocations.sellerId, sellerId),
          eq(stockLocations.pickupEnabled, true),
          gt(sql`${stockLevels.onHand} - ${stockLevels.reserved}`, 0),
        ),
      ),
  ]);
  const profile = profiles[0];
  return {
    timing: profile
      ? { handlingDays: profile.handlingDays, cutoffHour: profile.cutoffHour, timeZone: profile.timeZone }
      : DEFAULT_TIMING,
    shipsTo: profile?.shipsTo ?? [],
    methods: profile ? methods : [],
    pickup: locations.map((l) => ({
      locationId: l.id,
      name: l.name,
      address: `${l.line1}, ${l.postalCode} ${l.city}`,
      variantIds: stock.filter((s) => s.locationId === l.id).map((s) => s.variantId),
    })),
  };
}
