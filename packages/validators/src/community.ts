import { z } from "zod";
import { idSchema } from "./common";

/** Forum inputs, shared by the forum router and the community forms. */

export const FORUM_TITLE_MAX = 150;
export const FORUM_BODY_MAX = 20_000;

export const forumTitleSchema = z
  .string({ message: "Enter a title" })
  .trim()
  .min(5, "Use at least 5 characters for the title")
  .max(FORUM_TITLE_MAX, `Use at most ${FORUM_TITLE_MAX} characters`);

export const forumBodySchema = z
  .string({ message: "Write something first" })
  .trim()
  .min(2, "Write something first")
  .max(FORUM_BODY_MAX, `Use at most ${FORUM_BODY_MAX.toLocaleString("en-US")} characters`);

export const forumCategorySlugSchema = z
  .string({ message: "Choose a category" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Choose a category");

export const createThreadSchema = z.object({
  categorySlug: forumCategorySlugSchema,
  title: forumTitleSchema,
  body: forumBodySchema,
});
export type CreateThreadInput = z.infer<typeof createThreadSchema>;

export const createReplySchema = z.object({
  threadId: idSchema,
  body: forumBodySchema,
  /** The post this reply answers (shown as "in reply to #N"). */
  parentId: idSchema.nullish().transform((v) => v ?? null),
});
export type CreateReplyInput = z.infer<typeof createReplySchema>;

export const editPostSchema = z.object({
  postId: idSchema,
  body: forumBodySchema,
  /** Only for the opening post: the thread's title. */
  title: forumTitleSchema.optional(),
});
export type EditPostInput = z.infer<typeof editPostSchema>;

export const postIdSchema = z.object({ postId: idSchema });
export const threadIdSchema = z.object({ threadId: idSchema });

export const reactionKinds = ["like", "helpful", "thanks", "insightful"] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export const toggleReactionSchema = z.object({ postId: idSchema, kind: z.enum(reactionKinds, { message: "Choose a reaction" }) });

export const acceptAnswerSchema = z.object({ threadId: idSchema, postId: idSchema.nullable() });

export const threadFlagSchema = z.object({ threadId: idSchema, on: z.boolean() });

export const memberBlockSchema = z.object({
  handle: z.string().trim().min(3).max(30),
  /** null removes the mute or block. */
  kind: z.enum(["mute", "block"]).nullable(),
});
export type MemberBlockInput = z.infer<typeof memberBlockSchema>;

export const threadPageSchema = z.object({
  threadId: idSchema,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** Posts after the last one the reader has, for "N new replies — show". */
export const newPostsSchema = z.object({ threadId: idSchema, afterNumber: z.coerce.number().int().min(0) });

export const categoryThreadsSchema = z.object({
  categorySlug: forumCategorySlugSchema,
  cursor: z.string().max(200).nullish(),
});

export const forumSearchSchema = z.object({
  q: z.string().trim().min(2, "Type at least 2 characters").max(200, "Use at most 200 characters"),
  cursor: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const previewSchema = z.object({ body: z.string().max(FORUM_BODY_MAX, `Use at most ${FORUM_BODY_MAX.toLocaleString("en-US")} characters`) });

export const notificationListSchema = z.object({ cursor: z.string().max(200).nullish() });
export const markNotificationsReadSchema = z.object({ ids: z.array(idSchema).max(100).optional() });
