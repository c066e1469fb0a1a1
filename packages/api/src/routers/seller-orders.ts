import { acceptOrder, cancelOrder, countNewSellerOrders, getSellerOrder, listSellerOrders, markOrderDelivered, postOrderDelay, sellerLedger, shipOrder } from "@agora/core";
import { cancelOrderSchema, orderIdSchema, postDelaySchema, sellerOrderQueueSchema, shipOrderSchema } from "@agora/validators";
import { createTRPCRouter, sellerProcedure } from "../trpc";

/** The seller's fulfilment queue: every procedure acts on the caller's own store only. */
export const sellerOrdersRouter = createTRPCRouter({
  list: sellerProcedure.input(sellerOrderQueueSchema).query(({ ctx, input }) => listSellerOrders(ctx.db, ctx.seller.id, input)),

  newCount: sellerProcedure.query(({ ctx }) => countNewSellerOrders(ctx.db, ctx.seller.id)),

  get: sellerProcedure.input(orderIdSchema).query(({ ctx, input }) => getSellerOrder(ctx.db, ctx.seller.id, input.orderId)),

  accept: sellerProcedure
    .input(orderIdSchema)
    .mutation(({ ctx, input }) => acceptOrder(ctx.db, { kind: "seller", sellerId: ctx.seller.id, userId: ctx.viewer.id }, input.orderId)),

  ship: sellerProcedure
    .input(shipOrderSchema)
    .mutation(({ ctx, input }) => shipOrder(ctx.db, ctx.payments, { kind: "seller", sellerId: ctx.seller.id, userId: ctx.viewer.id }, input)),

  markDelivered: sellerProcedure
    .input(orderIdSchema)
    .mutation(({ ctx, input }) => markOrderDelivered(ctx.db, { kind: "seller", sellerId: ctx.seller.id, userId: ctx.viewer.id }, input.orderId)),

  cancel: sellerProcedure.input(cancelOrderSchema).mutation(async ({ ctx, input }) => {
    const { order, cacheTags } = await cancelOrder(ctx.db, ctx.payments, { kind: "seller", sellerId: ctx.seller.id, userId: ctx.viewer.id }, input);
    await ctx.revalidate(cacheTags);
    return order;
  }),

  postDelay: sellerProcedure
    .input(postDelaySchema)
    .mutation(({ ctx, input }) => postOrderDelay(ctx.db, { kind: "seller", sellerId: ctx.seller.id, userId: ctx.viewer.id }, input)),

  ledger: sellerProcedure.query(({ ctx }) => sellerLedger(ctx.db, ctx.seller.id)),
});
