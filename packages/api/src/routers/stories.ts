import {
  deleteStory,
  getEditableStory,
  getPublishedStory,
  listEditableStories,
  listPublishedStories,
  listStoryTags,
  previewStoryBody,
  publishStory,
  saveStory,
  setStoryCover,
  unpublishStory,
  type StoryAuthorScope,
} from "@agora/core";
import { saveStorySchema, storyIdSchema, storyListSchema, storyPreviewSchema, storySlugSchema } from "@agora/validators";
import { z } from "zod";
import { createTRPCRouter, operatorProcedure, publicProcedure, sellerProcedure } from "../trpc";

type Viewer = { id: string };
const sellerScope = (ctx: { viewer: Viewer; seller: { id: string } }): StoryAuthorScope => ({
  kind: "seller",
  userId: ctx.viewer.id,
  sellerId: ctx.seller.id,
});
const operatorScope = (ctx: { viewer: Viewer }): StoryAuthorScope => ({ kind: "operator", userId: ctx.viewer.id });

export const storiesRouter = createTRPCRouter({
  list: publicProcedure.input(storyListSchema).query(({ ctx, input }) => listPublishedStories(ctx.db, input)),
  tags: publicProcedure.query(({ ctx }) => listStoryTags(ctx.db)),
  bySlug: publicProcedure
    .input(z.object({ slug: storySlugSchema }))
    .query(({ ctx, input }) => getPublishedStory(ctx.db, input.slug)),

  /** A store's staff: their store's stories only (another store's story is not found). */
  seller: createTRPCRouter({
    list: sellerProcedure.query(({ ctx }) => listEditableStories(ctx.db, sellerScope(ctx))),
    get: sellerProcedure.input(storyIdSchema).query(({ ctx, input }) => getEditableStory(ctx.db, sellerScope(ctx), input.id)),
    preview: sellerProcedure.input(storyPreviewSchema).mutation(({ input }) => previewStoryBody(input.body)),
    save: sellerProcedure.input(saveStorySchema).mutation(async ({ ctx, input }) => {
      const { story, cacheTags } = await saveStory(ctx.db, sellerScope(ctx), input);
      await ctx.revalidate(cacheTags);
      return story;
    }),
    publish: sellerProcedure.input(storyIdSchema).mutation(async ({ ctx, input }) => {
      const { story, cacheTags } = await publishStory(ctx.db, sellerScope(ctx), input.id);
      await ctx.revalidate(cacheTags);
      return story;
    }),
    unpublish: sellerProcedure.input(storyIdSchema).mutation(async ({ ctx, input }) => {
      const { story, cacheTags } = await unpublishStory(ctx.db, sellerScope(ctx), input.id);
      await ctx.revalidate(cacheTags);
      return story;
    }),
    removeCover: sellerProcedure.input(storyIdSchema).mutation(async ({ ctx, input }) => {
      const { previousKey, cacheTags } = await setStoryCover(ctx.db, sellerScope(ctx), input.id, null);
      if (previousKey && !previousKey.startsWith("seed/")) await ctx.media.remove([previousKey]).catch(() => undefined);
      await ctx.revalidate(cacheTags);
      return { ok: true as const };
    }),
    delete: sellerProcedure.input(storyIdSchema).mutation(async ({ ctx, input }) => {
      const { cacheTags } = await deleteStory(ctx.db, sellerScope(ctx), input.id);
      await ctx.revalidate(cacheTags);
      return { ok: true as const };
    }),
  }),

  /** Operators: any story. Hiding one is a moderation decision (moderation.decide). */
  operator: createTRPCRouter({
    list: operatorProcedure.query(({ ctx }) => listEditableStories(ctx.db, operatorScope(ctx))),
    get: operatorProcedure.input(storyIdSchema).query(({ ctx, input }) => getEditableStory(ctx.db, operatorScope(ctx), input.id)),
    preview: operatorProcedure.input(storyPreviewSchema).mutation(({ input }) => previewStoryBody(input.body)),
    save: operatorProcedure.input(saveStorySchema).mutation(async ({ ctx, input }) => {
      const { story, cacheTags } = await saveStory(ctx.db, operatorScope(ctx), input);
      await ctx.revalidate(cacheTags);
      return story;
    }),
    publish: operatorProcedure.input(storyIdSchema).mutation(async ({ ctx, input }) => {
      const { story, cacheTags } = await publishStory(ctx.db, operatorScope(ctx), input.id);
      await ctx.revalidate(cacheTags);
      return story;
    }),
    unpublish: operatorProcedure.input(storyIdSchema).mutation(async ({ ctx, input }) => {
      const { story, cacheTags } = await unpublishStory(ctx.db, operatorScope(ctx), input.id);
      await ctx.revalidate(cacheTags);
      return story;
    }),
    removeCover: operatorProcedure.input(storyIdSchema).mutation(async ({ ctx, input }) => {
      const { previousKey, cacheTags } = await setStoryCover(ctx.db, operatorScope(ctx), input.id, null);
      if (previousKey && !previousKey.startsWith("seed/")) await ctx.media.remove([previousKey]).catch(() => undefined);
      await ctx.revalidate(cacheTags);
      return { ok: true as const };
    }),
    delete: operatorProcedure.input(storyIdSchema).mutation(async ({ ctx, input }) => {
      const { cacheTags } = await deleteStory(ctx.db, operatorScope(ctx), input.id);
      await ctx.revalidate(cacheTags);
      return { ok: true as const };
    }),
  }),
});
