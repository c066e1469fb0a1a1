import { and, eq, inArray, isNotNull, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { refreshSearchDocument } from "../search";

const { orderAllocations, orderLines, stockLevels, variants } = schema;

async function allocationsOf(tx: Db, orderIds: string[]) {
  if (!orderIds.length) return [];
  return tx
    .select({ variantId: orderAllocations.variantId, locationId: orderAllocations.locationId, quantity: orderAllocations.quantity })
    .from(orderAllocations)
    .innerJoin(orderLines, eq(orderLines.id, orderAllocations.orderLineId))
    .where(and(inArray(orderLines.orderId, orderIds), isNotNull(orderAllocations.variantId), isNotNull(orderAllocations.locationId)));
}

/**
 * Every stock move changes what a listing has for sale: its search document (in stock, pickup) is
 * rewritten in the same transaction, so search never offers a sold-out listing nor hides one back on
 * sale. Call it after the stock rows are locked and updated.
 */
export async function refreshStockOf(tx: Db, variantIds: readonly string[]): Promise<void> {
  const ids = [...new Set(variantIds)];
  if (!ids.length) return;
  const rows = await tx.selectDistinct({ listingId: variants.listingId }).from(variants).where(inArray(variants.id, ids));
  await refreshSearchDocument(
    tx,
    rows.map((r) => r.listingId),
  );
}

/** Cancelling before shipment: the reserved units become available to sell again. */
export async function releaseReservations(tx: Db, orderIds: string[]): Promise<void> {
  const allocations = await allocationsOf(tx, orderIds);
  for (const a of allocations)
    await tx
      .update(stockLevels)
      .set({ reserved: sql`greatest(${stockLevels.reserved} - ${a.quantity}, 0)` })
      .where(and(eq(stockLevels.variantId, a.variantId ?? ""), eq(stockLevels.locationId, a.locationId ?? "")));
  await refreshStockOf(
    tx,
    allocations.flatMap((a) => (a.variantId ? [a.variantId] : [])),
  );
}

/** Shipping: the reserved units leave the shelf (on hand and reserved both go down). */
export async function consumeReservations(tx: Db, orderId: string): Promise<void> {
  for (const a of await allocationsOf(tx, [orderId]))
    await tx
      .update(stockLevels)
      .set({
        onHand: sql`greatest(${stockLevels.onHand} - ${a.quantity}, 0)`,
        reserved: sql`greatest(${stockLevels.reserved} - ${a.quantity}, 0)`,
      })
      .where(and(eq(stockLevels.variantId, a.variantId ?? ""), eq(stockLevels.locationId, a.locationId ?? "")));
}
