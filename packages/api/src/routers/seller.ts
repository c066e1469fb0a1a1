import {
  applyToSell,
  cacheTags,
  deliveryChangeTags,
  createListing,
  createLocation,
  createShippingMethod,
  deleteLocation,
  deleteShippingMethod,
  getSellerDashboard,
  getSellerForMember,
  getSellerListing,
  getShippingSettings,
  listingChangeTags,
  listLocations,
  listSellerListings,
  reorderShippingMethods,
  saveShippingProfile,
  setListingStatus,
  setShippingMethodActive,
  updateListing,
  updateLocation,
  updateSellerProfile,
  updateShippingMethod,
} from "@agora/core";
import { deleteListingImage, reorderListingImages, updateListingImageAlt } from "@agora/core/media";
import {
  createListingSchema,
  idSchema,
  imageIdSchema,
  listingIdSchema,
  reorderImagesSchema,
  reorderShippingMethodsSchema,
  sellerApplicationSchema,
  sellerListingsQuerySchema,
  sellerProfileSchema,
  setListingStatusSchema,
  setShippingMethodActiveSchema,
  shippingMethodIdSchema,
  shippingMethodSchema,
  shippingProfileSchema,
  stockLocationSchema,
  updateImageAltSchema,
  updateListingSchema,
  updateShippingMethodSchema,
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

  // Product pages show the seller's pickup locations (delivery box, seller card): location writes expire them.
  locations: createTRPCRouter({
    list: storeProcedure.query(({ ctx }) => listLocations(ctx.db, ctx.seller.id)),
    create: storeProcedure.input(stockLocationSchema).mutation(async ({ ctx, input }) => {
      const location = await createLocation(ctx.db, ctx.seller.id, input);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
      return location;
    }),
    update: storeProcedure.input(updateStockLocationSchema).mutation(async ({ ctx, input: { id, ...rest } }) => {
      const location = await updateLocation(ctx.db, ctx.seller.id, id, rest);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
      return location;
    }),
    delete: storeProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
      await deleteLocation(ctx.db, ctx.seller.id, input.id);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
    }),
  }),

  /** Dispatch settings and shipping methods: product pages show their delivery promise, so every write expires them. */
  shipping: createTRPCRouter({
    get: storeProcedure.query(({ ctx }) => getShippingSettings(ctx.db, ctx.seller.id)),
    saveProfile: storeProcedure.input(shippingProfileSchema).mutation(async ({ ctx, input }) => {
      const profile = await saveShippingProfile(ctx.db, ctx.seller.id, input);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
      return profile;
    }),
    createMethod: storeProcedure.input(shippingMethodSchema).mutation(async ({ ctx, input }) => {
      const method = await createShippingMethod(ctx.db, ctx.seller.id, input);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
      return method;
    }),
    updateMethod: storeProcedure.input(updateShippingMethodSchema).mutation(async ({ ctx, input: { id, ...rest } }) => {
      const method = await updateShippingMethod(ctx.db, ctx.seller.id, id, rest);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
      return method;
    }),
    setMethodActive: storeProcedure.input(setShippingMethodActiveSchema).mutation(async ({ ctx, input }) => {
      const method = await setShippingMethodActive(ctx.db, ctx.seller.id, input.id, input.active);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
      return method;
    }),
    deleteMethod: storeProcedure.input(shippingMethodIdSchema).mutation(async ({ ctx, input }) => {
      await deleteShippingMethod(ctx.db, ctx.seller.id, input.id);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
    }),
    reorderMethods: storeProcedure.input(reorderShippingMethodsSchema).mutation(async ({ ctx, input }) => {
      const methods = await reorderShippingMethods(ctx.db, ctx.seller.id, input.ids);
      await ctx.revalidate(deliveryChangeTags(ctx.seller.id));
      return methods;
    }),
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
