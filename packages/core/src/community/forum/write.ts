import { and, eq, gt, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { DomainError, notFound } from "../../errors";
import { activeListingIdsBySlug } from "../listing-cards";
import { notifyMembers, type MemberNotice } from "../notifications";
import type { MemberStanding } from "../profiles";
import { renderCommunityText, type RenderedText } from "../render";
import { assertWithinContentLimits } from "../trust";
import { postHref } from "./links";

const { forumThreads, forumPosts, forumMentions, forumListingMentions, memberProfiles } = schema;

/** Members by handle (any case); unknown handles are absent. */
async function membersWithHandles(tx: Db, handles: string[]): Promise<{ userId: string; handle: string }[]> {
  const wanted = [...new Set(handles.map((h) => h.toLowerCase()))].slice(0, 50);
  if (wanted.length === 0) return [];
  return tx
    .select({ userId: memberProfiles.userId, handle: memberProfiles.handle })
    .from(memberProfiles)
    .where(inArray(sql`lower(${memberProfiles.handle}::text)`, wanted));
}

export type ForumThreadRow = typeof forumThreads.$inferSelect;
export type ForumPostRow = typeof forumPosts.$inferSelect;

/** Seconds within which the same text from the same member is taken as a repeat of one submit. */
export const REPEAT_WINDOW_SECONDS = 60;

/** Renders a post body and applies the member's link and image allowance. */
export function renderPostBody(standing: MemberStanding, body: string): RenderedText {
  const rendered = renderCommunityText(body);
  if (!rendered.html.replace(/<[^>]*>/g, "").trim() && rendered.listingSlugs.length === 0 && rendered.imageCount === 0)
    throw new DomainError("INVALID_INPUT", "Write something first.", { fieldErrors: { body: "Write something first." } });
  assertWithinContentLimits(standing, rendered);
  return rendered;
}

/** Serialises one member's forum writes, so a double submit is seen as a repeat rather than raced. */
export async function lockMemberWrites(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`forum-write:${userId}`}, 0))`);
}

export async function lockThread(tx: Db, threadId: string): Promise<ForumThreadRow> {
  const [thread] = await tx.select().from(forumThreads).where(eq(forumThreads.id, threadId)).for("update");
  if (!thread) throw notFound("That thread");
  return thread;
}

/** Reply count (visible replies) and time of the last visible post, recomputed from the posts. */
export async function refreshThreadStats(tx: Db, threadId: string): Promise<void> {
  await tx
    .update(forumThreads)
    .set({
      replyCount: sql`(select count(*)::int from ${forumPosts} where ${forumPosts.threadId} = ${threadId} and ${forumPosts.number} > 1 and ${forumPosts.status} = 'visible')`,
      lastPostedAt: sql`coalesce((select max(${forumPosts.createdAt}) from ${forumPosts} where ${forumPosts.threadId} = ${threadId} and ${forumPosts.status} = 'visible'), ${forumThreads.createdAt})`,
      updatedAt: sql`now()`,
    })
    .where(eq(forumThreads.id, threadId));
}

/** The thread's search words: its title (weight A) and opening post (weight B). */
export async function refreshSearchDocument(tx: Db, threadId: string): Promise<void> {
  await tx.execute(sql`
    update ${forumThreads} t set search_document =
      setweight(to_tsvector('english', t.title), 'A') ||
      setweight(to_tsvector('english', coalesce((select left(p.body_source, 20000) from ${forumPosts} p where p.thread_id = t.id and p.number = 1), '')), 'B')
    where t.id = ${threadId}`);
}

/**
 * Records the members and listings a post mentions (replacing what an earlier version mentioned) and
 * returns the notices for members mentioned for the first time; the caller sends them once the post
 * is visible.
 */
export async function recordMentions(
  tx: Db,
  post: { id: string; threadId: string; number: number; authorId: string },
  thread: { id: string; slug: string; title: string },
  rendered: RenderedText,
  actorName: string,
): Promise<MemberNotice[]> {
  const members = (await membersWithHandles(tx, rendered.mentions)).filter((m) => m.userId !== post.authorId);
  const before = await tx.select({ userId: forumMentions.userId }).from(forumMentions).where(eq(forumMentions.postId, post.id));
  const already = new Set(before.map((m) => m.userId));
  await tx.delete(forumMentions).where(eq(forumMentions.postId, post.id));
  if (members.length > 0)
    await tx
      .insert(forumMentions)
      .values(members.map((m) => ({ postId: post.id, userId: m.userId })))
      .onConflictDoNothing();

  const listings = await activeListingIdsBySlug(tx, rendered.listingSlugs);
  await tx.delete(forumListingMentions).where(eq(forumListingMentions.postId, post.id));
  if (listings.length > 0)
    await tx
      .insert(forumListingMentions)
      .values(listings.map((l) => ({ postId: post.id, threadId: post.threadId, listingId: l.id })))
      .onConflictDoNothing();

  return members
    .filter((m) => !already.has(m.userId))
    .map((m) => ({
      userId: m.userId,
      kind: "mention" as const,
      actorId: post.authorId,
      text: `${actorName} mentioned you in “${thread.title}”`,
      href: postHref(thread, post.number),
    }));
}

/** Mention notices for a post that just became visible (after a moderator approved it). */
export async function mentionNoticesFor(tx: Db, post: ForumPostRow, thread: ForumThreadRow): Promise<MemberNotice[]> {
  const rows = await tx
    .select({ userId: forumMentions.userId, actorName: schema.users.name })
    .from(forumMentions)
    .innerJoin(schema.users, eq(schema.users.id, post.authorId))
    .where(eq(forumMentions.postId, post.id));
  return rows.map((r) => ({
    userId: r.userId,
    kind: "mention" as const,
    actorId: post.authorId,
    text: `${r.actorName} mentioned you in “${thread.title}”`,
    href: postHref(thread, post.number),
  }));
}

export async function sendNotices(tx: Db, notices: MemberNotice[]): Promise<void> {
  if (notices.length > 0) await notifyMembers(tx, notices);
}

/** The same member's identical post in the thread within the last minute: the earlier submit of this one. */
export async function recentRepeatPost(tx: Db, authorId: string, threadId: string, bodySource: string): Promise<ForumPostRow | undefined> {
  const [row] = await tx
    .select()
    .from(forumPosts)
    .where(
      and(
        eq(forumPosts.authorId, authorId),
        eq(forumPosts.threadId, threadId),
        eq(forumPosts.bodySource, bodySource),
        gt(forumPosts.createdAt, sql`now() - make_interval(secs => ${REPEAT_WINDOW_SECONDS})`),
      ),
    )
    .limit(1);
  return row;
}

export async function postsByIds(tx: Db, ids: string[]): Promise<ForumPostRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(forumPosts).where(inArray(forumPosts.id, ids));
}
