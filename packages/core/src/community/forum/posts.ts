import { and, desc, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { CreateReplyInput, EditPostInput } from "@agora/validators";
import { DomainError, notFound } from "../../errors";
import type { MemberNotice } from "../notifications";
import { memberStanding } from "../profiles";
import { consumeRateLimit } from "../rate-limit";
import { initialStatus } from "../trust";
import { postHref } from "./links";
import {
  lockMemberWrites,
  lockThread,
  mentionNoticesFor,
  recentRepeatPost,
  recordMentions,
  refreshSearchDocument,
  refreshThreadStats,
  renderPostBody,
  sendNotices,
  type ForumPostRow,
} from "./write";

const { forumThreads, forumPosts, forumPostRevisions, users } = schema;

export type PostStatus = "pending" | "visible" | "hidden" | "deleted";

export interface CreatedReply {
  postId: string;
  threadId: string;
  number: number;
  status: PostStatus;
  href: string;
}

/** Whether someone may see content in this status: visible to all; pending and hidden to the author and moderators. */
export function canSeeStatus(status: PostStatus, authorId: string, viewer: { userId: string; isOperator: boolean } | null): boolean {
  if (status === "visible" || status === "deleted") return true;
  return !!viewer && (viewer.isOperator || viewer.userId === authorId);
}

/**
 * Replies to a thread. The post's number is the next in the thread, taken under the thread's row lock
 * so concurrent replies never share one. Locked threads refuse replies (moderators may still post).
 * The reply count and last post time change in the same transaction; the parent's author and mentioned
 * members are notified (unless they blocked the author). Repeating the same text within a minute
 * returns the first reply.
 */
export async function createReply(db: Db, actorUserId: string, input: CreateReplyInput): Promise<CreatedReply> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, actorUserId);
    const viewer = { userId: actorUserId, isOperator: standing.isOperator };
    const thread = await lockThread(tx, input.threadId);
    if (thread.status === "deleted" || !canSeeStatus(thread.status, thread.authorId, viewer)) throw notFound("That thread");
    if (thread.lockedAt && !standing.isOperator)
      throw new DomainError("INVALID_STATE", "This thread is locked: it no longer takes replies.", { fieldErrors: { body: "This thread is locked." } });

    let parent: ForumPostRow | undefined;
    if (input.parentId) {
      [parent] = await tx.select().from(forumPosts).where(and(eq(forumPosts.id, input.parentId), eq(forumPosts.threadId, thread.id)));
      if (!parent || !canSeeStatus(parent.status, parent.authorId, viewer))
        throw new DomainError("INVALID_INPUT", "The post you are replying to is not in this thread.", { fieldErrors: { parentId: "Not in this thread." } });
    }

    await lockMemberWrites(tx, actorUserId);
    const repeat = await recentRepeatPost(tx, actorUserId, thread.id, input.body);
    if (repeat && repeat.number > 1) return { postId: repeat.id, threadId: thread.id, number: repeat.number, status: repeat.status, href: postHref(thread, repeat.number) };

    await consumeRateLimit(tx, actorUserId, "post.create", standing);
    const rendered = renderPostBody(standing, input.body);
    const status = initialStatus(standing);
    const [last] = await tx.select({ number: sql<number>`coalesce(max(${forumPosts.number}), 0)::int` }).from(forumPosts).where(eq(forumPosts.threadId, thread.id));
    const number = (last?.number ?? 0) + 1;
    const [post] = await tx
      .insert(forumPosts)
      .values({ threadId: thread.id, authorId: actorUserId, parentId: parent?.id ?? null, number, bodySource: input.body, bodyHtml: rendered.html, status })
      .returning();
    if (!post) throw new Error("post insert returned nothing");
    await refreshThreadStats(tx, thread.id);

    const notices = await recordMentions(tx, post, thread, rendered, standing.name);
    if (status === "visible") await sendNotices(tx, [...notices, ...replyNotices(post, thread, parent, standing.name, notices)]);
    return { postId: post.id, threadId: thread.id, number, status, href: postHref(thread, number) };
  });
}

/** "Ana replied to your post": to the parent's author, or to the thread's author for a plain reply. */
function replyNotices(
  post: ForumPostRow,
  thread: { id: string; slug: string; title: string; authorId: string },
  parent: ForumPostRow | undefined,
  actorName: string,
  mentions: MemberNotice[],
): MemberNotice[] {
  const to = parent?.authorId ?? thread.authorId;
  if (parent?.status === "deleted" || mentions.some((m) => m.userId === to)) return [];
  return [
    {
      userId: to,
      kind: "reply",
      actorId: post.authorId,
      text: parent ? `${actorName} replied to your post in “${thread.title}”` : `${actorName} replied to “${thread.title}”`,
      href: postHref(thread, post.number),
    },
  ];
}

async function lockEditablePost(tx: Db, actorUserId: string, postId: string, verb: "edit" | "delete") {
  const standing = await memberStanding(tx, actorUserId, { allowSilenced: verb === "delete" });
  const [post] = await tx.select().from(forumPosts).where(eq(forumPosts.id, postId)).for("update");
  const viewer = { userId: actorUserId, isOperator: standing.isOperator };
  if (!post || !canSeeStatus(post.status, post.authorId, viewer)) throw notFound("That post");
  if (post.status === "deleted") throw new DomainError("INVALID_STATE", "That post was deleted.");
  if (post.authorId !== actorUserId && !standing.isOperator)
    throw new DomainError("FORBIDDEN", verb === "edit" ? "You can only edit your own posts." : "You can only delete your own posts.");
  const thread = await lockThread(tx, post.threadId);
  return { standing, post, thread };
}

/**
 * The author (or a moderator) edits a post; the version it replaces is kept in the revision history,
 * with the thread's title when the opening post's edit changes it. A new member's edited post goes back
 * to the moderation queue.
 */
export async function editPost(db: Db, actorUserId: string, input: EditPostInput): Promise<{ postId: string; href: string }> {
  return db.transaction(async (tx) => {
    const { standing, post, thread } = await lockEditablePost(tx, actorUserId, input.postId, "edit");
    if (thread.lockedAt && !standing.isOperator) throw new DomainError("INVALID_STATE", "This thread is locked: its posts can no longer be edited.");
    const newTitle = post.number === 1 && input.title && input.title !== thread.title ? input.title : null;
    if (input.body === post.bodySource && !newTitle) return { postId: post.id, href: postHref(thread, post.number) };

    await consumeRateLimit(tx, actorUserId, "post.edit", standing);
    const rendered = renderPostBody(standing, input.body);
    await tx.insert(forumPostRevisions).values({
      postId: post.id,
      editorId: actorUserId,
      title: post.number === 1 ? thread.title : null,
      bodySource: post.bodySource,
      bodyHtml: post.bodyHtml,
    });
    await tx.update(forumPosts).set({ bodySource: input.body, bodyHtml: rendered.html, editedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(forumPosts.id, post.id));
    const current = { ...thread, title: newTitle ?? thread.title };
    if (newTitle) await tx.update(forumThreads).set({ title: newTitle }).where(eq(forumThreads.id, thread.id));
    if (post.number === 1) await refreshSearchDocument(tx, thread.id);
    const notices = await recordMentions(tx, post, current, rendered, standing.name);
    // A new member's edit waits for a moderator like their new posts do: otherwise a post approved once
    // could be rewritten into anything. Its mentions are then sent on approval.
    const reviewAgain = post.status === "visible" && post.authorId === actorUserId && initialStatus(standing) === "pending";
    if (reviewAgain) await setPostStatus(tx, post.id, "pending");
    else if (post.status === "visible") await sendNotices(tx, notices);
    return { postId: post.id, href: postHref(current, post.number) };
  });
}

/** The author or a moderator deletes a post: it stays in place as "[deleted]". Deleting the opening post removes the thread. */
export async function deletePost(db: Db, actorUserId: string, postId: string): Promise<{ threadId: string; threadDeleted: boolean }> {
  return db.transaction(async (tx) => {
    const { post } = await lockEditablePost(tx, actorUserId, postId, "delete");
    await setPostStatus(tx, post.id, "deleted");
    return { threadId: post.threadId, threadDeleted: post.number === 1 };
  });
}

/**
 * Moves a post to a status (moderation, author delete), keeping the thread's reply count, last post time
 * and search document right in the same transaction. The opening post carries its thread along. A post
 * approved out of "pending" notifies the members it mentions. Returns the post's author and thread, or
 * null when there is no such post.
 */
export async function setPostStatus(db: Db, postId: string, status: PostStatus): Promise<{ authorId: string; threadId: string } | null> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ threadId: forumPosts.threadId }).from(forumPosts).where(eq(forumPosts.id, postId));
    if (!found) return null;
    // Thread first, then post: the same lock order as replies, so the two never deadlock.
    const thread = await lockThread(tx, found.threadId);
    const [post] = await tx.select().from(forumPosts).where(eq(forumPosts.id, postId)).for("update");
    if (!post) return null;
    if (post.status !== status) {
      await tx.update(forumPosts).set({ status, updatedAt: sql`now()` }).where(eq(forumPosts.id, post.id));
      if (post.number === 1) await tx.update(forumThreads).set({ status }).where(eq(forumThreads.id, thread.id));
      if (status === "deleted" && thread.acceptedPostId === post.id) await tx.update(forumThreads).set({ acceptedPostId: null }).where(eq(forumThreads.id, thread.id));
      await refreshThreadStats(tx, thread.id);
      if (post.number === 1) await refreshSearchDocument(tx, thread.id);
      if (post.status === "pending" && status === "visible") await sendNotices(tx, await mentionNoticesFor(tx, post, thread));
    }
    return { authorId: post.authorId, threadId: post.threadId };
  });
}

export interface PostRevision {
  id: number;
  title: string | null;
  bodyHtml: string;
  editorName: string | null;
  createdAt: Date;
}

/** Earlier versions of a post, newest first, for whoever can see the post. */
export async function listPostRevisions(db: Db, viewer: { userId: string; isOperator: boolean } | null, postId: string): Promise<PostRevision[]> {
  const [post] = await db.select({ status: forumPosts.status, authorId: forumPosts.authorId }).from(forumPosts).where(eq(forumPosts.id, postId));
  if (!post || post.status === "deleted" || !canSeeStatus(post.status, post.authorId, viewer)) throw notFound("That post");
  return db
    .select({
      id: forumPostRevisions.id,
      title: forumPostRevisions.title,
      bodyHtml: forumPostRevisions.bodyHtml,
      editorName: users.name,
      createdAt: forumPostRevisions.createdAt,
    })
    .from(forumPostRevisions)
    .leftJoin(users, eq(users.id, forumPostRevisions.editorId))
    .where(eq(forumPostRevisions.postId, postId))
    .orderBy(desc(forumPostRevisions.id));
}
