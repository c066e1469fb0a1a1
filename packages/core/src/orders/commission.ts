import { inArray, isNull, or, type Db } from "@agora/db";
import { schema } from "@agora/db";

const { commissionRates, categories } = schema;

/** Used when the operator has set no default rate. */
export const FALLBACK_COMMISSION_BPS = 1000;

export interface CommissionRule {
  sellerId: string | null;
  categoryId: string | null;
  rateBps: number;
}

/**
 * The most specific rate wins: the seller's own rate, then the line's category, then its parent
 * categories (nearest first), then the default.
 */
export function pickCommissionRate(rules: CommissionRule[], sellerId: string, categoryPath: string[]): number {
  const seller = rules.find((r) => r.sellerId === sellerId);
  if (seller) return seller.rateBps;
  for (const categoryId of categoryPath) {
    const category = rules.find((r) => r.categoryId === categoryId);
    if (category) return category.rateBps;
  }
  return rules.find((r) => r.sellerId === null && r.categoryId === null)?.rateBps ?? FALLBACK_COMMISSION_BPS;
}

/** Commission in minor units, rounded half up per line. */
export const commissionOf = (amountMinor: number, rateBps: number) => Math.round((amountMinor * rateBps) / 10_000);

/** Rates for each (seller, category) needed by an order, keyed `${sellerId}:${categoryId}`. */
export async function commissionRatesFor(db: Db, pairs: { sellerId: string; categoryId: string }[]): Promise<Map<string, number>> {
  const sellerIds = [...new Set(pairs.map((p) => p.sellerId))];
  const categoryRows = await db.select({ id: categories.id, parentId: categories.parentId }).from(categories);
  const parentOf = new Map(categoryRows.map((c) => [c.id, c.parentId]));
  const pathOf = (id: string) => {
    const path: string[] = [];
    for (let c: string | null | undefined = id; c && path.length < 10; c = parentOf.get(c)) path.push(c);
    return path;
  };
  const rules = await db
    .select({ sellerId: commissionRates.sellerId, categoryId: commissionRates.categoryId, rateBps: commissionRates.rateBps })
    .from(commissionRates)
    .where(or(sellerIds.length ? inArray(commissionRates.sellerId, sellerIds) : undefined, isNull(commissionRates.sellerId)));
  const out = new Map<string, number>();
  for (const p of pairs) out.set(`${p.sellerId}:${p.categoryId}`, pickCommissionRate(rules, p.sellerId, pathOf(p.categoryId)));
  return out;
}

