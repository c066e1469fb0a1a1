import { and, asc, eq, ne, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { LOW_STOCK_THRESHOLD } from "../inventory/stock-state";

const { listings, variants, stockLevels } = schema;

export interface SellerDashboard {
  listings: { active: number; draft: number; archived: number };
  /** Variants of live or draft listings with 1..LOW_STOCK_THRESHOLD units available. */
  lowStockVariants: number;
  /** Variants of active listings with nothing available to sell. */
  soldOutVariants: number;
  /** The lowest-stocked variants, so the seller can jump straight to them. */
  lowStock: { listingId: string; title: string; sku: string; available: number }[];
}

/** Counts for the seller's home page, only over the seller's own listings. */
export async function getSellerDashboard(db: Db, sellerId: string): Promise<SellerDashboard> {
  const available = sql<number>`coalesce((select sum(greatest(${stockLevels.onHand} - ${stockLevels.reserved}, 0))
    from ${stockLevels} where ${stockLevels.variantId} = ${variants.id}), 0)::int`;
  const stocked = db
    .select({
      listingId: listings.id,
      title: listings.title,
      status: listings.status,
      sku: variants.sku,
      available: available.as("available"),
    })
    .from(variants)
    .innerJoin(listings, eq(listings.id, variants.listingId))
    .where(and(eq(variants.sellerId, sellerId), ne(listings.status, "archived")))
    .as("stocked");

  const [counts, stock, lowStock] = await Promise.all([
    db
      .select({
        active: sql<number>`count(*) filter (where ${listings.status} = 'active')::int`,
        draft: sql<number>`count(*) filter (where ${listings.status} = 'draft')::int`,
        archived: sql<number>`count(*) filter (where ${listings.status} = 'archived')::int`,
      })
      .from(listings)
      .where(eq(listings.sellerId, sellerId)),
    db
      .select({
        low: sql<number>`count(*) filter (where ${stocked.available} between 1 and ${LOW_STOCK_THRESHOLD})::int`,
        soldOut: sql<number>`count(*) filter (where ${stocked.available} = 0 and ${stocked.status} = 'active')::int`,
      })
      .from(stocked),
    db
      .select({ listingId: stocked.listingId, title: stocked.title, sku: stocked.sku, available: stocked.available })
      .from(stocked)
      .where(sql`${stocked.available} between 1 and ${LOW_STOCK_THRESHOLD}`)
      .orderBy(asc(stocked.available), asc(stocked.title), asc(stocked.sku))
      .limit(5),
  ]);
  const c = counts[0];
  const s = stock[0];
  return {
    listings: { active: c?.active ?? 0, draft: c?.draft ?? 0, archived: c?.archived ?? 0 },
    lowStockVariants: s?.low ?? 0,
    soldOutVariants: s?.soldOut ?? 0,
    lowStock,
  };
}
