import { and, asc, desc, eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { FlagContentInput, FlagReason, FlagTargetType } from "@agora/validators";
import { DomainError, notFound, uniqueViolation } from "../errors";
import { memberStanding } from "./profiles";
import { consumeRateLimit } from "./rate-limit";

const { contentFlags, moderationLog, memberProfiles, users, forumPosts, forumThreads, reviews, productQuestions, productAnswers, stories, listings } =
  schema;

export type ContentStatus = (typeof forumPosts.$inferSelect)["status"];

/** What moderation needs to know about one piece of content, whatever its kind. */
export interface ModerationTarget {
  type: FlagTargetType;
  id: string;
  authorId: string;
  /** Its own status; for a story, its moderation status. */
  status: ContentStatus;
  /** Whether everyone may see it now (a post also needs its thread visible; a story must be published). */
  publiclyVisible: boolean;
  /** A heading for the queue: the thread, listing or story title. */
  context: string;
  /** Stored, sanitised HTML of the text. */
  html: string;
  /** Storefront path where it is shown. */
  href: string;
}

const PAGE_OF = {
  thread: (threadSlug: string, threadId: string) => `/community/t/${threadId}/${threadSlug}`,
};

/** Storefront path of a forum thread. */
export function threadHref(thread: { id: string; slug: string }): string {
  return PAGE_OF.thread(thread.slug, thread.id);
}

/** Loads one flaggable item, or null when there is no such item. */
export async function loadModerationTarget(db: Db, type: FlagTargetType, id: string): Promise<ModerationTarget | null> {
  switch (type) {
    case "post": {
      const [row] = await db
        .select({
          authorId: forumPosts.authorId,
          status: forumPosts.status,
          html: forumPosts.bodyHtml,
          number: forumPosts.number,
          threadId: forumThreads.id,
          threadSlug: forumThreads.slug,
          threadTitle: forumThreads.title,
          threadStatus: forumThreads.status,
        })
        .from(forumPosts)
        .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
        .where(eq(forumPosts.id, id));
      if (!row) return null;
      return {
        type,
        id,
        authorId: row.authorId,
        status: row.status,
        // The opening post carries its thread: hiding one hides the other, so only the post's status counts there.
        publiclyVisible: row.status === "visible" && (row.number === 1 || row.threadStatus === "visible"),
        context: row.threadTitle,
        html: row.html,
        href: `${threadHref({ id: row.threadId, slug: row.threadSlug })}#post-${row.number}`,
      };
    }
    case "review": {
      const [row] = await db
        .select({ authorId: reviews.authorId, status: reviews.status, title: reviews.title, html: reviews.bodyHtml, listingTitle: listings.title, slug: listings.slug })
        .from(reviews)
        .innerJoin(listings, eq(listings.id, reviews.listingId))
        .where(eq(reviews.id, id));
      if (!row) return null;
      return {
        type,
        id,
        authorId: row.authorId,
        status: row.status,
        publiclyVisible: row.status === "visible",
        context: row.title ? `${row.listingTitle} — “${row.title}”` : row.listingTitle,
        html: row.html,
        href: `/p/${row.slug}#review-${id}`,
      };
    }
    case "question": {
      const [row] = await db
        .select({ authorId: productQuestions.authorId, status: productQuestions.status, html: productQuestions.bodyHtml, listingTitle: listings.title, slug: listings.slug })
        .from(productQuestions)
        .innerJoin(listings, eq(listings.id, productQuestions.listingId))
        .where(eq(productQuestions.id, id));
      if (!row) return null;
      return {
        type,
        id,
        authorId: row.authorId,
        status: row.status,
        publiclyVisible: row.status === "visible",
        context: row.listingTitle,
        html: row.html,
        href: `/p/${row.slug}#question-${id}`,
      };
    }
    case "answer": {
      const [row] = await db
        .select({
          authorId: productAnswers.authorId,
          status: productAnswers.status,
          html: productAnswers.bodyHtml,
          questionId: productQuestions.id,
          questionStatus: productQuestions.status,
          listingTitle: listings.title,
          slug: listings.slug,
        })
        .from(productAnswers)
        .innerJoin(productQuestions, eq(productQuestions.id, productAnswers.questionId))
        .innerJoin(listings, eq(listings.id, productQuestions.listingId))
        .where(eq(productAnswers.id, id));
      if (!row) return null;
      return {
        type,
        id,
        authorId: row.authorId,
        status: row.status,
        publiclyVisible: row.status === "visible" && row.questionStatus === "visible",
        context: row.listingTitle,
        html: row.html,
        href: `/p/${row.slug}#question-${row.questionId}`,
      };
    }
    case "story": {
      const [row] = await db
        .select({ authorId: stories.authorId, status: stories.moderation, published: stories.status, title: stories.title, html: stories.bodyHtml, slug: stories.slug })
        .from(stories)
        .where(eq(stories.id, id));
      if (!row) return null;
      return {
        type,
        id,
        authorId: row.authorId,
        status: row.status,
        publiclyVisible: row.status === "visible" && row.published === "published",
        context: row.title,
        html: row.html,
        href: `/stories/${row.slug}`,
      };
    }
  }
}

export interface FlagResult {
  /** True when this member had already reported it: nothing changed. */
  alreadyFlagged: boolean;
}

/**
 * A member reports something they can see. One report per member per item (a repeat changes nothing and
 * says so); reporting is rate-limited and refused to silenced members; one's own text cannot be reported.
 */
export async function flagContent(db: Db, reporterId: string, input: FlagContentInput): Promise<FlagResult> {
  try {
    return await db.transaction(async (tx) => {
      const standing = await memberStanding(tx, reporterId);
      const target = await loadModerationTarget(tx, input.targetType, input.targetId);
      if (!target || !target.publiclyVisible) throw notFound(`That ${input.targetType}`);
      if (target.authorId === reporterId) throw new DomainError("INVALID_INPUT", "You cannot report something you wrote.");

      const [existing] = await tx
        .select({ id: contentFlags.id })
        .from(contentFlags)
        .where(and(eq(contentFlags.targetType, input.targetType), eq(contentFlags.targetId, input.targetId), eq(contentFlags.reporterId, reporterId)));
      if (existing) return { alreadyFlagged: true };

      await consumeRateLimit(tx, reporterId, "flag.create", standing);
      await tx.insert(contentFlags).values({
        targetType: input.targetType,
        targetId: input.targetId,
        reporterId,
        reason: input.reason,
        note: input.note ?? null,
      });
      return { alreadyFlagged: false };
    });
  } catch (error) {
    // The same member reporting twice at the same moment: the first one counts.
    if (uniqueViolation(error) === "content_flags_one_per_reporter") return { alreadyFlagged: true };
    throw error;
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* The queue                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

export interface QueueAuthor {
  id: string;
  name: string;
  handle: string | null;
  level: number;
  approvedPosts: number;
  silencedUntil: Date | null;
}

export interface ModerationQueueItem {
  targetType: FlagTargetType;
  targetId: string;
  /** "flagged": open reports; "pending": a new member's text awaiting approval (it may be flagged too). */
  kind: "flagged" | "pending";
  status: ContentStatus;
  context: string;
  /** Plain text, at most EXCERPT_LENGTH characters: shown as text, never as markup. */
  excerpt: string;
  href: string;
  author: QueueAuthor;
  flagCount: number;
  reasons: { reason: FlagReason; count: number }[];
  notes: string[];
  firstFlaggedAt: Date | null;
  createdAt: Date;
}

export const EXCERPT_LENGTH = 400;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/** Plain text of stored HTML, for excerpts shown as text. */
export function plainTextExcerpt(html: string, max = EXCERPT_LENGTH): string {
  const text = html
    .replace(/<div data-listing-card="([^"]+)"><\/div>/g, " [product: $1] ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

const PENDING_SOURCES = [
  { type: "post", table: forumPosts },
  { type: "review", table: reviews },
  { type: "question", table: productQuestions },
  { type: "answer", table: productAnswers },
] as const;

/**
 * Open reports grouped per item (most reported first, then oldest), followed by text from new members
 * waiting for approval (oldest first).
 */
export async function listModerationQueue(db: Db, options: { limit?: number } = {}): Promise<ModerationQueueItem[]> {
  const limit = options.limit ?? 50;
  const groups = await db
    .select({
      targetType: contentFlags.targetType,
      targetId: contentFlags.targetId,
      flagCount: sql<number>`count(*)::int`,
      reasons: sql<FlagReason[]>`array_agg(${contentFlags.reason}::text order by ${contentFlags.createdAt})`,
      notes: sql<(string | null)[]>`array_agg(${contentFlags.note} order by ${contentFlags.createdAt})`,
      firstFlaggedAt: sql<string>`min(${contentFlags.createdAt})`,
    })
    .from(contentFlags)
    .where(eq(contentFlags.status, "open"))
    .groupBy(contentFlags.targetType, contentFlags.targetId)
    .orderBy(desc(sql`count(*)`), asc(sql`min(${contentFlags.createdAt})`))
    .limit(limit);

  const pending: { type: FlagTargetType; id: string; createdAt: Date }[] = [];
  for (const source of PENDING_SOURCES) {
    const rows = await db
      .select({ id: source.table.id, createdAt: source.table.createdAt })
      .from(source.table)
      .where(eq(source.table.status, "pending"))
      .orderBy(asc(source.table.createdAt))
      .limit(limit);
    for (const r of rows) pending.push({ type: source.type, id: r.id, createdAt: r.createdAt });
  }
  pending.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const flagged = new Map(groups.map((g) => [`${g.targetType}:${g.targetId}`, g]));
  const order = [
    ...groups.map((g) => ({ type: g.targetType, id: g.targetId })),
    ...pending.filter((p) => !flagged.has(`${p.type}:${p.id}`)).slice(0, limit),
  ];

  const items: ModerationQueueItem[] = [];
  const authorIds = new Set<string>();
  const loaded: { key: { type: FlagTargetType; id: string }; target: ModerationTarget }[] = [];
  for (const key of order) {
    const target = await loadModerationTarget(db, key.type, key.id);
    if (target) {
      loaded.push({ key, target });
      authorIds.add(target.authorId);
    }
  }
  const authors = await loadAuthors(db, [...authorIds]);
  const createdAtOf = new Map(pending.map((p) => [`${p.type}:${p.id}`, p.createdAt]));

  for (const { key, target } of loaded) {
    const group = flagged.get(`${key.type}:${key.id}`);
    const author = authors.get(target.authorId);
    if (!author) continue;
    const reasonCounts = new Map<FlagReason, number>();
    for (const r of group?.reasons ?? []) reasonCounts.set(r, (reasonCounts.get(r) ?? 0) + 1);
    const firstFlaggedAt = group ? new Date(group.firstFlaggedAt) : null;
    items.push({
      targetType: key.type,
      targetId: key.id,
      kind: target.status === "pending" ? "pending" : "flagged",
      status: target.status,
      context: target.context,
      excerpt: plainTextExcerpt(target.html),
      href: target.href,
      author,
      flagCount: group?.flagCount ?? 0,
      reasons: [...reasonCounts].map(([reason, count]) => ({ reason, count })),
      notes: (group?.notes ?? []).filter((n): n is string => !!n),
      firstFlaggedAt,
      createdAt: createdAtOf.get(`${key.type}:${key.id}`) ?? firstFlaggedAt ?? new Date(0),
    });
  }
  return items;
}

async function loadAuthors(db: Db, ids: string[]): Promise<Map<string, QueueAuthor>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      handle: memberProfiles.handle,
      level: memberProfiles.level,
      approvedPosts: memberProfiles.approvedPosts,
      silencedUntil: memberProfiles.silencedUntil,
    })
    .from(users)
    .leftJoin(memberProfiles, eq(memberProfiles.userId, users.id))
    .where(inArray(users.id, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, handle: r.handle, level: r.level ?? 0, approvedPosts: r.approvedPosts ?? 0, silencedUntil: r.silencedUntil },
    ]),
  );
}

/** Recent decisions, newest first, for the console's history. */
export async function listModerationLog(db: Db, options: { limit?: number; subjectUserId?: string } = {}) {
  const moderator = schema.users;
  return db
    .select({
      id: moderationLog.id,
      action: moderationLog.action,
      targetType: moderationLog.targetType,
      targetId: moderationLog.targetId,
      subjectUserId: moderationLog.subjectUserId,
      note: moderationLog.note,
      createdAt: moderationLog.createdAt,
      moderatorName: moderator.name,
    })
    .from(moderationLog)
    .leftJoin(moderator, eq(moderator.id, moderationLog.moderatorId))
    .where(options.subjectUserId ? eq(moderationLog.subjectUserId, options.subjectUserId) : undefined)
    .orderBy(desc(moderationLog.id))
    .limit(options.limit ?? 50);
}
