import { eq, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { MAX_LINE_QUANTITY } from "@agora/validators";
import { cartItemCount } from "./cart-view";
import { lockCart, touchCart } from "./owner";
import { variantStock } from "./purchasable";

const { carts, cartLines, cartDeliveryChoices } = schema;

/**
 * Moves a guest's cart into the shopper's on sign-in, in one transaction: quantities of the same variant
 * are summed and capped at what is available (never below what the shopper already had), the guest's
 * delivery choices fill in where the shopper had none, and the guest cart is deleted.
 * Lines that cannot be bought at all move over as they are, so the cart shows the problem instead of
 * silently dropping them. Returns the number of units in the shopper's cart.
 */
export async function mergeGuestCart(db: Db, guestToken: string, userId: string): Promise<{ itemCount: number }> {
  return db.transaction(async (tx) => {
    const guestCartId = await lockCart(tx, { guestToken }, { create: false });
    const userCartId = guestCartId ? await lockCart(tx, { userId }, { create: true }) : null;
    if (!guestCartId || !userCartId) return { itemCount: await cartItemCount(tx, { userId }) };

    const [guestLines, userLines, guestChoices] = await Promise.all([
      tx.select().from(cartLines).where(eq(cartLines.cartId, guestCartId)),
      tx.select().from(cartLines).where(eq(cartLines.cartId, userCartId)),
      tx.select().from(cartDeliveryChoices).where(eq(cartDeliveryChoices.cartId, guestCartId)),
    ]);
    const stock = await variantStock(
      tx,
      guestLines.map((l) => l.variantId),
    );
    const mine = new Map(userLines.map((l) => [l.variantId, l.quantity]));

    for (const line of guestLines) {
      const had = mine.get(line.variantId) ?? 0;
      const s = stock.get(line.variantId);
      const canBuy = s?.purchasable === true && s.available > 0;
      const quantity = canBuy
        ? Math.max(had, Math.min(had + line.quantity, s.available, MAX_LINE_QUANTITY))
        : had || Math.min(line.quantity, MAX_LINE_QUANTITY);
      if (quantity === had) continue;
      await tx
        .insert(cartLines)
        .values({ cartId: userCartId, variantId: line.variantId, quantity, addedAt: line.addedAt })
        .onConflictDoUpdate({ target: [cartLines.cartId, cartLines.variantId], set: { quantity } });
      mine.set(line.variantId, quantity);
    }

    if (guestChoices.length)
      await tx
        .insert(cartDeliveryChoices)
        .values(
          guestChoices.map((c) => ({
            cartId: userCartId,
            sellerId: c.sellerId,
            shippingMethodId: c.shippingMethodId,
            pickupLocationId: c.pickupLocationId,
          })),
        )
        .onConflictDoNothing({ target: [cartDeliveryChoices.cartId, cartDeliveryChoices.sellerId] });

    await tx.delete(carts).where(eq(carts.id, guestCartId));
    await touchCart(tx, userCartId);
    return { itemCount: [...mine.values()].reduce((sum, q) => sum + q, 0) };
  });
}
