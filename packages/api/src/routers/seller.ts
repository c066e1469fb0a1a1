import {
  applyToSell,
  cacheTags,
  createListing,
  createLocation,
  deleteLocation,
  getSellerDashboard,
  getSellerForMember,
  getSellerListing,
  listingChangeTags,
  listLocations,
  listSellerListings,
  setListingStatus,
  updateListing,
  updateLocation,
  updateSellerProfile,
} from "@agora/core";
import { deleteListingImage, reorderListingImages, updateListingImageAlt } from "@agora/core/media";
import {
  createListingSchema,
  idSchema,
  imageIdSchema,
  listingIdSchema,
  reorderImagesSchema,
  sellerApplicationSchema,
  sellerListingsQuerySchema,
  sellerProfileSchema,
  setListingStatusSchema,
  stockLocationSchema,
  updateImageAltSchema,
  updateListingSchema,
  updateStockLocationSchema,
} from "@agora/validators";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, storeProcedure } from "../trpc";

export const sellerRouter = createTRPCRouter({
  /** The signed-in person's store, whatever its state, or null. */
  myStore: protectedProcedure.query(async ({ ctx }) => (await getSellerForMember(ctx.db, ctx.viewer.id))?.seller ?? null),

  /** Listing and stock counts for the store's home page. */
  dashboard: storeProcedure.query(({ ctx }) => getSellerDashboard(ctx.db, ctx.seller.id)),

  submitApplication: protectedProcedure.input(sellerApplicationSchema).mutation(({ ctx, input }) => applyToSell(ctx.db, ctx.viewer.id, input)),

  updateProfile: storeProcedure.input(sellerProfileSchema).mutation(async ({ ctx, input }) => {
    const seller = await updateSellerProfile(ctx.db, ctx.seller.id, input);
    await ctx.revalidate([cacheTags.seller(seller.id), cacheTags.catalog]);
    return seller;
  }),

  locations: createTRPCRouter({
    list: storeProcedure.query(({ ctx }) => listLocations(ctx.db, ctx.seller.id)),
    create: storeProcedure.input(stockLocationSchema).mutation(({ ctx, input }) => createLocation(ctx.db, ctx.seller.id, input)),
    update: storeProcedure
      .input(updateStockLocationSchema)
      .mutation(({ ctx, input: { id, ...rest } }) => updateLocation(ctx.db, ctx.seller.id, id, rest)),
    delete: storeProcedure.input(z.object({ id: idSchema })).mutation(({ ctx, input }) => deleteLocation(ctx.db, ctx.seller.id, input.id)),
  }),

  listings: createTRPCRouter({
    list: storeProcedure.input(sellerListingsQuerySchema).query(({ ctx, input }) => listSellerListings(ctx.db, ctx.seller.id, input)),
    get: storeProcedure.input(listingIdSchema).query(({ ctx, input }) => getSellerListing(ctx.db, ctx.seller.id, input.id)),
    create: storeProcedure.input(createListingSchema).mutation(({ ctx, input }) => createListing(ctx.db, ctx.seller.id, input)),
    update: storeProcedure.input(updateListingSchema).mutation(async ({ ctx, input }) => {
      const { listing, previousCategoryId } = await updateListing(ctx.db, ctx.seller.id, input.id, input.listing);
      await ctx.revalidate(listingChangeTags(listing, previousCategoryId));
      return listing;
    }),
    setStatus: storeProcedure.input(setListingStatusSchema).mutation(async ({ ctx, input }) => {
      const listing = await setListingStatus(ctx.db, ctx.seller, input.id, input.status);
      await ctx.revalidate(listingChangeTags(listing));
      return listing;
    }),
  }),

  images: createTRPCRouter({
    reorder: storeProcedure.input(reorderImagesSchema).mutation(async ({ ctx, input }) => {
      await reorderListingImages(ctx.db, ctx.seller.id, input.listingId, input.imageIds);
      await ctx.revalidate([cacheTags.listing(input.listingId), cacheTags.catalog]);
    }),
    updateAlt: storeProcedure.input(updateImageAltSchema).mutation(async ({ ctx, input }) => {
      const image = await updateListingImageAlt(ctx.db, ctx.seller.id, input.imageId, input.alt);
      await ctx.revalidate([cacheTags.listing(image.listingId)]);
      return image;
    }),
    delete: storeProcedure.input(imageIdSchema).mutation(async ({ ctx, input }) => {
      const image = await deleteListingImage(ctx.db, ctx.media, ctx.seller.id, input.imageId);
      await ctx.revalidate([cacheTags.listing(image.listingId), cacheTags.catalog]);
    }),
  }),
});
