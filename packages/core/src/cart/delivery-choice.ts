import { type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { ChooseDeliveryInput } from "@agora/validators";
import { DomainError } from "../errors";
import { cartViewById, type CartView } from "./cart-view";
import { lockCart, touchCart, type CartOwner } from "./owner";

const { cartDeliveryChoices } = schema;

/**
 * Chooses how one seller's part of the cart is delivered: only an option offered for that part right now
 * (so never another seller's method, or pickup at a location that does not hold the items).
 */
export async function chooseDelivery(
  db: Db,
  owner: CartOwner | null,
  input: ChooseDeliveryInput,
  now: Date = new Date(),
): Promise<CartView> {
  return db.transaction(async (tx) => {
    const cartId = await lockCart(tx, owner, { create: false });
    const view = cartId ? await cartViewById(tx, cartId, now) : null;
    const group = view?.groups.find((g) => g.seller.id === input.sellerId);
    if (!cartId || !group)
      throw new DomainError("NOT_FOUND", "Nothing from that seller is in your cart.", {
        fieldErrors: { sellerId: "Nothing from that seller is in your cart." },
      });

    const byMethod = "methodId" in input;
    const offered = group.deliveryOptions.some((o) =>
      byMethod
        ? o.kind === "shipping" && o.methodId === input.methodId
        : o.kind === "pickup" && o.locationId === input.pickupLocationId,
    );
    if (!offered) {
      const message = byMethod
        ? `Choose one of the delivery options ${group.seller.name} offers for these items.`
        : `Pickup there is not available for these items. Choose another option from ${group.seller.name}.`;
      throw new DomainError("INVALID_INPUT", message, { fieldErrors: { [byMethod ? "methodId" : "pickupLocationId"]: message } });
    }

    const choice = byMethod
      ? { shippingMethodId: input.methodId, pickupLocationId: null }
      : { shippingMethodId: null, pickupLocationId: input.pickupLocationId };
    await tx
      .insert(cartDeliveryChoices)
      .values({ cartId, sellerId: input.sellerId, ...choice })
      .onConflictDoUpdate({
        target: [cartDeliveryChoices.cartId, cartDeliveryChoices.sellerId],
        set: { ...choice, updatedAt: new Date() },
      });
    await touchCart(tx, cartId);
    return cartViewById(tx, cartId, now);
  });
}
