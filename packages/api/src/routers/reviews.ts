import {
  createReview,
  getOwnReview,
  listingDiscussions,
  listingRatingSummary,
  listListingReviews,
  listSellerReviews,
  replyToReview,
  reviewEligibility,
  updateReview,
  deleteReview,
} from "@agora/core";
import {
  createReviewSchema,
  listingDiscussionsOutputSchema,
  listingIdInputSchema,
  listReviewsSchema,
  ratingSummarySchema,
  reviewListOutputSchema,
  sellerReplySchema,
  sellerReviewsSchema,
  updateReviewSchema,
  deleteReviewSchema,
} from "@agora/validators";
import { createTRPCRouter, protectedProcedure, publicProcedure, sellerProcedure } from "../trpc";

/** Product reviews: shoppers read them, verified buyers write one per product, the seller replies once. */
export const reviewsRouter = createTRPCRouter({
  /** A page of a listing's reviews with the star breakdown; the viewer's own review is included, marked. */
  list: publicProcedure
    .input(listReviewsSchema)
    .output(reviewListOutputSchema)
    .query(({ ctx, input }) => listListingReviews(ctx.db, input, ctx.viewer?.id ?? null)),

  summary: publicProcedure
    .input(listingIdInputSchema)
    .output(ratingSummarySchema)
    .query(({ ctx, input }) => listingRatingSummary(ctx.db, input.listingId)),

  /** Whether the signed-in shopper may review the listing, and their review's source when they have one. */
  mine: protectedProcedure.input(listingIdInputSchema).query(async ({ ctx, input }) => {
    const [eligibility, review] = await Promise.all([
      reviewEligibility(ctx.db, ctx.viewer.id, input.listingId),
      getOwnReview(ctx.db, ctx.viewer.id, input.listingId),
    ]);
    return {
      eligibility: eligibility.canReview
        ? { canReview: true as const }
        : { canReview: false as const, reason: eligibility.reason, message: eligibility.message },
      review,
    };
  }),

  create: protectedProcedure.input(createReviewSchema).mutation(async ({ ctx, input }) => {
    const { review, cacheTags } = await createReview(ctx.db, ctx.viewer.id, input);
    await ctx.revalidate(cacheTags);
    return { id: review.id, status: review.status };
  }),

  update: protectedProcedure.input(updateReviewSchema).mutation(async ({ ctx, input }) => {
    const { review, cacheTags } = await updateReview(ctx.db, ctx.viewer.id, input);
    await ctx.revalidate(cacheTags);
    return { id: review.id, status: review.status };
  }),

  /** The author deletes their own review; they may write one again later. */
  delete: protectedProcedure.input(deleteReviewSchema).mutation(async ({ ctx, input }) => {
    const { cacheTags } = await deleteReview(ctx.db, ctx.viewer.id, input);
    await ctx.revalidate(cacheTags);
    return { ok: true as const };
  }),

  /** The listing's seller answers a review publicly; replying again edits that one reply. */
  sellerReply: sellerProcedure.input(sellerReplySchema).mutation(async ({ ctx, input }) => {
    const { review, cacheTags, edited } = await replyToReview(ctx.db, { sellerId: ctx.seller.id, userId: ctx.viewer.id }, input);
    await ctx.revalidate(cacheTags);
    return { id: review.id, edited };
  }),

  /** The seller's own reviews, for the portal. */
  sellerList: sellerProcedure
    .input(sellerReviewsSchema)
    .query(({ ctx, input }) => listSellerReviews(ctx.db, ctx.seller.id, input)),

  /** The product page's community links: forum threads that mention the listing. */
  discussedIn: publicProcedure
    .input(listingIdInputSchema)
    .output(listingDiscussionsOutputSchema)
    .query(({ ctx, input }) => listingDiscussions(ctx.db, input.listingId)),
});
