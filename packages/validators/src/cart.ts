import { z } from "zod";
import { idSchema } from "./common";

/** The most of one item a cart line can hold. */
export const MAX_LINE_QUANTITY = 99;

const quantity = z
  .number({ message: "Enter a quantity" })
  .int("Enter a whole number")
  .max(MAX_LINE_QUANTITY, `You can buy at most ${MAX_LINE_QUANTITY} of one item`);

export const addToCartSchema = z.object({
  variantId: idSchema,
  quantity: quantity.min(1, "Add at least 1"),
});
export type AddToCartInput = z.infer<typeof addToCartSchema>;

/** 0 removes the line. */
export const setCartLineQuantitySchema = z.object({
  variantId: idSchema,
  quantity: quantity.min(0, "A quantity cannot be negative"),
});
export type SetCartLineQuantityInput = z.infer<typeof setCartLineQuantitySchema>;

export const removeCartLineSchema = z.object({ variantId: idSchema });
export type RemoveCartLineInput = z.infer<typeof removeCartLineSchema>;

/** A seller's part of the cart goes by one shipping method or is collected from one of its locations. */
export const chooseDeliverySchema = z.union([
  z.object({ sellerId: idSchema, methodId: idSchema }).strict(),
  z.object({ sellerId: idSchema, pickupLocationId: idSchema }).strict(),
]);
export type ChooseDeliveryInput = z.infer<typeof chooseDeliverySchema>;
