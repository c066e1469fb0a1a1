import {
  acceptAnswer,
  countNewPosts,
  createReply,
  createThread,
  deletePost,
  editPost,
  getForumCategoryPage,
  getForumIndex,
  getMemberPage,
  getThreadPage,
  listMemberNotifications,
  listPostableCategories,
  listPostRevisions,
  liveListingCards,
  markMemberNotificationsRead,
  renderCommunityText,
  searchThreads,
  setMemberBlock,
  setThreadLocked,
  setThreadPinned,
  splitListingCards,
  toggleReaction,
  unreadMemberNotificationCount,
  type ForumViewer,
} from "@agora/core";
import {
  acceptAnswerSchema,
  categoryThreadsSchema,
  createReplySchema,
  createThreadSchema,
  editPostSchema,
  forumSearchSchema,
  markNotificationsReadSchema,
  memberBlockSchema,
  newPostsSchema,
  notificationListSchema,
  postIdSchema,
  previewSchema,
  threadFlagSchema,
  threadPageSchema,
  toggleReactionSchema,
} from "@agora/validators";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure, type SessionViewer } from "../trpc";

const forumViewer = (viewer: SessionViewer | null): ForumViewer => (viewer ? { userId: viewer.id, isOperator: viewer.roles.includes("operator") } : null);

/** The community forum: reading is public, writing needs a signed-in member; every rule lives in core. */
export const forumRouter = createTRPCRouter({
  index: publicProcedure.query(({ ctx }) => getForumIndex(ctx.db)),

  category: publicProcedure.input(categoryThreadsSchema).query(({ ctx, input }) => getForumCategoryPage(ctx.db, input.categorySlug, { cursor: input.cursor })),

  postableCategories: protectedProcedure.query(({ ctx }) => listPostableCategories(ctx.db, { isOperator: ctx.viewer.roles.includes("operator") })),

  thread: publicProcedure.input(threadPageSchema).query(({ ctx, input }) => getThreadPage(ctx.db, forumViewer(ctx.viewer), input.threadId, input.page)),

  /** Polled by an open thread page: "N new replies — show". */
  newPosts: publicProcedure
    .input(newPostsSchema)
    .output(z.object({ count: z.number(), lastNumber: z.number() }))
    .query(({ ctx, input }) => countNewPosts(ctx.db, forumViewer(ctx.viewer), input.threadId, input.afterNumber)),

  revisions: publicProcedure.input(postIdSchema).query(({ ctx, input }) => listPostRevisions(ctx.db, forumViewer(ctx.viewer), input.postId)),

  search: publicProcedure.input(forumSearchSchema).query(({ ctx, input }) => searchThreads(ctx.db, input.q, { offset: input.cursor })),

  member: publicProcedure.input(z.object({ handle: z.string().trim().min(3).max(30) })).query(({ ctx, input }) => getMemberPage(ctx.db, input.handle)),

  /** The form's preview: the same rendering as a saved post, with live product cards. */
  preview: protectedProcedure.input(previewSchema).mutation(async ({ ctx, input }) => {
    const rendered = renderCommunityText(input.body);
    const cards = await liveListingCards(ctx.db, rendered.listingSlugs);
    return {
      parts: splitListingCards(rendered.html),
      cards: Object.fromEntries([...cards].map(([slug, c]) => [slug, { title: c.title, priceMinor: c.priceMinor, currency: c.currency, available: c.available, sellerName: c.sellerName }])),
    };
  }),

  createThread: protectedProcedure
    .input(createThreadSchema)
    .output(z.object({ threadId: z.string(), slug: z.string(), postId: z.string() }))
    .mutation(({ ctx, input }) => createThread(ctx.db, ctx.viewer.id, input)),

  reply: protectedProcedure.input(createReplySchema).mutation(({ ctx, input }) => createReply(ctx.db, ctx.viewer.id, input)),

  edit: protectedProcedure.input(editPostSchema).mutation(({ ctx, input }) => editPost(ctx.db, ctx.viewer.id, input)),

  delete: protectedProcedure.input(postIdSchema).mutation(({ ctx, input }) => deletePost(ctx.db, ctx.viewer.id, input.postId)),

  react: protectedProcedure.input(toggleReactionSchema).mutation(({ ctx, input }) => toggleReaction(ctx.db, ctx.viewer.id, input)),

  accept: protectedProcedure.input(acceptAnswerSchema).mutation(({ ctx, input }) => acceptAnswer(ctx.db, ctx.viewer.id, input)),

  pin: protectedProcedure.input(threadFlagSchema).mutation(({ ctx, input }) => setThreadPinned(ctx.db, ctx.viewer.id, input.threadId, input.on)),

  lock: protectedProcedure.input(threadFlagSchema).mutation(({ ctx, input }) => setThreadLocked(ctx.db, ctx.viewer.id, input.threadId, input.on)),

  block: protectedProcedure.input(memberBlockSchema).mutation(({ ctx, input }) => setMemberBlock(ctx.db, ctx.viewer.id, input)),

  notifications: protectedProcedure.input(notificationListSchema).query(({ ctx, input }) => listMemberNotifications(ctx.db, ctx.viewer.id, { cursor: input.cursor })),

  unreadCount: publicProcedure
    .output(z.object({ count: z.number(), signedIn: z.boolean() }))
    .query(async ({ ctx }) => (ctx.viewer ? { count: await unreadMemberNotificationCount(ctx.db, ctx.viewer.id), signedIn: true } : { count: 0, signedIn: false })),

  markRead: protectedProcedure
    .input(markNotificationsReadSchema)
    .mutation(async ({ ctx, input }) => ({ changed: await markMemberNotificationsRead(ctx.db, ctx.viewer.id, input.ids) })),
});
