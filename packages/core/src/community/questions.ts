import { and, asc, desc, eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { AnswerQuestionInput, AskQuestionInput, DeleteAnswerInput, DeleteQuestionInput } from "@agora/validators";
import { DomainError, notFound } from "../errors";
import { notifyMembers } from "./notifications";
import { memberStanding } from "./profiles";
import { consumeRateLimit } from "./rate-limit";
import { renderCommunityText } from "./render";
import { deliveredLineOf } from "./reviews";
import { assertWithinContentLimits, initialStatus } from "./trust";

const { productQuestions, productAnswers, listings, sellers, sellerMembers, users, memberProfiles } = schema;

type Question = typeof productQuestions.$inferSelect;
type ContentStatus = Question["status"];
type Answer = typeof productAnswers.$inferSelect;
export type AnswerRole = Answer["role"];

/**
 * Product Q&A. Rules:
 * - Any signed-in member asks about an active listing of an approved store; a new member's question waits
 *   for a moderator like their forum posts do (trust.ts), and their own pending question is shown to them.
 * - The listing's seller staff ("Seller") and verified owners — shoppers with a delivered order line of
 *   that listing ("Verified owner") — answer; the role is fixed on the answer as its badge. Anyone else
 *   is refused with a message that says who may answer. Answers are visible at once (the role is the
 *   trust signal); link and image limits still apply.
 * - The asker accepts one answer (accepting another moves the mark); only the asker may.
 * - Authors delete their own questions (the answers leave with them) and answers (a deleted accepted
 *   answer loses the mark); someone else's, or one already deleted, is not found.
 * - `answer_count` counts visible answers and is kept in the same transaction as every answer change.
 */

const ANSWER_REFUSED = "Only the seller and shoppers who bought and received this product can answer its questions.";

/** The role this member would answer with on the listing's questions, or null when they may not answer. */
export async function answerRoleFor(db: Db, userId: string, listing: { id: string; sellerId: string }): Promise<AnswerRole | null> {
  const [staff] = await db
    .select({ sellerId: sellerMembers.sellerId })
    .from(sellerMembers)
    .innerJoin(sellers, eq(sellers.id, sellerMembers.sellerId))
    .where(and(eq(sellerMembers.userId, userId), eq(sellerMembers.sellerId, listing.sellerId), eq(sellers.status, "approved")));
  if (staff) return "seller";
  return (await deliveredLineOf(db, userId, listing.id)) ? "owner" : null;
}

async function shownListing(db: Db, listingId: string) {
  const [listing] = await db
    .select({ id: listings.id, slug: listings.slug, title: listings.title, sellerId: listings.sellerId })
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(and(eq(listings.id, listingId), eq(listings.status, "active"), eq(sellers.status, "approved")));
  if (!listing) throw notFound("The product");
  return listing;
}

/** Recounts a question's visible answers and drops an accepted answer that is no longer visible. */
async function recountAnswers(tx: Db, questionId: string): Promise<void> {
  await tx.execute(sql`
    update ${productQuestions} q set
      answer_count = (select count(*)::int from ${productAnswers} a where a.question_id = q.id and a.status = 'visible'),
      accepted_answer_id = case
        when exists (select 1 from ${productAnswers} a where a.id = q.accepted_answer_id and a.status = 'visible') then q.accepted_answer_id
      end,
      updated_at = now()
    where q.id = ${questionId}`);
}

export async function askQuestion(db: Db, authorId: string, input: AskQuestionInput): Promise<Question> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, authorId);
    const listing = await shownListing(tx, input.listingId);
    await consumeRateLimit(tx, authorId, "question.create", standing);
    const rendered = renderCommunityText(input.body);
    assertWithinContentLimits(standing, rendered);
    const [question] = await tx
      .insert(productQuestions)
      .values({ listingId: listing.id, sellerId: listing.sellerId, authorId, bodySource: input.body, bodyHtml: rendered.html, status: initialStatus(standing) })
      .returning();
    if (!question) throw new Error("question insert returned nothing");
    return question;
  });
}

export async function answerQuestion(db: Db, authorId: string, input: AnswerQuestionInput): Promise<Answer> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, authorId);
    // The question row is locked so the count and the notification follow one answer at a time.
    const [question] = await tx
      .select()
      .from(productQuestions)
      .where(and(eq(productQuestions.id, input.questionId), eq(productQuestions.status, "visible")))
      .for("update");
    if (!question) throw notFound("The question");
    const listing = await shownListing(tx, question.listingId);
    const role = await answerRoleFor(tx, authorId, listing);
    if (!role) throw new DomainError("FORBIDDEN", ANSWER_REFUSED);
    await consumeRateLimit(tx, authorId, "answer.create", standing);
    const rendered = renderCommunityText(input.body);
    assertWithinContentLimits(standing, rendered);
    const [answer] = await tx
      .insert(productAnswers)
      .values({ questionId: question.id, authorId, role, bodySource: input.body, bodyHtml: rendered.html, status: "visible" })
      .returning();
    if (!answer) throw new Error("answer insert returned nothing");
    await recountAnswers(tx, question.id);
    await notifyMembers(tx, [
      {
        userId: question.authorId,
        kind: "question_answered",
        actorId: authorId,
        text: `${role === "seller" ? "The seller" : "A verified owner"} answered your question about “${listing.title}”`,
        href: `/p/${listing.slug}#question-${question.id}`,
      },
    ]);
    return answer;
  });
}

/** The asker marks one visible answer as the one that helped; only the asker may. */
export async function acceptProductAnswer(db: Db, userId: string, input: { questionId: string; answerId: string }): Promise<Question> {
  return db.transaction(async (tx) => {
    // Like accepting a forum answer, a community action: refused while a moderator has the asker suspended.
    await memberStanding(tx, userId);
    const [question] = await tx
      .select()
      .from(productQuestions)
      .where(and(eq(productQuestions.id, input.questionId), sql`${productQuestions.status} in ('visible', 'pending')`))
      .for("update");
    if (!question) throw notFound("The question");
    if (question.authorId !== userId) throw new DomainError("FORBIDDEN", "Only the person who asked can accept an answer.");
    const [answer] = await tx
      .select()
      .from(productAnswers)
      .where(and(eq(productAnswers.id, input.answerId), eq(productAnswers.questionId, question.id), eq(productAnswers.status, "visible")));
    if (!answer) throw notFound("The answer");
    const [updated] = await tx
      .update(productQuestions)
      .set({ acceptedAnswerId: answer.id, updatedAt: new Date() })
      .where(eq(productQuestions.id, question.id))
      .returning();
    if (!updated) throw notFound("The question");
    if (question.acceptedAnswerId !== answer.id) {
      const [listing] = await tx.select({ slug: listings.slug, title: listings.title }).from(listings).where(eq(listings.id, question.listingId));
      if (listing)
        await notifyMembers(tx, [
          {
            userId: answer.authorId,
            kind: "accepted_answer",
            actorId: userId,
            text: `Your answer about “${listing.title}” was accepted`,
            href: `/p/${listing.slug}#question-${question.id}`,
          },
        ]);
    }
    return updated;
  });
}

/** The asker deletes their own question; its answers are no longer shown with it. */
export async function deleteQuestion(db: Db, authorId: string, input: DeleteQuestionInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: productQuestions.id })
      .from(productQuestions)
      .where(and(eq(productQuestions.id, input.questionId), eq(productQuestions.authorId, authorId), sql`${productQuestions.status} <> 'deleted'`));
    if (!own) throw notFound("The question");
    // A double click: the first delete won the row lock, the second finds it deleted already.
    if ((await setQuestionStatus(tx, own.id, "deleted")).previousStatus === "deleted") throw notFound("The question");
  });
}

/** The author deletes their own answer; the question's count (and accepted mark) follow. */
export async function deleteAnswer(db: Db, authorId: string, input: DeleteAnswerInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: productAnswers.id })
      .from(productAnswers)
      .where(and(eq(productAnswers.id, input.answerId), eq(productAnswers.authorId, authorId), sql`${productAnswers.status} <> 'deleted'`));
    if (!own) throw notFound("The answer");
    if ((await setAnswerStatus(tx, own.id, "deleted")).previousStatus === "deleted") throw notFound("The answer");
  });
}

/** Moderation: sets a question's status. An unknown id is not found. */
export async function setQuestionStatus(
  db: Db,
  questionId: string,
  status: ContentStatus,
): Promise<{ questionId: string; listingId: string; authorId: string; previousStatus: ContentStatus; status: ContentStatus }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(productQuestions).where(eq(productQuestions.id, questionId)).for("update");
    if (!before) throw notFound("The question");
    await tx.update(productQuestions).set({ status, updatedAt: new Date() }).where(eq(productQuestions.id, questionId));
    return { questionId, listingId: before.listingId, authorId: before.authorId, previousStatus: before.status, status };
  });
}

/** Moderation: sets an answer's status and keeps its question's answer count (and accepted mark) right. */
export async function setAnswerStatus(
  db: Db,
  answerId: string,
  status: ContentStatus,
): Promise<{ answerId: string; questionId: string; listingId: string; authorId: string; previousStatus: ContentStatus; status: ContentStatus }> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ questionId: productAnswers.questionId }).from(productAnswers).where(eq(productAnswers.id, answerId));
    if (!found) throw notFound("The answer");
    // Question first, then answer: the order answerQuestion takes them in.
    const [question] = await tx.select({ listingId: productQuestions.listingId }).from(productQuestions).where(eq(productQuestions.id, found.questionId)).for("update");
    const [before] = await tx.select().from(productAnswers).where(eq(productAnswers.id, answerId)).for("update");
    if (!before || !question) throw notFound("The answer");
    await tx.update(productAnswers).set({ status, updatedAt: new Date() }).where(eq(productAnswers.id, answerId));
    await recountAnswers(tx, before.questionId);
    return { answerId, questionId: before.questionId, listingId: question.listingId, authorId: before.authorId, previousStatus: before.status, status };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading

export interface AnswerItem {
  id: string;
  role: AnswerRole;
  authorName: string;
  bodyHtml: string;
  status: ContentStatus;
  accepted: boolean;
  mine: boolean;
  createdAt: Date;
}

export interface QuestionItem {
  id: string;
  authorName: string;
  bodyHtml: string;
  status: ContentStatus;
  answerCount: number;
  mine: boolean;
  createdAt: Date;
  answers: AnswerItem[];
}

const authorName = sql<string>`coalesce(${memberProfiles.handle}::text, split_part(${users.name}, ' ', 1))`;

/**
 * A listing's questions, newest first (visible ones, plus the viewer's own pending ones), each with its
 * visible answers (the accepted one first), and what the viewer may do: answer (with which badge).
 */
export async function listListingQuestions(
  db: Db,
  input: { listingId: string; cursor?: string | null; limit: number },
  viewerId: string | null,
): Promise<{ items: QuestionItem[]; nextCursor: string | null; total: number; viewer: { answerRole: AnswerRole | null } | null }> {
  const after = parseQuestionCursor(input.cursor);
  const shown = viewerId
    ? sql`(${productQuestions.status} = 'visible' or (${productQuestions.authorId} = ${viewerId} and ${productQuestions.status} = 'pending'))`
    : sql`${productQuestions.status} = 'visible'`;
  const rows = await db
    .select({
      id: productQuestions.id,
      authorId: productQuestions.authorId,
      authorName,
      bodyHtml: productQuestions.bodyHtml,
      status: productQuestions.status,
      answerCount: productQuestions.answerCount,
      acceptedAnswerId: productQuestions.acceptedAnswerId,
      createdAt: productQuestions.createdAt,
      createdAtText: sql<string>`${productQuestions.createdAt}::text`,
    })
    .from(productQuestions)
    .innerJoin(users, eq(users.id, productQuestions.authorId))
    .leftJoin(memberProfiles, eq(memberProfiles.userId, productQuestions.authorId))
    .where(
      and(
        eq(productQuestions.listingId, input.listingId),
        shown,
        after ? sql`(${productQuestions.createdAt}, ${productQuestions.id}) < (${after.t}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(productQuestions.createdAt), desc(productQuestions.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const ids = page.map((q) => q.id);
  const [answers, [total], listing] = await Promise.all([
    ids.length
      ? db
          .select({
            id: productAnswers.id,
            questionId: productAnswers.questionId,
            authorId: productAnswers.authorId,
            role: productAnswers.role,
            authorName,
            bodyHtml: productAnswers.bodyHtml,
            status: productAnswers.status,
            createdAt: productAnswers.createdAt,
          })
          .from(productAnswers)
          .innerJoin(users, eq(users.id, productAnswers.authorId))
          .leftJoin(memberProfiles, eq(memberProfiles.userId, productAnswers.authorId))
          .where(and(inArray(productAnswers.questionId, ids), eq(productAnswers.status, "visible")))
          .orderBy(asc(productAnswers.createdAt))
      : [],
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(productQuestions)
      .where(and(eq(productQuestions.listingId, input.listingId), eq(productQuestions.status, "visible"))),
    db.select({ id: listings.id, sellerId: listings.sellerId }).from(listings).where(eq(listings.id, input.listingId)).then((r) => r[0]),
  ]);
  const last = page.at(-1);
  const items = page.map((q) => ({
    id: q.id,
    authorName: q.authorName || "A shopper",
    bodyHtml: q.bodyHtml,
    status: q.status,
    answerCount: q.answerCount,
    mine: q.authorId === viewerId,
    createdAt: q.createdAt,
    answers: answers
      .filter((a) => a.questionId === q.id)
      .map((a) => ({
        id: a.id,
        role: a.role,
        authorName: a.authorName || "A shopper",
        bodyHtml: a.bodyHtml,
        status: a.status,
        accepted: a.id === q.acceptedAnswerId,
        mine: a.authorId === viewerId,
        createdAt: a.createdAt,
      }))
      .sort((x, y) => Number(y.accepted) - Number(x.accepted)),
  }));
  return {
    items,
    nextCursor: rows.length > input.limit && last ? Buffer.from(JSON.stringify({ t: last.createdAtText, id: last.id })).toString("base64url") : null,
    total: total?.n ?? 0,
    viewer: viewerId && listing ? { answerRole: await answerRoleFor(db, viewerId, listing) } : null,
  };
}

function parseQuestionCursor(raw: string | null | undefined): { t: string; id: string } | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as { t?: unknown; id?: unknown };
    if (typeof value.t !== "string" || typeof value.id !== "string") return null;
    if (!/^[0-9a-f-]{36}$/i.test(value.id) || !/^\d{4}-\d{2}-\d{2}[ T][\d:.]+(?:[+-]\d{2}(?::?\d{2})?|Z)?$/.test(value.t)) return null;
    return { t: value.t, id: value.id };
  } catch {
    return null;
  }
}

export const SELLER_QUESTIONS_PAGE_SIZE = 20;

/** Visible questions about the seller's own listings that nobody has answered yet, oldest first. */
export async function listSellerUnansweredQuestions(db: Db, sellerId: string, options: { page: number }) {
  const where = and(eq(productQuestions.sellerId, sellerId), eq(productQuestions.status, "visible"), eq(productQuestions.answerCount, 0));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: productQuestions.id,
        bodyHtml: productQuestions.bodyHtml,
        createdAt: productQuestions.createdAt,
        authorName,
        listingId: listings.id,
        listingTitle: listings.title,
        listingSlug: listings.slug,
      })
      .from(productQuestions)
      .innerJoin(listings, eq(listings.id, productQuestions.listingId))
      .innerJoin(users, eq(users.id, productQuestions.authorId))
      .leftJoin(memberProfiles, eq(memberProfiles.userId, productQuestions.authorId))
      .where(where)
      .orderBy(asc(productQuestions.createdAt), asc(productQuestions.id))
      .limit(SELLER_QUESTIONS_PAGE_SIZE)
      .offset((options.page - 1) * SELLER_QUESTIONS_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(productQuestions).where(where),
  ]);
  const count = total?.n ?? 0;
  return { items: rows, total: count, page: options.page, pageCount: Math.max(1, Math.ceil(count / SELLER_QUESTIONS_PAGE_SIZE)) };
}
