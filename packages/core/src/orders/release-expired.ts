import { and, eq, lt, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { releaseReservations } from "./stock-moves";

const { checkoutGroups, orders } = schema;

/**
 * Releases the stock held by checkouts whose payment never finished (the process stopped between
 * reserving and confirming). Safe to run from several workers: each group is claimed under a row lock.
 */
export async function releaseExpiredCheckouts(db: Db, now: Date = new Date()): Promise<number> {
  const expired = await db
    .select({ id: checkoutGroups.id })
    .from(checkoutGroups)
    .where(and(eq(checkoutGroups.status, "processing"), lt(checkoutGroups.expiresAt, now)))
    .limit(100);
  let released = 0;
  for (const { id } of expired) {
    const done = await db.transaction(async (tx) => {
      const [group] = await tx
        .select({ id: checkoutGroups.id })
        .from(checkoutGroups)
        .where(and(eq(checkoutGroups.id, id), eq(checkoutGroups.status, "processing")))
        .for("update", { skipLocked: true });
      if (!group) return false;
      const pending = await tx.select({ id: orders.id }).from(orders).where(eq(orders.groupId, id));
      await releaseReservations(
        tx,
        pending.map((o) => o.id),
      );
      await tx.delete(orders).where(eq(orders.groupId, id));
      await tx
        .update(checkoutGroups)
        .set({ status: "declined", declineCode: "expired", declineMessage: "The checkout was not completed in time. Nothing was charged; please try again." })
        .where(eq(checkoutGroups.id, id));
      return true;
    });
    if (done) released++;
  }
  return released;
}
