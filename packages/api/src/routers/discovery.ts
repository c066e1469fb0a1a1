import {
  alsoBought,
  clearShopperViews,
  createRule,
  deleteRule,
  forYou,
  getPersonalisationConsent,
  listRules,
  pinnableListings,
  recentlyViewed,
  recordShopperView,
  setPersonalisationConsent,
  similar,
  updateRule,
  type MerchandisingActor,
} from "@agora/core";
import {
  listingIdSchema,
  merchandisingRuleIdSchema,
  merchandisingRuleListSchema,
  merchandisingRuleSchema,
  personalisationSchema,
  pinnableListingsSchema,
  recommendationsInputSchema,
  shopperRecommendationsInputSchema,
  updateMerchandisingRuleSchema,
  type MerchandisingRuleInput,
  type UpdateMerchandisingRuleInput,
} from "@agora/validators";
import { z } from "zod";
import { createTRPCRouter, operatorProcedure, protectedProcedure, publicProcedure, sellerProcedure, type Context } from "../trpc";

const cardOutput = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  brand: z.string().nullable(),
  currency: z.string(),
  priceMinor: z.number(),
  compareAtMinor: z.number().nullable(),
  available: z.number(),
  sellerName: z.string(),
  sellerSlug: z.string(),
  sellerId: z.string(),
  categoryId: z.string(),
  image: z.object({ storageKey: z.string(), widths: z.array(z.number()), alt: z.string() }).nullable(),
});
const cardsOutput = z.array(cardOutput);

const sellerActor = (ctx: { viewer: { id: string }; seller: { id: string } }): MerchandisingActor => ({
  kind: "seller",
  userId: ctx.viewer.id,
  sellerId: ctx.seller.id,
});
const operatorActor = (ctx: { viewer: { id: string } }): MerchandisingActor => ({ kind: "operator", userId: ctx.viewer.id });

type RuleWrite = { db: Context["db"]; revalidate: Context["revalidate"] };

async function createPin(ctx: RuleWrite, actor: MerchandisingActor, input: MerchandisingRuleInput) {
  const { rule, cacheTags } = await createRule(ctx.db, actor, input);
  await ctx.revalidate(cacheTags);
  return { id: rule.id };
}

async function updatePin(ctx: RuleWrite, actor: MerchandisingActor, { id, ...input }: UpdateMerchandisingRuleInput) {
  const { cacheTags } = await updateRule(ctx.db, actor, id, input);
  await ctx.revalidate(cacheTags);
  return { id };
}

async function deletePin(ctx: RuleWrite, actor: MerchandisingActor, id: string) {
  const { cacheTags } = await deleteRule(ctx.db, actor, id);
  await ctx.revalidate(cacheTags);
  return { id };
}

export const discoveryRouter = createTRPCRouter({
  /** "Customers who bought this also bought". */
  alsoBought: publicProcedure
    .input(recommendationsInputSchema)
    .output(cardsOutput)
    .query(({ ctx, input }) => alsoBought(ctx.db, input.listingId, input)),

  /** "Similar items". */
  similar: publicProcedure
    .input(recommendationsInputSchema)
    .output(cardsOutput)
    .query(({ ctx, input }) => similar(ctx.db, input.listingId, input)),

  /** Remembers a product the signed-in shopper looked at, for their "Recently viewed" row. */
  recordView: protectedProcedure.input(listingIdSchema).mutation(async ({ ctx, input }) => {
    await recordShopperView(ctx.db, ctx.viewer.id, input.id);
  }),

  recentlyViewed: protectedProcedure
    .input(shopperRecommendationsInputSchema)
    .output(cardsOutput)
    .query(({ ctx, input }) => recentlyViewed(ctx.db, ctx.viewer.id, input)),

  clearRecentlyViewed: protectedProcedure.mutation(async ({ ctx }) => {
    await clearShopperViews(ctx.db, ctx.viewer.id);
  }),

  /** Empty unless the shopper allowed personalisation. */
  forYou: protectedProcedure
    .input(shopperRecommendationsInputSchema)
    .output(cardsOutput)
    .query(({ ctx, input }) => forYou(ctx.db, ctx.viewer.id, input)),

  getPersonalisation: protectedProcedure
    .output(z.object({ granted: z.boolean() }))
    .query(async ({ ctx }) => ({ granted: await getPersonalisationConsent(ctx.db, ctx.viewer.id) })),

  setPersonalisation: protectedProcedure
    .input(personalisationSchema)
    .output(z.object({ granted: z.boolean() }))
    .mutation(async ({ ctx, input }) => ({ granted: await setPersonalisationConsent(ctx.db, ctx.viewer.id, input.granted) })),

  /** A seller's pins of its own listings (category pages and searches). */
  seller: createTRPCRouter({
    list: sellerProcedure.input(merchandisingRuleListSchema).query(({ ctx, input }) => listRules(ctx.db, sellerActor(ctx), input)),
    pinnableListings: sellerProcedure.input(pinnableListingsSchema).query(({ ctx, input }) => pinnableListings(ctx.db, sellerActor(ctx), input.q)),
    create: sellerProcedure.input(merchandisingRuleSchema).mutation(({ ctx, input }) => createPin(ctx, sellerActor(ctx), input)),
    update: sellerProcedure.input(updateMerchandisingRuleSchema).mutation(({ ctx, input }) => updatePin(ctx, sellerActor(ctx), input)),
    delete: sellerProcedure.input(merchandisingRuleIdSchema).mutation(({ ctx, input }) => deletePin(ctx, sellerActor(ctx), input.id)),
  }),

  /** The operator's pins of any listing, anywhere, and oversight of sellers' pins. */
  admin: createTRPCRouter({
    list: operatorProcedure.input(merchandisingRuleListSchema).query(({ ctx, input }) => listRules(ctx.db, operatorActor(ctx), input)),
    pinnableListings: operatorProcedure.input(pinnableListingsSchema).query(({ ctx, input }) => pinnableListings(ctx.db, operatorActor(ctx), input.q)),
    create: operatorProcedure.input(merchandisingRuleSchema).mutation(({ ctx, input }) => createPin(ctx, operatorActor(ctx), input)),
    update: operatorProcedure.input(updateMerchandisingRuleSchema).mutation(({ ctx, input }) => updatePin(ctx, operatorActor(ctx), input)),
    delete: operatorProcedure.input(merchandisingRuleIdSchema).mutation(({ ctx, input }) => deletePin(ctx, operatorActor(ctx), input.id)),
  }),
});
