import { and, eq, inArray, sql, type Db, type SQL } from "@agora/db";
import { schema } from "@agora/db";
import { listingCardColumns, type ListingCard } from "../catalog/browse";

const { listings, sellers, addresses } = schema;

/** A recommended listing: a product card, plus what the storefront needs to tag its cache entry. */
export type RecommendedListing = ListingCard & { sellerId: string; categoryId: string };

/**
 * What every recommendation, pin and "for you" row keeps to: a listing shoppers can buy and receive.
 *
 * - active, from an approved seller;
 * - some variant has units available (on hand − reserved, at any location);
 * - it can reach the shopper:
 *   - shipping: the seller has a shipping profile whose ships-to countries include the shopper's country,
 *     and at least one active shipping method (checkout refuses anything else);
 *   - or pickup: a pickup-enabled location of the seller in the shopper's country holds available units
 *     of the listing (the shopper collects it; a location abroad does not count).
 * - When the shopper's country is unknown (signed out, or no saved default address), the listing only
 *   has to be obtainable somewhere: a seller that ships to at least one country, or pickup with stock.
 *
 * Written as SQL over `listings` and `sellers` (joined under those names) so it can sit in any WHERE.
 */
export function recommendable(shipTo: string | null): SQL {
  const shipsThere = shipTo ? sql`${shipTo}::char(2) = any(sp.ships_to)` : sql`cardinality(sp.ships_to) > 0`;
  const pickupThere = shipTo ? sql`and loc.country = ${shipTo}` : sql``;
  return sql`(${listings.status} = 'active' and ${sellers.status} = 'approved'
    and exists (
      select 1 from stock_levels sl join variants v on v.id = sl.variant_id
      where v.listing_id = ${listings.id} and sl.on_hand > sl.reserved
    )
    and (
      exists (
        select 1 from shipping_profiles sp
        where sp.seller_id = ${listings.sellerId} and ${shipsThere}
          and exists (select 1 from shipping_methods m where m.seller_id = sp.seller_id and m.active)
      )
      or exists (
        select 1 from stock_levels sl
        join variants v on v.id = sl.variant_id
        join stock_locations loc on loc.id = sl.location_id
        where v.listing_id = ${listings.id} and loc.pickup_enabled and sl.on_hand > sl.reserved ${pickupThere}
      )
    ))`;
}

/** The country of the shopper's default saved address, or null when they have none. */
export async function shopperCountry(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ country: addresses.country })
    .from(addresses)
    .where(and(eq(addresses.userId, userId), eq(addresses.isDefault, true)))
    .limit(1);
  return row?.country.trim().toUpperCase() ?? null;
}

/**
 * Cards for these listings in the order given, keeping only the recommendable ones (checked again here,
 * so a ranking query and the rule can never disagree).
 */
export async function recommendedCards(db: Db, ids: readonly string[], shipTo: string | null): Promise<RecommendedListing[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = await db
    .select({ ...listingCardColumns, sellerId: listings.sellerId, categoryId: listings.categoryId })
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(and(inArray(listings.id, unique), recommendable(shipTo)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
