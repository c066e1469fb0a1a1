import { and, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import {
  MAX_LINE_QUANTITY,
  type AddToCartInput,
  type RemoveCartLineInput,
  type SetCartLineQuantityInput,
} from "@agora/validators";
import { DomainError } from "../errors";
import { findCartId, lockCart, touchCart, type CartOwner } from "./owner";
import { onlyLeftMessage, variantStock } from "./purchasable";

const { cartLines } = schema;

const notPurchasable = () =>
  new DomainError("NOT_FOUND", "This item is no longer available.", {
    fieldErrors: { variantId: "This item is no longer available." },
  });

const outOfStock = (message: string) => new DomainError("OUT_OF_STOCK", message, { fieldErrors: { quantity: message } });

async function lineQuantity(db: Db, cartId: string, variantId: string): Promise<number> {
  const [line] = await db
    .select({ quantity: cartLines.quantity })
    .from(cartLines)
    .where(and(eq(cartLines.cartId, cartId), eq(cartLines.variantId, variantId)));
  return line?.quantity ?? 0;
}

/**
 * Adds a variant (creating a guest's cart on the first add); adding one already in the cart raises its
 * quantity. Refused, saving nothing, when the variant cannot be bought or the cart would hold more than
 * is available now.
 */
export async function addToCart(
  db: Db,
  owner: CartOwner,
  input: AddToCartInput,
): Promise<{ itemCount: number; lineQuantity: number }> {
  return db.transaction(async (tx) => {
    const stock = (await variantStock(tx, [input.variantId])).get(input.variantId);
    if (!stock?.purchasable) throw notPurchasable();
    if (stock.available <= 0) throw outOfStock(onlyLeftMessage(0));

    const cartId = await lockCart(tx, owner, { create: true });
    if (!cartId) throw new Error("the cart could not be created");
    const inCart = await lineQuantity(tx, cartId, input.variantId);
    const wanted = inCart + input.quantity;
    if (wanted > stock.available) throw outOfStock(onlyLeftMessage(stock.available, inCart));
    if (wanted > MAX_LINE_QUANTITY) {
      const message = `You can buy at most ${MAX_LINE_QUANTITY} of one item, and you already have ${inCart} in your cart.`;
      throw new DomainError("INVALID_INPUT", message, { fieldErrors: { quantity: message } });
    }

    await tx
      .insert(cartLines)
      .values({ cartId, variantId: input.variantId, quantity: input.quantity })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.variantId],
        set: { quantity: sql`${cartLines.quantity} + excluded.quantity` },
      });
    await touchCart(tx, cartId);
    const [total] = await tx
      .select({ n: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int`.mapWith(Number) })
      .from(cartLines)
      .where(eq(cartLines.cartId, cartId));
    return { itemCount: total?.n ?? 0, lineQuantity: wanted };
  });
}

/**
 * Sets a line's quantity; 0 removes it. Lowering is always allowed (that is how a shopper fixes a line
 * with more than is left); raising is checked against what is available now.
 */
export async function setCartLineQuantity(db: Db, owner: CartOwner | null, input: SetCartLineQuantityInput): Promise<void> {
  if (input.quantity === 0) return removeCartLine(db, owner, { variantId: input.variantId });
  await db.transaction(async (tx) => {
    const cartId = await lockCart(tx, owner, { create: false });
    const current = cartId ? await lineQuantity(tx, cartId, input.variantId) : 0;
    if (!cartId || current === 0)
      throw new DomainError("NOT_FOUND", "That item is not in your cart.", {
        fieldErrors: { variantId: "That item is not in your cart." },
      });
    if (input.quantity > current) {
      const stock = (await variantStock(tx, [input.variantId])).get(input.variantId);
      if (!stock?.purchasable) throw notPurchasable();
      if (input.quantity > stock.available) throw outOfStock(onlyLeftMessage(stock.available));
    }
    await tx
      .update(cartLines)
      .set({ quantity: input.quantity })
      .where(and(eq(cartLines.cartId, cartId), eq(cartLines.variantId, input.variantId)));
    await touchCart(tx, cartId);
  });
}

/** Removes a line; removing one that is already gone changes nothing (a double click is harmless). */
export async function removeCartLine(db: Db, owner: CartOwner | null, input: RemoveCartLineInput): Promise<void> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return;
  await db.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.variantId, input.variantId)));
  await touchCart(db, cartId);
}
