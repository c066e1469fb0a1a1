import { and, eq, gt, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { CreateThreadInput } from "@agora/validators";
import { slugify } from "../../catalog/slug";
import { DomainError, notFound } from "../../errors";
import { memberStanding } from "../profiles";
import { consumeRateLimit } from "../rate-limit";
import { initialStatus } from "../trust";
import { isInternalCategory } from "./categories";
import { lockMemberWrites, lockThread, recordMentions, refreshSearchDocument, renderPostBody, REPEAT_WINDOW_SECONDS, sendNotices } from "./write";

const { forumCategories, forumThreads, forumPosts, moderationLog } = schema;

export interface CreateThreadOptions {
  /**
   * Lets a feature start a thread in an internal category (e.g. a story's comments in "story-comments"),
   * which the forum's own form refuses. Such threads skip the member's thread rate limit: the feature
   * applies its own.
   */
  allowInternalCategory?: boolean;
}

export interface CreatedThread {
  threadId: string;
  slug: string;
  postId: string;
}

/**
 * Starts a thread: its title and opening post (#1) in one transaction, with the search document,
 * mentions and listing mentions written alongside. A new member's thread waits for a moderator.
 * Submitting the same title twice within a minute returns the first thread (a double click).
 */
export async function createThread(db: Db, actorUserId: string, input: CreateThreadInput, options: CreateThreadOptions = {}): Promise<CreatedThread> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, actorUserId);
    const [category] = await tx.select().from(forumCategories).where(eq(forumCategories.slug, input.categorySlug));
    if (!category || (isInternalCategory(category.slug) && !options.allowInternalCategory)) throw notFound("That category");
    if (category.whoCanStartThreads === "operators" && !standing.isOperator)
      throw new DomainError("FORBIDDEN", `Only the marketplace team starts threads in ${category.name}. You can reply to them.`, {
        fieldErrors: { categorySlug: `Only the marketplace team starts threads in ${category.name}.` },
      });

    await lockMemberWrites(tx, actorUserId);
    const [repeat] = await tx
      .select({ threadId: forumThreads.id, slug: forumThreads.slug, postId: forumPosts.id })
      .from(forumThreads)
      .innerJoin(forumPosts, and(eq(forumPosts.threadId, forumThreads.id), eq(forumPosts.number, 1)))
      .where(
        and(
          eq(forumThreads.authorId, actorUserId),
          eq(forumThreads.categoryId, category.id),
          eq(forumThreads.title, input.title),
          eq(forumPosts.bodySource, input.body),
          gt(forumThreads.createdAt, sql`now() - make_interval(secs => ${REPEAT_WINDOW_SECONDS})`),
        ),
      )
      .limit(1);
    if (repeat) return repeat;

    if (!options.allowInternalCategory) await consumeRateLimit(tx, actorUserId, "thread.create", standing);
    const rendered = renderPostBody(standing, input.body);
    const status = initialStatus(standing);
    const slug = slugify(input.title) || "thread";

    const [thread] = await tx.insert(forumThreads).values({ categoryId: category.id, authorId: actorUserId, title: input.title, slug, status }).returning();
    if (!thread) throw new Error("thread insert returned nothing");
    const [post] = await tx
      .insert(forumPosts)
      .values({ threadId: thread.id, authorId: actorUserId, number: 1, bodySource: input.body, bodyHtml: rendered.html, status })
      .returning();
    if (!post) throw new Error("post insert returned nothing");
    await refreshSearchDocument(tx, thread.id);
    const notices = await recordMentions(tx, post, thread, rendered, standing.name);
    if (status === "visible") await sendNotices(tx, notices);
    return { threadId: thread.id, slug: thread.slug, postId: post.id };
  });
}

/** Operators pin a thread to the top of its category and the forum index, or unpin it. */
export async function setThreadPinned(db: Db, actorUserId: string, threadId: string, pinned: boolean): Promise<void> {
  await moderateThread(db, actorUserId, threadId, pinned ? "pin" : "unpin", { pinnedAt: pinned ? new Date() : null });
}

/** Operators lock a thread (no more replies) or unlock it. */
export async function setThreadLocked(db: Db, actorUserId: string, threadId: string, locked: boolean): Promise<void> {
  await moderateThread(db, actorUserId, threadId, locked ? "lock" : "unlock", { lockedAt: locked ? new Date() : null });
}

async function moderateThread(
  db: Db,
  actorUserId: string,
  threadId: string,
  action: "pin" | "unpin" | "lock" | "unlock",
  change: { pinnedAt?: Date | null; lockedAt?: Date | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const standing = await memberStanding(tx, actorUserId, { allowSilenced: true });
    if (!standing.isOperator) throw new DomainError("FORBIDDEN", "Only moderators can pin or lock threads.");
    const thread = await lockThread(tx, threadId);
    await tx.update(forumThreads).set(change).where(eq(forumThreads.id, threadId));
    const [opening] = await tx.select({ id: forumPosts.id }).from(forumPosts).where(and(eq(forumPosts.threadId, threadId), eq(forumPosts.number, 1)));
    await tx
      .insert(moderationLog)
      .values({ moderatorId: actorUserId, action, targetType: "post", targetId: opening?.id ?? null, subjectUserId: thread.authorId, note: `Thread “${thread.title}”` });
  });
}
