import { z } from "zod";
import { idSchema, pageSchema } from "./common";

export const STORY_TITLE_MAX = 150;
export const STORY_SUMMARY_MAX = 400;
export const STORY_BODY_MAX = 50_000;
export const STORY_TAGS_MAX = 8;

/** Lowercase words joined by hyphens, like listing addresses. */
export const storySlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters")
  .max(80, "Use at most 80 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens only");

export const storyTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Tags need at least 2 characters")
  .max(30, "Tags have at most 30 characters")
  .regex(/^[a-z0-9]+(?:[ -][a-z0-9]+)*$/, "Tags use letters, digits, spaces and hyphens");

export const saveStorySchema = z.object({
  /** Absent for a new story. */
  id: idSchema.optional(),
  title: z
    .string({ message: "Enter a title" })
    .trim()
    .min(5, "Use at least 5 characters for the title")
    .max(STORY_TITLE_MAX, `Use at most ${STORY_TITLE_MAX} characters`),
  /** Optional: made from the title when empty. */
  slug: z
    .union([storySlugSchema, z.literal("")])
    .optional()
    .transform((v) => v || undefined),
  summary: z.string().trim().max(STORY_SUMMARY_MAX, `Use at most ${STORY_SUMMARY_MAX} characters`).default(""),
  body: z
    .string({ message: "Write the story first" })
    .trim()
    .min(20, "Write at least 20 characters")
    .max(STORY_BODY_MAX, `Use at most ${STORY_BODY_MAX.toLocaleString("en-US")} characters`),
  tags: z
    .array(storyTagSchema)
    .max(STORY_TAGS_MAX, `Use at most ${STORY_TAGS_MAX} tags`)
    .default([])
    .transform((tags) => [...new Set(tags)]),
});
export type SaveStoryInput = z.infer<typeof saveStorySchema>;

export const storyIdSchema = z.object({ id: idSchema });

export const storyPreviewSchema = z.object({
  body: z.string().max(STORY_BODY_MAX, `Use at most ${STORY_BODY_MAX.toLocaleString("en-US")} characters`),
});

export const storyListSchema = z.object({
  tag: storyTagSchema.optional(),
  page: pageSchema,
});
export type StoryListInput = z.infer<typeof storyListSchema>;

export const setStoryModerationSchema = z.object({
  id: idSchema,
  moderation: z.enum(["visible", "hidden"]),
});
