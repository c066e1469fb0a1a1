import { randomBytes } from "node:crypto";
import { and, eq, isNull, type Db } from "@agora/db";
import { schema } from "@agora/db";

const { carts } = schema;

/**
 * Whose cart: a signed-in shopper's, or a guest's identified by the random token kept in their cookie.
 * A guest cart never has a user, so a guest token can never reach a shopper's cart.
 */
export type CartOwner = { userId: string } | { guestToken: string };

/** 32 random bytes, URL-safe: unguessable, so one guest cannot read another's cart. */
export function newGuestCartToken(): string {
  return randomBytes(32).toString("base64url");
}

/** True for a value newGuestCartToken could have made; anything else in the cookie is ignored. */
export function isGuestCartToken(value: string | null | undefined): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Ownership, always in the WHERE clause. */
export function ownerWhere(owner: CartOwner) {
  return "userId" in owner ? eq(carts.userId, owner.userId) : and(eq(carts.guestToken, owner.guestToken), isNull(carts.userId));
}

/** null is a visitor with no cart yet (no cookie): there is nothing to find. */
export async function findCartId(db: Db, owner: CartOwner | null): Promise<string | null> {
  if (!owner) return null;
  const [cart] = await db.select({ id: carts.id }).from(carts).where(ownerWhere(owner));
  return cart?.id ?? null;
}

/**
 * The owner's cart, created when missing, locked for the rest of the transaction so that concurrent
 * changes to one cart are checked against stock one after the other.
 */
export async function lockCart(tx: Db, owner: CartOwner | null, options: { create: boolean }): Promise<string | null> {
  if (!owner) return null;
  if (options.create) {
    if ("userId" in owner) await tx.insert(carts).values({ userId: owner.userId }).onConflictDoNothing({ target: carts.userId });
    else await tx.insert(carts).values({ guestToken: owner.guestToken }).onConflictDoNothing({ target: carts.guestToken });
  }
  const [cart] = await tx.select({ id: carts.id }).from(carts).where(ownerWhere(owner)).for("update");
  return cart?.id ?? null;
}

/** Records when the cart last changed. */
export async function touchCart(db: Db, cartId: string): Promise<void> {
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
}
