import { eq, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { DeliveryChoiceInput, PlaceOrderInput } from "@agora/validators";
import { getOwnAddress, saveAddress } from "../customers/addresses";
import { DomainError } from "../errors";
import type { PaymentProvider } from "../payments/provider";
import { placeOrder, previousCheckout, type PlacedCheckout } from "./place-order";

const { carts, cartLines, cartDeliveryChoices } = schema;

/**
 * Checkout for a signed-in shopper: the lines and delivery choices come from their cart on the server,
 * the address from their saved addresses or the form. Prices are never taken from the client.
 */
export async function checkoutCart(
  db: Db,
  provider: PaymentProvider,
  buyer: { id: string; email: string },
  input: PlaceOrderInput,
  now: Date = new Date(),
): Promise<PlacedCheckout> {
  // A retry after success finds the cart already emptied: answer with the first result.
  const previous = await previousCheckout(db, buyer.id, input.idempotencyKey);
  if (previous) return previous;

  const [cart] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, buyer.id));
  const lines = cart
    ? await db.select({ variantId: cartLines.variantId, quantity: cartLines.quantity }).from(cartLines).where(eq(cartLines.cartId, cart.id))
    : [];
  if (!lines.length) throw new DomainError("INVALID_INPUT", "Your cart is empty.");
  const choices: DeliveryChoiceInput[] = cart
    ? (await db.select().from(cartDeliveryChoices).where(eq(cartDeliveryChoices.cartId, cart.id))).flatMap((c) =>
        c.shippingMethodId
          ? [{ sellerId: c.sellerId, methodId: c.shippingMethodId } as DeliveryChoiceInput]
          : c.pickupLocationId
            ? [{ sellerId: c.sellerId, pickupLocationId: c.pickupLocationId } as DeliveryChoiceInput]
            : [],
      )
    : [];

  let address: schema.AddressSnapshot | null = input.address ?? null;
  if (input.savedAddressId) {
    const saved = await getOwnAddress(db, buyer.id, input.savedAddressId).catch(() => {
      throw new DomainError("INVALID_INPUT", "Choose one of your saved addresses.", { fieldErrors: { savedAddressId: "Choose one of your saved addresses" } });
    });
    address = {
      name: saved.name,
      line1: saved.line1,
      line2: saved.line2,
      city: saved.city,
      region: saved.region,
      postalCode: saved.postalCode,
      country: saved.country,
      phone: saved.phone,
    };
  }

  const placed = await placeOrder(
    db,
    provider,
    {
      buyer,
      idempotencyKey: input.idempotencyKey,
      lines,
      deliveryChoices: choices,
      address,
      payment: input.payment,
      expectedTotalMinor: input.expectedTotalMinor,
      cartId: cart?.id,
    },
    now,
  );
  if (input.saveAddress && input.address) await saveAddress(db, buyer.id, input.address);
  return placed;
}
