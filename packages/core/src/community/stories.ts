import { and, asc, desc, eq, ne, sql, type Db, type SQL } from "@agora/db";
import { schema } from "@agora/db";
import type { SaveStoryInput, StoryListInput } from "@agora/validators";
import { slugify } from "../catalog/slug";
import { DomainError, notFound, uniqueViolation } from "../errors";
import { STORY_COMMENTS_CATEGORY } from "./forum/categories";
import { threadHref } from "./forum/links";
import { createThread } from "./forum/threads";
import { activeListingIdsBySlug } from "./listing-cards";
import { memberStanding } from "./profiles";
import { consumeRateLimit } from "./rate-limit";
import { renderCommunityText, splitListingCards } from "./render";

const { stories, storyListings, users, sellers, forumThreads } = schema;

export type Story = typeof stories.$inferSelect;
type ModerationStatus = Story["moderation"];

/**
 * Who is writing: an operator may edit any story (their own new ones belong to the marketplace); a
 * seller's staff edit only their store's stories.
 */
export type StoryAuthorScope = { kind: "operator"; userId: string } | { kind: "seller"; userId: string; sellerId: string };

export const STORIES_PAGE_SIZE = 12;

/** Storefront cache entries stories are read under. */
export const storyCacheTags = {
  index: "stories",
  story: (id: string) => `story:${id}`,
} as const;

const tagsFor = (story: { id: string }) => [storyCacheTags.index, storyCacheTags.story(story.id)];

/** Ownership, in the WHERE clause: someone else's story is simply not found. Deleted stories are gone for everyone. */
function editable(scope: StoryAuthorScope, id: string): SQL | undefined {
  return and(
    eq(stories.id, id),
    ne(stories.moderation, "deleted"),
    scope.kind === "seller" ? eq(stories.sellerId, scope.sellerId) : undefined,
  );
}

export const storyHref = (slug: string) => `/stories/${slug}`;

/** Renders a story body and lists the product cards it embeds, refusing cards for unknown products. */
async function renderStoryBody(db: Db, body: string) {
  const rendered = renderCommunityText(body);
  const cardSlugs = [
    ...new Set(splitListingCards(rendered.html).flatMap((p) => (p.kind === "listing" ? [p.slug.toLowerCase()] : []))),
  ];
  const found = await activeListingIdsBySlug(db, cardSlugs);
  const bySlug = new Map(found.map((l) => [l.slug.toLowerCase(), l.id]));
  const missing = cardSlugs.filter((s) => !bySlug.has(s));
  if (missing.length > 0) {
    const list = missing.map((s) => `“${s}”`).join(", ");
    throw new DomainError("INVALID_INPUT", `No product on sale has the address ${list}. Check the [[product:…]] lines.`, {
      fieldErrors: { body: `Unknown product ${list}.` },
    });
  }
  return { html: rendered.html, listingIds: cardSlugs.flatMap((s) => bySlug.get(s) ?? []) };
}

/** A free address for a new story: the wanted one, or it with a number. */
async function freeSlug(db: Db, wanted: string): Promise<string> {
  const base = wanted.slice(0, 72).replace(/-+$/g, "") || "story";
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [taken] = await db.select({ id: stories.id }).from(stories).where(eq(stories.slug, candidate));
    if (!taken) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/**
 * Creates a story (as a draft) or updates one the writer may edit. The body is rendered and stored with
 * its source; `[[product:slug]]` lines become live cards, recorded in order in story_listings.
 */
export async function saveStory(
  db: Db,
  scope: StoryAuthorScope,
  input: SaveStoryInput,
): Promise<{ story: Story; cacheTags: string[] }> {
  try {
    return await db.transaction(async (tx) => {
      const standing = await memberStanding(tx, scope.userId);
      await consumeRateLimit(tx, scope.userId, "story.save", standing);
      const body = await renderStoryBody(tx, input.body);
      const content = {
        title: input.title,
        summary: input.summary,
        bodySource: input.body,
        bodyHtml: body.html,
        tags: input.tags,
      };

      let story: Story | undefined;
      if (input.id) {
        [story] = await tx
          .update(stories)
          .set({ ...content, ...(input.slug ? { slug: input.slug } : {}), updatedAt: new Date() })
          .where(editable(scope, input.id))
          .returning();
        if (!story) throw notFound("That story");
        await tx.delete(storyListings).where(eq(storyListings.storyId, story.id));
      } else {
        const slug = input.slug ?? (await freeSlug(tx, slugify(input.title)));
        [story] = await tx
          .insert(stories)
          .values({ ...content, slug, authorId: scope.userId, sellerId: scope.kind === "seller" ? scope.sellerId : null })
          .returning();
        if (!story) throw new Error("story insert returned nothing");
      }
      const storyId = story.id;
      if (body.listingIds.length > 0)
        await tx.insert(storyListings).values(body.listingIds.map((listingId, position) => ({ storyId, listingId, position })));
      return { story, cacheTags: tagsFor(story) };
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined)
      throw new DomainError("CONFLICT", "Another story already uses that address.", {
        fieldErrors: { slug: "This address is taken." },
      });
    throw error;
  }
}

/**
 * Publishes a story. The first time, its comment thread is started (by the story's author) in the
 * internal story-comments category.
 */
export async function publishStory(db: Db, scope: StoryAuthorScope, id: string): Promise<{ story: Story; cacheTags: string[] }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(stories).where(editable(scope, id)).for("update");
    if (!current) throw notFound("That story");
    await memberStanding(tx, scope.userId);
    let commentThreadId = current.commentThreadId;
    if (!commentThreadId) {
      const thread = await createThread(
        tx,
        current.authorId,
        {
          categorySlug: STORY_COMMENTS_CATEGORY,
          title: current.title,
          body: `Comments on the story [${current.slug}](${storyHref(current.slug)}).`,
        },
        { allowInternalCategory: true },
      );
      commentThreadId = thread.threadId;
    }
    const [story] = await tx
      .update(stories)
      .set({ status: "published", publishedAt: current.publishedAt ?? new Date(), commentThreadId, updatedAt: new Date() })
      .where(eq(stories.id, id))
      .returning();
    if (!story) throw notFound("That story");
    return { story, cacheTags: tagsFor(story) };
  });
}

/** Takes a story back to draft: it leaves the storefront, its comments are kept. */
export async function unpublishStory(
  db: Db,
  scope: StoryAuthorScope,
  id: string,
): Promise<{ story: Story; cacheTags: string[] }> {
  const [story] = await db.update(stories).set({ status: "draft", updatedAt: new Date() }).where(editable(scope, id)).returning();
  if (!story) throw notFound("That story");
  return { story, cacheTags: tagsFor(story) };
}

/** Deletes a story for good (kept as a record, shown nowhere). */
export async function deleteStory(db: Db, scope: StoryAuthorScope, id: string): Promise<{ cacheTags: string[] }> {
  const [story] = await db
    .update(stories)
    .set({ status: "draft", moderation: "deleted", updatedAt: new Date() })
    .where(editable(scope, id))
    .returning();
  if (!story) throw notFound("That story");
  return { cacheTags: tagsFor(story) };
}

/** Moderation: hides, restores or deletes any story. */
export async function setStoryModeration(
  db: Db,
  id: string,
  moderation: ModerationStatus,
): Promise<{ storyId: string; authorId: string; cacheTags: string[] }> {
  const [story] = await db.update(stories).set({ moderation, updatedAt: new Date() }).where(eq(stories.id, id)).returning();
  if (!story) throw notFound("That story");
  return { storyId: story.id, authorId: story.authorId, cacheTags: tagsFor(story) };
}

/** Sets (or clears) the cover image of a story the writer may edit; returns the key it replaced. */
export async function setStoryCover(
  db: Db,
  scope: StoryAuthorScope,
  id: string,
  key: string | null,
): Promise<{ previousKey: string | null; cacheTags: string[] }> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ coverImageKey: stories.coverImageKey })
      .from(stories)
      .where(editable(scope, id))
      .for("update");
    if (!current) throw notFound("That story");
    const [story] = await tx
      .update(stories)
      .set({ coverImageKey: key, updatedAt: new Date() })
      .where(eq(stories.id, id))
      .returning();
    if (!story) throw notFound("That story");
    return { previousKey: current.coverImageKey, cacheTags: tagsFor(story) };
  });
}

/* ------------------------------------------------------------------------------------------------ */
/* Reading                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

const isPublic = and(eq(stories.status, "published"), eq(stories.moderation, "visible"));

export interface StorySummary {
  id: string;
  slug: string;
  title: string;
  summary: string;
  coverImageKey: string | null;
  tags: string[];
  publishedAt: Date | null;
  authorName: string;
  store: { name: string; slug: string } | null;
}

const summaryColumns = {
  id: stories.id,
  slug: stories.slug,
  title: stories.title,
  summary: stories.summary,
  coverImageKey: stories.coverImageKey,
  tags: stories.tags,
  publishedAt: stories.publishedAt,
  authorName: users.name,
  storeName: sellers.name,
  storeSlug: sellers.slug,
};

function toSummary(row: { storeName: string | null; storeSlug: string | null } & Omit<StorySummary, "store">): StorySummary {
  const { storeName, storeSlug, ...rest } = row;
  return { ...rest, store: storeName && storeSlug ? { name: storeName, slug: storeSlug } : null };
}

/** Published stories, newest first, optionally with one tag. */
export async function listPublishedStories(
  db: Db,
  input: StoryListInput,
  pageSize = STORIES_PAGE_SIZE,
): Promise<{ items: StorySummary[]; total: number; page: number; pageCount: number }> {
  const where = and(isPublic, input.tag ? sql`${input.tag} = any(${stories.tags})` : undefined);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(stories)
    .where(where);
  const total = counted?.total ?? 0;
  const rows = await db
    .select(summaryColumns)
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorId))
    .leftJoin(sellers, eq(sellers.id, stories.sellerId))
    .where(where)
    .orderBy(desc(stories.publishedAt), asc(stories.id))
    .limit(pageSize)
    .offset((input.page - 1) * pageSize);
  return { items: rows.map(toSummary), total, page: input.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Tags used by published stories, most used first. */
export async function listStoryTags(db: Db, limit = 30): Promise<{ tag: string; count: number }[]> {
  const rows = await db.execute<{ tag: string; count: number }>(sql`
    select tag, count(*)::int as count from ${stories}, unnest(${stories.tags}) as tag
    where ${stories.status} = 'published' and ${stories.moderation} = 'visible'
    group by tag order by count(*) desc, tag limit ${limit}`);
  return [...rows];
}

export interface PublishedStory extends StorySummary {
  bodyHtml: string;
  commentThread: { id: string; href: string } | null;
  updatedAt: Date;
}

/** A published, visible story by its address, or null. */
export async function getPublishedStory(db: Db, slug: string): Promise<PublishedStory | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      bodyHtml: stories.bodyHtml,
      updatedAt: stories.updatedAt,
      threadId: forumThreads.id,
      threadSlug: forumThreads.slug,
    })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorId))
    .leftJoin(sellers, eq(sellers.id, stories.sellerId))
    .leftJoin(forumThreads, eq(forumThreads.id, stories.commentThreadId))
    .where(and(isPublic, eq(stories.slug, slug)));
  if (!row) return null;
  const { threadId, threadSlug, bodyHtml, updatedAt, ...summary } = row;
  return {
    ...toSummary(summary),
    bodyHtml,
    updatedAt,
    commentThread: threadId && threadSlug ? { id: threadId, href: threadHref({ id: threadId, slug: threadSlug }) } : null,
  };
}

export interface OwnStoryRow {
  id: string;
  slug: string;
  title: string;
  status: Story["status"];
  moderation: ModerationStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  authorName: string;
  storeName: string | null;
}

/** The stories a writer may edit: their store's, or (operators) all of them. */
export async function listEditableStories(db: Db, scope: StoryAuthorScope): Promise<OwnStoryRow[]> {
  return db
    .select({
      id: stories.id,
      slug: stories.slug,
      title: stories.title,
      status: stories.status,
      moderation: stories.moderation,
      publishedAt: stories.publishedAt,
      updatedAt: stories.updatedAt,
      authorName: users.name,
      storeName: sellers.name,
    })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.authorId))
    .leftJoin(sellers, eq(sellers.id, stories.sellerId))
    .where(and(ne(stories.moderation, "deleted"), scope.kind === "seller" ? eq(stories.sellerId, scope.sellerId) : undefined))
    .orderBy(desc(stories.updatedAt))
    .limit(200);
}

/** One story for its editor; someone else's is not found. */
export async function getEditableStory(db: Db, scope: StoryAuthorScope, id: string): Promise<Story> {
  const [story] = await db.select().from(stories).where(editable(scope, id));
  if (!story) throw notFound("That story");
  return story;
}

/** The editor's preview: the stored form of a body, without saving it. */
export function previewStoryBody(body: string): { html: string } {
  return { html: renderCommunityText(body).html };
}
