import { and, desc, eq, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { AddressInput } from "@agora/validators";
import { notFound } from "../errors";

const { addresses } = schema;

export type SavedAddress = typeof addresses.$inferSelect;

export async function listAddresses(db: Db, userId: string): Promise<SavedAddress[]> {
  return db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), desc(addresses.updatedAt));
}

/** Saves a new address; the first one becomes the default. An identical saved address is reused. */
export async function saveAddress(db: Db, userId: string, input: AddressInput, options: { makeDefault?: boolean } = {}): Promise<SavedAddress> {
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(addresses).where(eq(addresses.userId, userId));
    const same = existing.find(
      (a) =>
        a.name === input.name && a.line1 === input.line1 && a.line2 === input.line2 && a.city === input.city && a.region === input.region &&
        a.postalCode === input.postalCode && a.country === input.country,
    );
    const makeDefault = options.makeDefault || existing.length === 0;
    if (makeDefault) await tx.update(addresses).set({ isDefault: false }).where(and(eq(addresses.userId, userId), eq(addresses.isDefault, true)));
    if (same) {
      const [updated] = await tx.update(addresses).set({ phone: input.phone, isDefault: makeDefault || same.isDefault }).where(eq(addresses.id, same.id)).returning();
      return updated ?? same;
    }
    const [row] = await tx.insert(addresses).values({ ...input, userId, isDefault: makeDefault }).returning();
    if (!row) throw new Error("address insert returned nothing");
    return row;
  });
}

export async function deleteAddress(db: Db, userId: string, addressId: string): Promise<void> {
  const [gone] = await db.delete(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId))).returning({ id: addresses.id });
  if (!gone) throw notFound("The address");
}

/** One of the person's own addresses; anyone else's id is not found. */
export async function getOwnAddress(db: Db, userId: string, addressId: string): Promise<SavedAddress> {
  const [row] = await db.select().from(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
  if (!row) throw notFound("The address");
  return row;
}
