import { and, asc, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { StockLocationInput } from "@agora/validators";
import { DomainError, notFound, uniqueViolation } from "../errors";
import { refreshSearchDocument } from "../search";

const { stockLocations, stockLevels, variants } = schema;
export type StockLocation = typeof stockLocations.$inferSelect;

const nameTaken = () =>
  new DomainError("CONFLICT", "You already have a location with this name.", {
    fieldErrors: { name: "You already have a location with this name." },
  });

export function listLocations(db: Db, sellerId: string): Promise<StockLocation[]> {
  return db.select().from(stockLocations).where(eq(stockLocations.sellerId, sellerId)).orderBy(asc(stockLocations.name));
}

export async function createLocation(db: Db, sellerId: string, input: StockLocationInput): Promise<StockLocation> {
  try {
    const [row] = await db
      .insert(stockLocations)
      .values({ ...input, sellerId })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    return row;
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw nameTaken();
    throw error;
  }
}

export async function updateLocation(db: Db, sellerId: string, id: string, input: StockLocationInput): Promise<StockLocation> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(stockLocations)
        .set(input)
        .where(and(eq(stockLocations.id, id), eq(stockLocations.sellerId, sellerId)))
        .returning();
      if (!row) throw notFound("The location");
      // Turning pickup on or off changes "pickup available" for every listing stocked here.
      const stocked = await tx
        .selectDistinct({ listingId: variants.listingId })
        .from(stockLevels)
        .innerJoin(variants, eq(variants.id, stockLevels.variantId))
        .where(eq(stockLevels.locationId, id));
      await refreshSearchDocument(
        tx,
        stocked.map((s) => s.listingId),
      );
      return row;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw nameTaken();
    throw error;
  }
}

/** A location that still holds stock cannot be removed: the units would vanish from the books. */
export async function deleteLocation(db: Db, sellerId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [loc] = await tx
      .select({ id: stockLocations.id })
      .from(stockLocations)
      .where(and(eq(stockLocations.id, id), eq(stockLocations.sellerId, sellerId)))
      .for("update");
    if (!loc) throw notFound("The location");
    const [held] = await tx
      .select({ units: sql<number>`coalesce(sum(${stockLevels.onHand}), 0)::int` })
      .from(stockLevels)
      .where(eq(stockLevels.locationId, id));
    if ((held?.units ?? 0) > 0)
      throw new DomainError("CONFLICT", `This location still holds ${held?.units} units. Move or zero the stock first.`);
    await tx.delete(stockLocations).where(eq(stockLocations.id, id));
  });
}
