import { getCategoryTree, recordListingView } from "@agora/core";
import { listingIdSchema } from "@agora/validators";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const catalogRouter = createTRPCRouter({
  categories: publicProcedure.query(({ ctx }) => getCategoryTree(ctx.db)),
  recordView: publicProcedure.input(listingIdSchema).mutation(({ ctx, input }) => recordListingView(ctx.db, input.id)),
});
