import {
  addToCart,
  cartItemCount,
  chooseDelivery,
  getCartView,
  isGuestCartToken,
  newGuestCartToken,
  removeCartLine,
  setCartLineQuantity,
  type CartOwner,
} from "@agora/core";
import { addToCartSchema, chooseDeliverySchema, removeCartLineSchema, setCartLineQuantitySchema } from "@agora/validators";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

/**
 * Whose cart this request works on: a signed-in shopper always uses their own cart (a guest cookie is
 * ignored until it is merged); a guest uses the cart named by their cookie; anyone else has none yet.
 */
const cartProcedure = publicProcedure.use(({ ctx, next }) => {
  const token = ctx.cartToken.get();
  const cartOwner: CartOwner | null = ctx.viewer
    ? { userId: ctx.viewer.id }
    : isGuestCartToken(token)
      ? { guestToken: token }
      : null;
  return next({ ctx: { ...ctx, cartOwner } });
});

const dateRange = z.object({ from: z.string(), to: z.string() });
const deliveryOption = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("shipping"),
    methodId: z.string(),
    name: z.string(),
    priceMinor: z.number(),
    basePriceMinor: z.number(),
    freeOverMinor: z.number().nullable(),
    estimate: dateRange,
  }),
  z.object({
    kind: z.literal("pickup"),
    locationId: z.string(),
    name: z.string(),
    address: z.string(),
    priceMinor: z.literal(0),
    estimate: dateRange,
  }),
]);
const cartLine = z.object({
  variantId: z.string(),
  listingId: z.string(),
  slug: z.string(),
  title: z.string(),
  sku: z.string(),
  options: z.array(z.object({ name: z.string(), value: z.string() })),
  variantLabel: z.string().nullable(),
  image: z.object({ storageKey: z.string(), widths: z.array(z.number()), alt: z.string() }).nullable(),
  currency: z.string(),
  unitPriceMinor: z.number(),
  compareAtMinor: z.number().nullable(),
  quantity: z.number(),
  available: z.number(),
  lineTotalMinor: z.number(),
  problem: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("unavailable") }),
      z.object({ kind: z.literal("out_of_stock") }),
      z.object({ kind: z.literal("insufficient"), available: z.number() }),
    ])
    .nullable(),
  counted: z.boolean(),
});
const cartView = z.object({
  groups: z.array(
    z.object({
      seller: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
      lines: z.array(cartLine),
      subtotalMinor: z.number(),
      deliveryOptions: z.array(deliveryOption),
      chosenDelivery: deliveryOption.nullable(),
      shippingMinor: z.number(),
      totalMinor: z.number(),
      noDeliveryOption: z.boolean(),
    }),
  ),
  itemCount: z.number(),
  currency: z.string(),
  subtotalMinor: z.number(),
  shippingMinor: z.number(),
  totalMinor: z.number(),
  problemCount: z.number(),
  readyForCheckout: z.boolean(),
});
const itemCount = z.object({ itemCount: z.number() });

export const cartRouter = createTRPCRouter({
  /** The whole cart, priced now, with delivery options and totals computed on the server. */
  get: cartProcedure.output(cartView).query(({ ctx }) => getCartView(ctx.db, ctx.cartOwner, new Date())),

  /** Units in the cart, for the header. */
  count: cartProcedure.output(itemCount).query(async ({ ctx }) => ({ itemCount: await cartItemCount(ctx.db, ctx.cartOwner) })),

  add: cartProcedure
    .input(addToCartSchema)
    .output(itemCount.extend({ lineQuantity: z.number() }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.cartOwner) return addToCart(ctx.db, ctx.cartOwner, input);
      // A guest's first add creates their cart; the cookie is only sent once that succeeded.
      const guestToken = newGuestCartToken();
      const result = await addToCart(ctx.db, { guestToken }, input);
      ctx.cartToken.set(guestToken);
      return result;
    }),

  setQuantity: cartProcedure
    .input(setCartLineQuantitySchema)
    .output(cartView)
    .mutation(async ({ ctx, input }) => {
      await setCartLineQuantity(ctx.db, ctx.cartOwner, input);
      return getCartView(ctx.db, ctx.cartOwner, new Date());
    }),

  remove: cartProcedure
    .input(removeCartLineSchema)
    .output(cartView)
    .mutation(async ({ ctx, input }) => {
      await removeCartLine(ctx.db, ctx.cartOwner, input);
      return getCartView(ctx.db, ctx.cartOwner, new Date());
    }),

  chooseDelivery: cartProcedure
    .input(chooseDeliverySchema)
    .output(cartView)
    .mutation(({ ctx, input }) => chooseDelivery(ctx.db, ctx.cartOwner, input, new Date())),
});
