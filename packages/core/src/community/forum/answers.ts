import { and, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { DomainError, notFound } from "../../errors";
import { notifyMembers } from "../notifications";
import { memberStanding } from "../profiles";
import { canSeeStatus } from "./posts";
import { postHref } from "./links";
import { lockThread } from "./write";

const { forumCategories, forumPosts, memberProfiles } = schema;

/** Reputation an accepted answer earns its author. */
export const ACCEPTED_ANSWER_REPUTATION = 5;

/**
 * In a Q&A category, the thread's author (or a moderator) marks one reply as the accepted answer, or
 * clears it with null. The answer's author is told and earns reputation; a replaced answer loses it.
 */
export async function acceptAnswer(db: Db, actorUserId: string, input: { threadId: string; postId: string | null }): Promise<{ acceptedPostId: string | null }> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, actorUserId);
    const thread = await lockThread(tx, input.threadId);
    if (!canSeeStatus(thread.status, thread.authorId, { userId: actorUserId, isOperator: standing.isOperator }) || thread.status === "deleted")
      throw notFound("That thread");
    const [category] = await tx.select().from(forumCategories).where(eq(forumCategories.id, thread.categoryId));
    if (!category?.acceptsAnswers) throw new DomainError("INVALID_STATE", "Answers can only be accepted in question-and-answer categories.");
    if (thread.authorId !== actorUserId && !standing.isOperator)
      throw new DomainError("FORBIDDEN", "Only the person who asked (or a moderator) can accept an answer.");

    let answer: typeof forumPosts.$inferSelect | undefined;
    if (input.postId) {
      [answer] = await tx.select().from(forumPosts).where(and(eq(forumPosts.id, input.postId), eq(forumPosts.threadId, thread.id)));
      if (!answer || answer.number === 1 || answer.status !== "visible")
        throw new DomainError("INVALID_INPUT", "Choose a visible reply in this thread as the answer.");
    }
    if ((answer?.id ?? null) === thread.acceptedPostId) return { acceptedPostId: thread.acceptedPostId };

    if (thread.acceptedPostId) {
      const [previous] = await tx.select({ authorId: forumPosts.authorId }).from(forumPosts).where(eq(forumPosts.id, thread.acceptedPostId));
      if (previous && previous.authorId !== thread.authorId)
        await tx
          .update(memberProfiles)
          .set({ reputation: sql`greatest(${memberProfiles.reputation} - ${ACCEPTED_ANSWER_REPUTATION}, 0)` })
          .where(eq(memberProfiles.userId, previous.authorId));
    }
    await tx.update(schema.forumThreads).set({ acceptedPostId: answer?.id ?? null, updatedAt: sql`now()` }).where(eq(schema.forumThreads.id, thread.id));
    if (answer && answer.authorId !== thread.authorId) {
      await tx
        .update(memberProfiles)
        .set({ reputation: sql`${memberProfiles.reputation} + ${ACCEPTED_ANSWER_REPUTATION}` })
        .where(eq(memberProfiles.userId, answer.authorId));
      await notifyMembers(tx, [
        {
          userId: answer.authorId,
          kind: "accepted_answer",
          actorId: actorUserId,
          text: `Your reply was accepted as the answer to “${thread.title}”`,
          href: postHref(thread, answer.number),
        },
      ]);
    }
    return { acceptedPostId: answer?.id ?? null };
  });
}
