import { and, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { ReactionKind } from "@agora/validators";
import { DomainError, notFound } from "../../errors";
import { memberStanding } from "../profiles";
import { consumeRateLimit } from "../rate-limit";

const { forumPosts, forumThreads, forumReactions, memberProfiles } = schema;

/**
 * Adds the member's reaction of this kind to a post, or takes it back if they had it (one per kind per
 * member). Reactions on someone else's post add to their reputation.
 */
export async function toggleReaction(
  db: Db,
  actorUserId: string,
  input: { postId: string; kind: ReactionKind },
): Promise<{ active: boolean; count: number }> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, actorUserId);
    const [post] = await tx
      .select({ id: forumPosts.id, authorId: forumPosts.authorId, status: forumPosts.status, threadStatus: forumThreads.status })
      .from(forumPosts)
      .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
      .where(eq(forumPosts.id, input.postId));
    if (!post || post.status !== "visible" || post.threadStatus !== "visible") throw notFound("That post");

    const key = and(eq(forumReactions.postId, post.id), eq(forumReactions.userId, actorUserId), eq(forumReactions.kind, input.kind));
    const removed = await tx.delete(forumReactions).where(key).returning({ kind: forumReactions.kind });
    let active = false;
    // What this call changed: +1 reaction, -1, or nothing (a double click whose twin added it first).
    let change = removed.length === 0 ? 0 : -1;
    if (removed.length === 0) {
      if (post.authorId === actorUserId) throw new DomainError("INVALID_INPUT", "You cannot react to your own post.");
      await consumeRateLimit(tx, actorUserId, "reaction.add", standing);
      const added = await tx
        .insert(forumReactions)
        .values({ postId: post.id, userId: actorUserId, kind: input.kind })
        .onConflictDoNothing()
        .returning({ kind: forumReactions.kind });
      active = true;
      change = added.length;
    }
    if (post.authorId !== actorUserId && change !== 0)
      await tx
        .update(memberProfiles)
        .set({ reputation: sql`greatest(${memberProfiles.reputation} + ${change}, 0)` })
        .where(eq(memberProfiles.userId, post.authorId));
    const [row] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(forumReactions)
      .where(and(eq(forumReactions.postId, post.id), eq(forumReactions.kind, input.kind)));
    return { active, count: row?.count ?? 0 };
  });
}
