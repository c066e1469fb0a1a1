import { eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";

const { variants, listings, sellers, stockLevels } = schema;

/** Available to sell for the variant in the current row: on hand − reserved, summed over locations. */
export const availableSql =
  sql<number>`(select coalesce(sum(greatest(${stockLevels.onHand} - ${stockLevels.reserved}, 0)), 0)::int
  from ${stockLevels} where ${stockLevels.variantId} = ${variants.id})`.mapWith(Number);

/** A variant can be bought only while its listing is active and its store approved. */
export const purchasableSql = sql<boolean>`(${listings.status} = 'active' and ${sellers.status} = 'approved')`;

export interface VariantStock {
  variantId: string;
  title: string;
  purchasable: boolean;
  available: number;
}

/** Live purchasability and stock for some variants (read inside the caller's transaction). */
export async function variantStock(db: Db, variantIds: string[]): Promise<Map<string, VariantStock>> {
  if (!variantIds.length) return new Map();
  const rows = await db
    .select({ variantId: variants.id, title: listings.title, purchasable: purchasableSql, available: availableSql })
    .from(variants)
    .innerJoin(listings, eq(listings.id, variants.listingId))
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(inArray(variants.id, variantIds));
  return new Map(rows.map((r) => [r.variantId, r]));
}

/** What the shopper is told when a quantity is more than is available. */
export function onlyLeftMessage(available: number, alreadyInCart = 0): string {
  if (available <= 0) return "This item is out of stock.";
  if (alreadyInCart > 0) return `Only ${available} left, and you already have ${alreadyInCart} in your cart.`;
  return `Only ${available} left.`;
}
