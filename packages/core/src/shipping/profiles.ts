import { and, asc, eq, ne, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { MAX_SHIPPING_METHODS, type ShippingMethodInput, type ShippingProfileInput } from "@agora/validators";
import { DomainError, notFound } from "../errors";

const { shippingProfiles, shippingMethods } = schema;

export type ShippingProfile = typeof shippingProfiles.$inferSelect;
export type ShippingMethod = typeof shippingMethods.$inferSelect;

export interface ShippingSettings {
  /** Null until the seller saves it: then no shipping method is offered to shoppers. */
  profile: ShippingProfile | null;
  methods: ShippingMethod[];
}

const methodNotFound = () => notFound("The shipping method");

const nameTaken = () =>
  new DomainError("CONFLICT", "You already have a shipping method with this name.", {
    fieldErrors: { name: "You already have a shipping method with this name." },
  });

export async function getShippingSettings(db: Db, sellerId: string): Promise<ShippingSettings> {
  const [profiles, methods] = await Promise.all([
    db.select().from(shippingProfiles).where(eq(shippingProfiles.sellerId, sellerId)),
    db
      .select()
      .from(shippingMethods)
      .where(eq(shippingMethods.sellerId, sellerId))
      .orderBy(asc(shippingMethods.position), asc(shippingMethods.createdAt)),
  ]);
  return { profile: profiles[0] ?? null, methods };
}

export async function saveShippingProfile(db: Db, sellerId: string, input: ShippingProfileInput): Promise<ShippingProfile> {
  const [row] = await db
    .insert(shippingProfiles)
    .values({ sellerId, ...input })
    .onConflictDoUpdate({ target: shippingProfiles.sellerId, set: { ...input, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error("upsert returned nothing");
  return row;
}

/**
 * Locks the seller's profile row so method writes of one seller run one at a time: the name check and
 * the method limit then hold under concurrent requests.
 */
async function lockProfile(tx: Db, sellerId: string): Promise<boolean> {
  const [row] = await tx
    .select({ sellerId: shippingProfiles.sellerId })
    .from(shippingProfiles)
    .where(eq(shippingProfiles.sellerId, sellerId))
    .for("update");
  return row !== undefined;
}

async function assertNameFree(tx: Db, sellerId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: shippingMethods.id })
    .from(shippingMethods)
    .where(
      and(
        eq(shippingMethods.sellerId, sellerId),
        sql`lower(${shippingMethods.name}) = lower(${name})`,
        exceptId ? ne(shippingMethods.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw nameTaken();
}

export async function createShippingMethod(db: Db, sellerId: string, input: ShippingMethodInput): Promise<ShippingMethod> {
  return db.transaction(async (tx) => {
    if (!(await lockProfile(tx, sellerId)))
      throw new DomainError("INVALID_STATE", "Save your dispatch settings before adding shipping methods.");
    const [stats] = await tx
      .select({
        count: sql<number>`count(*)::int`,
        nextPosition: sql<number>`coalesce(max(${shippingMethods.position}) + 1, 0)::int`,
      })
      .from(shippingMethods)
      .where(eq(shippingMethods.sellerId, sellerId));
    if ((stats?.count ?? 0) >= MAX_SHIPPING_METHODS)
      throw new DomainError(
        "CONFLICT",
        `You can have at most ${MAX_SHIPPING_METHODS} shipping methods. Delete one you no longer use first.`,
      );
    await assertNameFree(tx, sellerId, input.name);
    const [row] = await tx
      .insert(shippingMethods)
      .values({ ...input, sellerId, position: stats?.nextPosition ?? 0 })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    return row;
  });
}

export async function updateShippingMethod(
  db: Db,
  sellerId: string,
  id: string,
  input: ShippingMethodInput,
): Promise<ShippingMethod> {
  return db.transaction(async (tx) => {
    await lockProfile(tx, sellerId);
    const [own] = await tx
      .select({ id: shippingMethods.id })
      .from(shippingMethods)
      .where(and(eq(shippingMethods.id, id), eq(shippingMethods.sellerId, sellerId)));
    if (!own) throw methodNotFound();
    await assertNameFree(tx, sellerId, input.name, id);
    const [row] = await tx
      .update(shippingMethods)
      .set(input)
      .where(and(eq(shippingMethods.id, id), eq(shippingMethods.sellerId, sellerId)))
      .returning();
    if (!row) throw methodNotFound();
    return row;
  });
}

export async function setShippingMethodActive(db: Db, sellerId: string, id: string, active: boolean): Promise<ShippingMethod> {
  const [row] = await db
    .update(shippingMethods)
    .set({ active })
    .where(and(eq(shippingMethods.id, id), eq(shippingMethods.sellerId, sellerId)))
    .returning();
  if (!row) throw methodNotFound();
  return row;
}

/** Open carts that chose this method fall back to another option: the cart's reference is removed with it. */
export async function deleteShippingMethod(db: Db, sellerId: string, id: string): Promise<void> {
  const [row] = await db
    .delete(shippingMethods)
    .where(and(eq(shippingMethods.id, id), eq(shippingMethods.sellerId, sellerId)))
    .returning({ id: shippingMethods.id });
  if (!row) throw methodNotFound();
}

/** `ids` must name every one of the seller's methods once, in the order shoppers should see them. */
export async function reorderShippingMethods(db: Db, sellerId: string, ids: string[]): Promise<ShippingMethod[]> {
  return db.transaction(async (tx) => {
    await lockProfile(tx, sellerId);
    const own = await tx.select({ id: shippingMethods.id }).from(shippingMethods).where(eq(shippingMethods.sellerId, sellerId));
    const ownIds = new Set(own.map((m) => m.id));
    if (ids.some((id) => !ownIds.has(id))) throw methodNotFound();
    if (new Set(ids).size !== ownIds.size)
      throw new DomainError("INVALID_INPUT", "The list of shipping methods is out of date. Reload the page and try again.");
    for (const [position, id] of ids.entries())
      await tx
        .update(shippingMethods)
        .set({ position })
        .where(and(eq(shippingMethods.id, id), eq(shippingMethods.sellerId, sellerId)));
    return tx
      .select()
      .from(shippingMethods)
      .where(eq(shippingMethods.sellerId, sellerId))
      .orderBy(asc(shippingMethods.position), asc(shippingMethods.createdAt));
  });
}
