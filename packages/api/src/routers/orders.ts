import { cancelOrder, checkoutCart, deleteAddress, getBuyerCheckout, getBuyerOrder, listAddresses, listBuyerOrders, saveAddress } from "@agora/core";
import { addressSchema, buyerCancelSchema, idSchema, orderIdSchema, placeOrderSchema } from "@agora/validators";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The shopper's side: placing orders, reading their own orders, cancelling before shipment, addresses. */
export const ordersRouter = createTRPCRouter({
  place: protectedProcedure
    .input(placeOrderSchema)
    .output(z.object({ groupId: z.string(), totalMinor: z.number(), orders: z.array(z.object({ id: z.string(), number: z.number(), sellerId: z.string() })) }))
    .mutation(async ({ ctx, input }) => {
      const placed = await checkoutCart(ctx.db, ctx.payments, { id: ctx.viewer.id, email: ctx.viewer.email }, input);
      if (placed.cacheTags.length) await ctx.revalidate(placed.cacheTags);
      return { groupId: placed.groupId, totalMinor: placed.totalMinor, orders: placed.orders };
    }),

  list: protectedProcedure
    .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }).default({ page: 1 }))
    .query(({ ctx, input }) => listBuyerOrders(ctx.db, ctx.viewer.id, { page: input.page })),

  get: protectedProcedure.input(orderIdSchema).query(({ ctx, input }) => getBuyerOrder(ctx.db, ctx.viewer.id, input.orderId)),

  checkout: protectedProcedure.input(z.object({ groupId: idSchema })).query(({ ctx, input }) => getBuyerCheckout(ctx.db, ctx.viewer.id, input.groupId)),

  cancel: protectedProcedure.input(buyerCancelSchema).mutation(async ({ ctx, input }) => {
    const { order, cacheTags } = await cancelOrder(ctx.db, ctx.payments, { kind: "buyer", userId: ctx.viewer.id }, input);
    await ctx.revalidate(cacheTags);
    return { id: order.id, status: order.status };
  }),

  addresses: protectedProcedure.query(({ ctx }) => listAddresses(ctx.db, ctx.viewer.id)),
  saveAddress: protectedProcedure.input(addressSchema).mutation(({ ctx, input }) => saveAddress(ctx.db, ctx.viewer.id, input)),
  deleteAddress: protectedProcedure.input(z.object({ addressId: idSchema })).mutation(({ ctx, input }) => deleteAddress(ctx.db, ctx.viewer.id, input.addressId)),
});
