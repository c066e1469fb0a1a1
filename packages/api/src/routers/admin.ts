import { cacheTags, listSellersForReview, reviewSeller } from "@agora/core";
import { reviewSellerSchema, sellerStatusFilterSchema } from "@agora/validators";
import { createTRPCRouter, operatorProcedure } from "../trpc";

export const adminRouter = createTRPCRouter({
  sellers: createTRPCRouter({
    list: operatorProcedure.input(sellerStatusFilterSchema).query(({ ctx, input }) => listSellersForReview(ctx.db, input.status)),
    review: operatorProcedure.input(reviewSellerSchema).mutation(async ({ ctx, input }) => {
      const seller = await reviewSeller(ctx.db, ctx.viewer.id, input);
      await ctx.revalidate([cacheTags.seller(seller.id), cacheTags.catalog]);
      return seller;
    }),
  }),
});
