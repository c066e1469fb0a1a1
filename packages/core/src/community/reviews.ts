import { and, desc, eq, sql, type Db, type SQL } from "@agora/db";
import { schema } from "@agora/db";
import type { CreateReviewInput, DeleteReviewInput, ReviewSort, SellerReplyInput, UpdateReviewInput } from "@agora/validators";
import { cacheTags } from "../catalog/cache-tags";
import { DomainError, notFound, uniqueViolation } from "../errors";
import { notifyMembers } from "./notifications";
import { memberStanding } from "./profiles";
import { consumeRateLimit } from "./rate-limit";
import { renderCommunityText } from "./render";
import { assertWithinContentLimits } from "./trust";

const { reviews, listingRatings, sellerRatings, listingSearch, listings, sellers, orders, orderLines, users, memberProfiles, moderationLog, sellerMembers } = schema;

type ContentStatus = (typeof schema.contentStatus.enumValues)[number];
type Review = typeof reviews.$inferSelect;

/**
 * Product reviews. Rules:
 * - Only a shopper with a delivered order line of the listing may review it, once (the line is kept:
 *   it is the verified-buyer badge). A purchase is the trust signal, so a review is visible at once;
 *   new members' link and image limits still apply, and moderators hide what is flagged.
 * - People who work for the listing's store may not review it (they reply as the seller).
 * - The author may edit their review (rating, title, text) while it is not deleted, and delete it. A
 *   review its author deleted may be written again; one a moderator hid or deleted (and did not restore)
 *   may not, even after its author deleted it too.
 * - The listing's seller may reply once, publicly; replying again edits that one reply.
 * - Aggregates (listing_ratings, seller_ratings, listing_search.rating_average) count visible reviews
 *   only and are recomputed in the same transaction as every change that can move them, under row locks
 *   on the two aggregate rows, so concurrent reviews of one listing or seller never lose a count.
 */

/** Storefront cache entries that show a listing's rating: its page, its store page and its cards. */
function ratingTags(listing: { id: string; sellerId: string; categoryId: string | null }): string[] {
  return [cacheTags.search, cacheTags.listing(listing.id), cacheTags.seller(listing.sellerId), ...(listing.categoryId ? [cacheTags.category(listing.categoryId)] : [])];
}

async function tagsForListing(db: Db, listingId: string): Promise<string[]> {
  const [row] = await db.select({ id: listings.id, sellerId: listings.sellerId, categoryId: listings.categoryId }).from(listings).where(eq(listings.id, listingId));
  return row ? ratingTags(row) : [cacheTags.search, cacheTags.listing(listingId)];
}

/** Takes the aggregate rows' locks (listing first, then seller: one order everywhere, so no deadlock). */
async function lockAggregates(tx: Db, listingId: string, sellerId: string): Promise<void> {
  await tx.insert(listingRatings).values({ listingId }).onConflictDoNothing();
  await tx.insert(sellerRatings).values({ sellerId }).onConflictDoNothing();
  await tx.select({ id: listingRatings.listingId }).from(listingRatings).where(eq(listingRatings.listingId, listingId)).for("update");
  await tx.select({ id: sellerRatings.sellerId }).from(sellerRatings).where(eq(sellerRatings.sellerId, sellerId)).for("update");
}

/** Recomputes the listing's and the seller's aggregates from their visible reviews. Call after lockAggregates. */
async function recomputeAggregates(tx: Db, listingId: string, sellerId: string): Promise<void> {
  await tx.execute(sql`
    update ${listingRatings} set
      review_count = coalesce(r.n, 0), rating_sum = coalesce(r.total, 0), updated_at = now()
    from (select count(*)::int as n, sum(rating)::int as total from ${reviews} where listing_id = ${listingId} and status = 'visible') r
    where ${listingRatings.listingId} = ${listingId}`);
  await tx.execute(sql`
    update ${sellerRatings} set
      review_count = coalesce(r.n, 0), rating_sum = coalesce(r.total, 0), updated_at = now()
    from (select count(*)::int as n, sum(rating)::int as total from ${reviews} where seller_id = ${sellerId} and status = 'visible') r
    where ${sellerRatings.sellerId} = ${sellerId}`);
  await tx
    .update(listingSearch)
    .set({
      ratingAverage: sql`(select case when lr.review_count > 0 then lr.rating_sum::real / lr.review_count end from ${listingRatings} lr where lr.listing_id = ${listingId})`,
    })
    .where(eq(listingSearch.listingId, listingId));
}

/** The shopper's delivered order line for the listing (the newest), if any. */
export async function deliveredLineOf(db: Db, userId: string, listingId: string): Promise<string | null> {
  const [line] = await db
    .select({ id: orderLines.id })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orders.buyerId, userId), eq(orders.status, "delivered"), eq(orderLines.listingId, listingId)))
    .orderBy(desc(orders.deliveredAt))
    .limit(1);
  return line?.id ?? null;
}

async function hasUndeliveredLine(db: Db, userId: string, listingId: string): Promise<boolean> {
  const [line] = await db
    .select({ id: orderLines.id })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orders.buyerId, userId), sql`${orders.status} in ('placed', 'accepted', 'shipped')`, eq(orderLines.listingId, listingId)))
    .limit(1);
  return !!line;
}

export type ReviewEligibility =
  | { canReview: true; orderLineId: string; deletedReviewId?: string }
  | {
      canReview: false;
      reason: "signed_out" | "not_bought" | "not_delivered" | "already_reviewed" | "removed_by_moderator" | "own_store";
      message: string;
      reviewId?: string;
    };

const messages = {
  not_bought: "Only shoppers who bought this product and received it can review it.",
  not_delivered: "You can review this product once your order has been delivered.",
  already_reviewed: "You have already reviewed this product. You can edit your review instead.",
  removed_by_moderator: "A moderator removed your review of this product, so you cannot review it again.",
  own_store: "You work for the store that sells this product, so you cannot review it. You can answer reviews as the seller instead.",
} as const;

/** Whether this shopper may review the listing now, and if not, why (for the form and the API alike). */
export async function reviewEligibility(db: Db, userId: string, listingId: string): Promise<ReviewEligibility> {
  const [existing] = await db
    .select({
      id: reviews.id,
      status: reviews.status,
      // Hidden or deleted by a moderator and not restored since: deleting it themselves does not let the
      // author publish it again.
      removedByModerator: sql<boolean>`coalesce((select m.action in ('hide', 'delete') from ${moderationLog} m
        where m.target_type = 'review' and m.target_id = reviews.id and m.action in ('hide', 'restore', 'delete')
        order by m.created_at desc, m.id desc limit 1), false)`,
    })
    .from(reviews)
    .where(and(eq(reviews.authorId, userId), eq(reviews.listingId, listingId)));
  if (existing && existing.status !== "deleted")
    return { canReview: false, reason: "already_reviewed", message: messages.already_reviewed, reviewId: existing.id };
  if (existing?.removedByModerator) return { canReview: false, reason: "removed_by_moderator", message: messages.removed_by_moderator };
  // The store's own people could buy, ship and mark delivered their own listing to earn the verified badge.
  const [staff] = await db
    .select({ userId: sellerMembers.userId })
    .from(sellerMembers)
    .innerJoin(listings, eq(listings.sellerId, sellerMembers.sellerId))
    .where(and(eq(listings.id, listingId), eq(sellerMembers.userId, userId)));
  if (staff) return { canReview: false, reason: "own_store", message: messages.own_store };
  const lineId = await deliveredLineOf(db, userId, listingId);
  if (lineId) return { canReview: true, orderLineId: lineId, ...(existing ? { deletedReviewId: existing.id } : {}) };
  if (await hasUndeliveredLine(db, userId, listingId)) return { canReview: false, reason: "not_delivered", message: messages.not_delivered };
  return { canReview: false, reason: "not_bought", message: messages.not_bought };
}

function renderReviewBody(standing: Parameters<typeof assertWithinContentLimits>[0], source: string) {
  const rendered = renderCommunityText(source);
  assertWithinContentLimits(standing, rendered);
  return rendered;
}

export async function createReview(db: Db, authorId: string, input: CreateReviewInput): Promise<{ review: Review; cacheTags: string[] }> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, authorId);
    const [listing] = await tx
      .select({ id: listings.id, sellerId: listings.sellerId, categoryId: listings.categoryId })
      .from(listings)
      .where(eq(listings.id, input.listingId));
    if (!listing) throw notFound("The product");
    const eligibility = await reviewEligibility(tx, authorId, listing.id);
    if (!eligibility.canReview)
      throw new DomainError(eligibility.reason === "already_reviewed" ? "CONFLICT" : "FORBIDDEN", eligibility.message);
    await consumeRateLimit(tx, authorId, "review.create", standing);
    const rendered = renderReviewBody(standing, input.body);
    await lockAggregates(tx, listing.id, listing.sellerId);
    const fields = {
      orderLineId: eligibility.orderLineId,
      rating: input.rating,
      title: input.title,
      bodySource: input.body,
      bodyHtml: rendered.html,
      status: "visible" as const,
    };
    let review: Review | undefined;
    if (eligibility.deletedReviewId) {
      // Written again after its author deleted it: the same row (one per author and listing), as new.
      // Only while it is still deleted, so a double submit's second write finds nothing to revive.
      const now = new Date();
      [review] = await tx
        .update(reviews)
        .set({ ...fields, sellerReplySource: null, sellerReplyHtml: null, sellerRepliedAt: null, sellerRepliedBy: null, createdAt: now, updatedAt: now })
        .where(and(eq(reviews.id, eligibility.deletedReviewId), eq(reviews.status, "deleted")))
        .returning();
      if (!review) throw new DomainError("CONFLICT", messages.already_reviewed);
    } else {
      try {
        [review] = await tx
          .insert(reviews)
          .values({ listingId: listing.id, sellerId: listing.sellerId, authorId, ...fields })
          .returning();
      } catch (error) {
        // A double submit that raced past the check above.
        if (uniqueViolation(error) === "reviews_one_per_author_listing") throw new DomainError("CONFLICT", messages.already_reviewed);
        throw error;
      }
    }
    if (!review) throw new Error("review insert returned nothing");
    await recomputeAggregates(tx, listing.id, listing.sellerId);
    return { review, cacheTags: ratingTags(listing) };
  });
}

/** The author edits their own review; anyone else's id (or a deleted review) is not found. */
export async function updateReview(db: Db, authorId: string, input: UpdateReviewInput): Promise<{ review: Review; cacheTags: string[] }> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, authorId);
    const [current] = await tx
      .select()
      .from(reviews)
      .where(and(eq(reviews.id, input.reviewId), eq(reviews.authorId, authorId), sql`${reviews.status} <> 'deleted'`));
    if (!current) throw notFound("The review");
    const rendered = renderReviewBody(standing, input.body);
    await lockAggregates(tx, current.listingId, current.sellerId);
    const [review] = await tx
      .update(reviews)
      .set({ rating: input.rating, title: input.title, bodySource: input.body, bodyHtml: rendered.html, updatedAt: new Date() })
      .where(eq(reviews.id, current.id))
      .returning();
    if (!review) throw notFound("The review");
    await recomputeAggregates(tx, current.listingId, current.sellerId);
    return { review, cacheTags: await tagsForListing(tx, current.listingId) };
  });
}

/**
 * The author deletes their own review: it leaves the page, the ratings and the search at once, and
 * they may write one again later. Anyone else's id, or a review already deleted, is not found.
 */
export async function deleteReview(db: Db, authorId: string, input: DeleteReviewInput): Promise<{ cacheTags: string[] }> {
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.id, input.reviewId), eq(reviews.authorId, authorId), sql`${reviews.status} <> 'deleted'`));
    if (!own) throw notFound("The review");
    const changed = await setReviewStatus(tx, own.id, "deleted");
    // A double click: the first delete won the row lock, the second finds it deleted already.
    if (changed.previousStatus === "deleted") throw notFound("The review");
    return { cacheTags: changed.cacheTags };
  });
}

/**
 * The listing's seller answers a review publicly. There is one reply per review: replying again
 * replaces the text (and the time) of the earlier reply. Another seller's review is not found.
 */
export async function replyToReview(
  db: Db,
  actor: { sellerId: string; userId: string },
  input: SellerReplyInput,
): Promise<{ review: Review; cacheTags: string[]; edited: boolean }> {
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, actor.userId);
    const [current] = await tx
      .select()
      .from(reviews)
      .where(and(eq(reviews.id, input.reviewId), eq(reviews.sellerId, actor.sellerId), sql`${reviews.status} <> 'deleted'`))
      .for("update");
    if (!current) throw notFound("The review");
    const rendered = renderReviewBody(standing, input.body);
    const [review] = await tx
      .update(reviews)
      .set({ sellerReplySource: input.body, sellerReplyHtml: rendered.html, sellerRepliedAt: new Date(), sellerRepliedBy: actor.userId })
      .where(and(eq(reviews.id, current.id), eq(reviews.sellerId, actor.sellerId)))
      .returning();
    if (!review) throw notFound("The review");
    const edited = current.sellerRepliedAt !== null;
    if (!edited) {
      const [listing] = await tx.select({ slug: listings.slug, title: listings.title }).from(listings).where(eq(listings.id, current.listingId));
      const [seller] = await tx.select({ name: sellers.name }).from(sellers).where(eq(sellers.id, actor.sellerId));
      if (listing)
        await notifyMembers(tx, [
          {
            userId: current.authorId,
            kind: "review_reply",
            actorId: actor.userId,
            text: `${seller?.name ?? "The seller"} replied to your review of “${listing.title}”`,
            href: `/p/${listing.slug}#review-${current.id}`,
          },
        ]);
    }
    return { review, cacheTags: await tagsForListing(tx, current.listingId), edited };
  });
}

/**
 * Moderation (and authors deleting): sets a review's status and keeps the aggregates right in the same
 * transaction. Returns what changed and the cache tags to expire; an unknown id is not found.
 */
export async function setReviewStatus(
  db: Db,
  reviewId: string,
  status: ContentStatus,
): Promise<{ reviewId: string; listingId: string; sellerId: string; authorId: string; previousStatus: ContentStatus; status: ContentStatus; cacheTags: string[] }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ listingId: reviews.listingId, sellerId: reviews.sellerId }).from(reviews).where(eq(reviews.id, reviewId));
    if (!current) throw notFound("The review");
    await lockAggregates(tx, current.listingId, current.sellerId);
    const [before] = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).for("update");
    if (!before) throw notFound("The review");
    await tx.update(reviews).set({ status, updatedAt: new Date() }).where(eq(reviews.id, reviewId));
    await recomputeAggregates(tx, before.listingId, before.sellerId);
    return {
      reviewId,
      listingId: before.listingId,
      sellerId: before.sellerId,
      authorId: before.authorId,
      previousStatus: before.status,
      status,
      cacheTags: await tagsForListing(tx, before.listingId),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading

export interface RatingSummary {
  count: number;
  /** One decimal, null without reviews. */
  average: number | null;
}

export interface RatingBreakdown extends RatingSummary {
  /** Visible reviews per star, 5 down to 1. */
  stars: { stars: 1 | 2 | 3 | 4 | 5; count: number }[];
}

const averageOf = (count: number, sum: number) => (count > 0 ? Math.round((sum / count) * 10) / 10 : null);

export async function listingRatingSummary(db: Db, listingId: string): Promise<RatingSummary> {
  const [row] = await db.select().from(listingRatings).where(eq(listingRatings.listingId, listingId));
  return { count: row?.reviewCount ?? 0, average: row ? averageOf(row.reviewCount, row.ratingSum) : null };
}

export async function sellerRatingSummary(db: Db, sellerId: string): Promise<RatingSummary> {
  const [row] = await db.select().from(sellerRatings).where(eq(sellerRatings.sellerId, sellerId));
  return { count: row?.reviewCount ?? 0, average: row ? averageOf(row.reviewCount, row.ratingSum) : null };
}

export interface ReviewItem {
  id: string;
  rating: number;
  title: string;
  bodyHtml: string;
  status: ContentStatus;
  authorName: string;
  /** Always true today (every review comes from a delivered line); kept explicit for the badge. */
  verifiedBuyer: boolean;
  variantLabel: string | null;
  createdAt: Date;
  editedAt: Date | null;
  mine: boolean;
  sellerReply: { html: string; repliedAt: Date } | null;
}

type Cursor = { r: number; t: string; id: string };

function encodeReviewCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeReviewCursor(raw: string | null | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof value.r !== "number" || typeof value.t !== "string" || typeof value.id !== "string") return null;
    if (!/^[0-9a-f-]{36}$/i.test(value.id) || !/^\d{4}-\d{2}-\d{2}[ T][\d:.]+(?:[+-]\d{2}(?::?\d{2})?|Z)?$/.test(value.t)) return null;
    return { r: value.r, t: value.t, id: value.id };
  } catch {
    return null;
  }
}

/**
 * One page of a listing's reviews (visible ones, plus the viewer's own whatever its status, marked),
 * sorted newest, highest or lowest rated (ties newest first), with the star breakdown on the first page.
 */
export async function listListingReviews(
  db: Db,
  input: { listingId: string; sort: ReviewSort; cursor?: string | null; limit: number },
  viewerId: string | null,
): Promise<{ items: ReviewItem[]; nextCursor: string | null; breakdown: RatingBreakdown; mine: { id: string; status: ContentStatus } | null }> {
  const cursor = decodeReviewCursor(input.cursor);
  const shown = viewerId ? sql`(${reviews.status} = 'visible' or (${reviews.authorId} = ${viewerId} and ${reviews.status} <> 'deleted'))` : sql`${reviews.status} = 'visible'`;
  const ratingKey = input.sort === "highest" ? sql`-${reviews.rating}` : input.sort === "lowest" ? sql`${reviews.rating}::int` : sql`0::int`;
  // The order is (rating key asc, created_at desc, id asc). The cursor's time sits on the left of the row
  // comparison, so "later in this order" is one comparison: a greater key, or the same key and an
  // earlier time, or the same key and time and a greater id.
  let after: SQL | undefined;
  if (cursor)
    after = sql`(${ratingKey}, ${cursor.t}::timestamptz, ${reviews.id}) > (${cursor.r}, ${reviews.createdAt}, ${cursor.id}::uuid)`;
  const rows = await db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      title: reviews.title,
      bodyHtml: reviews.bodyHtml,
      status: reviews.status,
      authorId: reviews.authorId,
      authorName: sql<string>`coalesce(${memberProfiles.handle}::text, split_part(${users.name}, ' ', 1))`,
      variantLabel: orderLines.variantLabel,
      createdAt: reviews.createdAt,
      /** Full precision (microseconds) for the cursor. */
      createdAtText: sql<string>`${reviews.createdAt}::text`,
      updatedAt: reviews.updatedAt,
      sellerReplyHtml: reviews.sellerReplyHtml,
      sellerRepliedAt: reviews.sellerRepliedAt,
      ratingKey: sql<number>`${ratingKey}`.mapWith(Number),
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.authorId))
    .leftJoin(memberProfiles, eq(memberProfiles.userId, reviews.authorId))
    .leftJoin(orderLines, eq(orderLines.id, reviews.orderLineId))
    .where(and(eq(reviews.listingId, input.listingId), shown, after))
    .orderBy(...(input.sort === "newest" ? [] : [ratingKey]), desc(reviews.createdAt), reviews.id)
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeReviewCursor({ r: last.ratingKey, t: last.createdAtText, id: last.id }) : null;

  const [breakdownRows, mine] = await Promise.all([
    db
      .select({ rating: reviews.rating, n: sql<number>`count(*)::int` })
      .from(reviews)
      .where(and(eq(reviews.listingId, input.listingId), eq(reviews.status, "visible")))
      .groupBy(reviews.rating),
    viewerId
      ? db
          .select({ id: reviews.id, status: reviews.status })
          .from(reviews)
          .where(and(eq(reviews.listingId, input.listingId), eq(reviews.authorId, viewerId)))
          .then((r) => r[0] ?? null)
      : null,
  ]);
  const count = breakdownRows.reduce((s, r) => s + r.n, 0);
  const sum = breakdownRows.reduce((s, r) => s + r.n * r.rating, 0);
  const stars = ([5, 4, 3, 2, 1] as const).map((s) => ({ stars: s, count: breakdownRows.find((r) => r.rating === s)?.n ?? 0 }));

  return {
    items: page.map((r) => ({
      id: r.id,
      rating: r.rating,
      title: r.title,
      bodyHtml: r.bodyHtml,
      status: r.status,
      authorName: r.authorName || "A shopper",
      verifiedBuyer: true,
      variantLabel: r.variantLabel || null,
      createdAt: r.createdAt,
      editedAt: r.updatedAt.getTime() - r.createdAt.getTime() > 60_000 ? r.updatedAt : null,
      mine: r.authorId === viewerId,
      sellerReply: r.sellerReplyHtml && r.sellerRepliedAt ? { html: r.sellerReplyHtml, repliedAt: r.sellerRepliedAt } : null,
    })),
    nextCursor,
    breakdown: { count, average: averageOf(count, sum), stars },
    mine: mine && mine.status !== "deleted" ? mine : null,
  };
}

/** The author's own review of a listing with its source, for the edit form. */
export async function getOwnReview(db: Db, authorId: string, listingId: string) {
  const [row] = await db
    .select({ id: reviews.id, rating: reviews.rating, title: reviews.title, body: reviews.bodySource, status: reviews.status })
    .from(reviews)
    .where(and(eq(reviews.authorId, authorId), eq(reviews.listingId, listingId), sql`${reviews.status} <> 'deleted'`));
  return row ?? null;
}

export const SELLER_REVIEWS_PAGE_SIZE = 20;

/** The seller's reviews (their own listings only), newest first, optionally only those without a reply. */
export async function listSellerReviews(db: Db, sellerId: string, options: { filter: "all" | "unreplied"; page: number }) {
  const where = and(
    eq(reviews.sellerId, sellerId),
    sql`${reviews.status} in ('visible', 'pending')`,
    options.filter === "unreplied" ? sql`${reviews.sellerRepliedAt} is null` : undefined,
  );
  const [rows, [total], [unreplied], summary] = await Promise.all([
    db
      .select({
        id: reviews.id,
        rating: reviews.rating,
        title: reviews.title,
        bodyHtml: reviews.bodyHtml,
        status: reviews.status,
        createdAt: reviews.createdAt,
        authorName: sql<string>`coalesce(${memberProfiles.handle}::text, split_part(${users.name}, ' ', 1))`,
        listingId: listings.id,
        listingTitle: listings.title,
        listingSlug: listings.slug,
        replySource: reviews.sellerReplySource,
        replyHtml: reviews.sellerReplyHtml,
        repliedAt: reviews.sellerRepliedAt,
      })
      .from(reviews)
      .innerJoin(listings, eq(listings.id, reviews.listingId))
      .innerJoin(users, eq(users.id, reviews.authorId))
      .leftJoin(memberProfiles, eq(memberProfiles.userId, reviews.authorId))
      .where(where)
      .orderBy(desc(reviews.createdAt), reviews.id)
      .limit(SELLER_REVIEWS_PAGE_SIZE)
      .offset((options.page - 1) * SELLER_REVIEWS_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(reviews).where(where),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(reviews)
      .where(and(eq(reviews.sellerId, sellerId), eq(reviews.status, "visible"), sql`${reviews.sellerRepliedAt} is null`)),
    sellerRatingSummary(db, sellerId),
  ]);
  const count = total?.n ?? 0;
  return {
    items: rows,
    total: count,
    unreplied: unreplied?.n ?? 0,
    summary,
    page: options.page,
    pageCount: Math.max(1, Math.ceil(count / SELLER_REVIEWS_PAGE_SIZE)),
  };
}
