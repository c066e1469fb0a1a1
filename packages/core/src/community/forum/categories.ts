import { asc, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { notFound } from "../../errors";

const { forumCategories } = schema;

export type ForumCategory = typeof forumCategories.$inferSelect;

/** A story's comments live in a thread of this category; the forum's own forms and lists leave it out. */
export const STORY_COMMENTS_CATEGORY = "story-comments";

/** Categories only features (not members) start threads in. */
export const INTERNAL_CATEGORIES: readonly string[] = [STORY_COMMENTS_CATEGORY];

export const isInternalCategory = (slug: string) => INTERNAL_CATEGORIES.includes(slug.toLowerCase());

/** The categories every Agora forum starts with: one table, used by the seed and by tests. */
export const DEFAULT_FORUM_CATEGORIES = [
  {
    slug: "announcements",
    name: "Announcements",
    description: "News from the marketplace team. Everyone can reply; only the team starts threads.",
    position: 0,
    whoCanStartThreads: "operators",
    acceptsAnswers: false,
  },
  {
    slug: "questions",
    name: "Questions & answers",
    description: "Ask the community. The asker marks the reply that solved it as the accepted answer.",
    position: 1,
    whoCanStartThreads: "members",
    acceptsAnswers: true,
  },
  {
    slug: "general",
    name: "General",
    description: "Anything about the things we buy, use and fix.",
    position: 2,
    whoCanStartThreads: "members",
    acceptsAnswers: false,
  },
  {
    slug: "show-and-tell",
    name: "Show and tell",
    description: "Your setups, builds and finds.",
    position: 3,
    whoCanStartThreads: "members",
    acceptsAnswers: false,
  },
  {
    slug: STORY_COMMENTS_CATEGORY,
    name: "Story comments",
    description: "Conversations under stories.",
    position: 100,
    whoCanStartThreads: "members",
    acceptsAnswers: false,
  },
] as const satisfies readonly Omit<typeof forumCategories.$inferInsert, "id">[];

/** Creates the default categories that are missing (existing ones are left as an operator set them). */
export async function ensureForumCategories(db: Db): Promise<void> {
  await db
    .insert(forumCategories)
    .values(DEFAULT_FORUM_CATEGORIES.map((c) => ({ ...c })))
    .onConflictDoNothing({ target: forumCategories.slug });
}

export async function getForumCategory(db: Db, slug: string): Promise<ForumCategory> {
  const [category] = await db.select().from(forumCategories).where(eq(forumCategories.slug, slug));
  if (!category) throw notFound("That category");
  return category;
}

/** Categories a member can start a thread in from the forum's form, in order. */
export async function listPostableCategories(db: Db, options: { isOperator: boolean }): Promise<ForumCategory[]> {
  const rows = await db
    .select()
    .from(forumCategories)
    .where(sql`lower(${forumCategories.slug}::text) not in ${INTERNAL_CATEGORIES.map((s) => s.toLowerCase())}`)
    .orderBy(asc(forumCategories.position), asc(forumCategories.name));
  return rows.filter((c) => options.isOperator || c.whoCanStartThreads === "members");
}
