import { and, eq, inArray, isNotNull, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";

const { orderAllocations, orderLines, stockLevels } = schema;

async function allocationsOf(tx: Db, orderIds: string[]) {
  if (!orderIds.length) return [];
  return tx
    .select({ variantId: orderAllocations.variantId, locationId: orderAllocations.locationId, quantity: orderAllocations.quantity })
    .from(orderAllocations)
    .innerJoin(orderLines, eq(orderLines.id, orderAllocations.orderLineId))
    .where(and(inArray(orderLines.orderId, orderIds), isNotNull(orderAllocations.variantId), isNotNull(orderAllocations.locationId)));
}

/** Cancelling before shipment: the reserved units become available to sell again. */
export async function releaseReservations(tx: Db, orderIds: string[]): Promise<void> {
  for (const a of await allocationsOf(tx, orderIds))
    await tx
      .update(stockLevels)
      .set({ reserved: sql`greatest(${stockLevels.reserved} - ${a.quantity}, 0)` })
      .where(and(eq(stockLevels.variantId, a.variantId ?? ""), eq(stockLevels.locationId, a.locationId ?? "")));
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
