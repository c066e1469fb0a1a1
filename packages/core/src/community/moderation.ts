import { and, asc, desc, eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type {
  FlagContentInput,
  FlagReason,
  FlagTargetType,
  ModerateContentInput,
  ModerationDecision,
  SuspendMemberInput,
  WarnMemberInput,
} from "@agora/validators";
import { DomainError, notFound, uniqueViolation } from "../errors";
import { postHref } from "./forum/links";
import { setPostStatus } from "./forum/posts";
import { notifyMembers } from "./notifications";
import { memberStanding } from "./profiles";
import { setQuestionStatus, setAnswerStatus } from "./questions";
import { consumeRateLimit } from "./rate-limit";
import { setReviewStatus } from "./reviews";
import { setStoryModeration } from "./stories";
import { levelAfterApproval } from "./trust";

const {
  contentFlags,
  moderationLog,
  memberProfiles,
  users,
  forumPosts,
  forumThreads,
  reviews,
  productQuestions,
  productAnswers,
  stories,
  listings,
} = schema;

type ContentStatus = (typeof forumPosts.$inferSelect)["status"];

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
        href: postHref({ id: row.threadId, slug: row.threadSlug }, row.number),
      };
    }
    case "review": {
      const [row] = await db
        .select({
          authorId: reviews.authorId,
          status: reviews.status,
          title: reviews.title,
          html: reviews.bodyHtml,
          listingTitle: listings.title,
          slug: listings.slug,
        })
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
        .select({
          authorId: productQuestions.authorId,
          status: productQuestions.status,
          html: productQuestions.bodyHtml,
          listingTitle: listings.title,
          slug: listings.slug,
        })
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
        .select({
          authorId: stories.authorId,
          status: stories.moderation,
          published: stories.status,
          title: stories.title,
          html: stories.bodyHtml,
          slug: stories.slug,
        })
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
        .where(
          and(
            eq(contentFlags.targetType, input.targetType),
            eq(contentFlags.targetId, input.targetId),
            eq(contentFlags.reporterId, reporterId),
          ),
        );
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
      notes: sql<
        string[]
      >`coalesce(array_agg(${contentFlags.note} order by ${contentFlags.createdAt}) filter (where ${contentFlags.note} is not null), '{}')`,
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
      notes: group?.notes ?? [],
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
      {
        id: r.id,
        name: r.name,
        handle: r.handle,
        level: r.level ?? 0,
        approvedPosts: r.approvedPosts ?? 0,
        silencedUntil: r.silencedUntil,
      },
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

/* ------------------------------------------------------------------------------------------------ */
/* Decisions                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

const NEW_STATUS: Record<Exclude<ModerationDecision, "dismiss">, ContentStatus> = {
  approve: "visible",
  hide: "hidden",
  delete: "deleted",
};
const RESOLUTION: Record<ModerationDecision, string> = {
  approve: "approved",
  hide: "hidden",
  delete: "deleted",
  dismiss: "dismissed",
};
const TARGET_NAMES: Record<FlagTargetType, string> = {
  post: "post",
  review: "review",
  question: "question",
  answer: "answer",
  story: "story",
};

export interface ModerationOutcome {
  targetType: FlagTargetType;
  targetId: string;
  status: ContentStatus;
  /** Open reports this decision closed. */
  resolvedFlags: number;
  /** Storefront cache entries to expire once the transaction committed. */
  cacheTags: string[];
}

/** Serialises decisions about one item, so two moderators acting at once do not both apply. */
async function lockTarget(tx: Db, type: FlagTargetType, id: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`moderate:${type}:${id}`}, 0))`);
}

/** Sets an item's status through the function that owns that kind of content. */
async function applyStatus(tx: Db, type: FlagTargetType, id: string, status: ContentStatus): Promise<string[]> {
  switch (type) {
    case "post": {
      const changed = await setPostStatus(tx, id, status);
      if (!changed) throw notFound("That post");
      return [];
    }
    case "review":
      return (await setReviewStatus(tx, id, status)).cacheTags;
    case "question":
      await setQuestionStatus(tx, id, status);
      return [];
    case "answer":
      await setAnswerStatus(tx, id, status);
      return [];
    case "story":
      return (await setStoryModeration(tx, id, status)).cacheTags;
  }
}

/** One more approved post for a new member: counted, and promoted when they have enough. */
async function countApprovedPost(tx: Db, userId: string): Promise<void> {
  await memberStanding(tx, userId, { allowSilenced: true });
  const [profile] = await tx.select().from(memberProfiles).where(eq(memberProfiles.userId, userId)).for("update");
  if (!profile) return;
  const approvedPosts = profile.approvedPosts + 1;
  await tx
    .update(memberProfiles)
    .set({ approvedPosts, level: levelAfterApproval(profile.level, approvedPosts), updatedAt: new Date() })
    .where(eq(memberProfiles.userId, userId));
}

/**
 * A moderator's decision about one flagged or pending item: approve (publish a pending item, restore a
 * hidden one, or keep a visible one), hide, delete, or dismiss the reports. Closes the item's open
 * reports, appends the decision to the moderation log and tells the author when their text was taken
 * down — all in one transaction.
 */
export async function moderateContent(db: Db, moderatorId: string, input: ModerateContentInput): Promise<ModerationOutcome> {
  return db.transaction(async (tx) => {
    await lockTarget(tx, input.targetType, input.targetId);
    const target = await loadModerationTarget(tx, input.targetType, input.targetId);
    if (!target) throw notFound(`That ${input.targetType}`);

    const openFlags = await tx
      .select({ id: contentFlags.id })
      .from(contentFlags)
      .where(
        and(
          eq(contentFlags.targetType, input.targetType),
          eq(contentFlags.targetId, input.targetId),
          eq(contentFlags.status, "open"),
        ),
      );
    if (input.decision === "dismiss" && openFlags.length === 0)
      throw new DomainError("INVALID_STATE", "There are no open reports on this to dismiss.");

    let cacheTags: string[] = [];
    let status = target.status;
    if (input.decision !== "dismiss") {
      status = NEW_STATUS[input.decision];
      if (status !== target.status) cacheTags = await applyStatus(tx, input.targetType, input.targetId, status);
      if (input.decision === "approve" && target.status === "pending") await countApprovedPost(tx, target.authorId);
    }

    if (openFlags.length > 0)
      await tx
        .update(contentFlags)
        .set({ status: "resolved", resolvedBy: moderatorId, resolvedAt: new Date(), resolution: RESOLUTION[input.decision] })
        .where(
          inArray(
            contentFlags.id,
            openFlags.map((f) => f.id),
          ),
        );

    const action =
      input.decision === "dismiss"
        ? "dismiss_flags"
        : input.decision === "approve" && (target.status === "hidden" || target.status === "deleted")
          ? "restore"
          : input.decision;
    await tx.insert(moderationLog).values({
      moderatorId,
      action,
      targetType: input.targetType,
      targetId: input.targetId,
      subjectUserId: target.authorId,
      note: input.note ?? null,
    });

    if ((input.decision === "hide" || input.decision === "delete") && target.status !== status) {
      const verb = input.decision === "hide" ? "hid" : "removed";
      await notifyMembers(tx, [
        {
          userId: target.authorId,
          kind: "moderation",
          text: `A moderator ${verb} your ${TARGET_NAMES[input.targetType]} in “${target.context}”${input.note ? `: ${input.note}` : "."}`,
          href: target.href,
        },
      ]);
    }
    return { targetType: input.targetType, targetId: input.targetId, status, resolvedFlags: openFlags.length, cacheTags };
  });
}

/** A moderation notice to a member, recorded in the log. */
export async function warnMember(db: Db, moderatorId: string, input: WarnMemberInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!member) throw notFound("That member");
    const target = input.targetType && input.targetId ? await loadModerationTarget(tx, input.targetType, input.targetId) : null;
    await notifyMembers(tx, [
      {
        userId: input.userId,
        kind: "moderation",
        text: `A moderator sent you a warning: ${input.message}`,
        href: target?.href ?? "/community",
      },
    ]);
    await tx.insert(moderationLog).values({
      moderatorId,
      action: "warn",
      targetType: target ? target.type : null,
      targetId: target ? target.id : null,
      subjectUserId: input.userId,
      note: input.message,
    });
  });
}

/**
 * Silences a member's community actions (posting, replying, reviewing, asking, answering, reporting,
 * writing stories) for some days; their account stays usable. A later suspension replaces the earlier end.
 */
export async function suspendMember(db: Db, moderatorId: string, input: SuspendMemberInput): Promise<{ silencedUntil: Date }> {
  if (input.userId === moderatorId) throw new DomainError("INVALID_INPUT", "You cannot suspend yourself.");
  return db.transaction(async (tx) => {
    const standing = await memberStanding(tx, input.userId, { allowSilenced: true });
    if (standing.isOperator) throw new DomainError("FORBIDDEN", "Operators cannot be suspended from the community here.");
    const silencedUntil = new Date(Date.now() + input.days * 86_400_000);
    await tx.update(memberProfiles).set({ silencedUntil, updatedAt: new Date() }).where(eq(memberProfiles.userId, input.userId));
    const target = input.targetType && input.targetId ? await loadModerationTarget(tx, input.targetType, input.targetId) : null;
    await tx.insert(moderationLog).values({
      moderatorId,
      action: "suspend",
      targetType: target ? target.type : null,
      targetId: target ? target.id : null,
      subjectUserId: input.userId,
      note: `${input.days} day${input.days === 1 ? "" : "s"}${input.note ? `: ${input.note}` : ""}`,
    });
    await notifyMembers(tx, [
      {
        userId: input.userId,
        kind: "moderation",
        text: `A moderator suspended your community access until ${silencedUntil.toISOString().slice(0, 10)}${input.note ? `: ${input.note}` : "."}`,
        href: target?.href ?? "/community",
      },
    ]);
    return { silencedUntil };
  });
}

/** Ends a suspension early, and tells the member. */
export async function liftSuspension(db: Db, moderatorId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(memberProfiles)
      .set({ silencedUntil: null, updatedAt: new Date() })
      .where(and(eq(memberProfiles.userId, userId), sql`${memberProfiles.silencedUntil} > now()`))
      .returning({ userId: memberProfiles.userId });
    if (changed.length === 0) throw new DomainError("INVALID_STATE", "That member is not suspended (any more).");
    await tx.insert(moderationLog).values({ moderatorId, action: "restore", subjectUserId: userId, note: "Suspension lifted" });
    await notifyMembers(tx, [{ userId, kind: "moderation", text: "A moderator lifted your suspension: you can post again.", href: "/community" }]);
  });
}

/** Members whose community access is suspended now, the soonest to return first, with the latest suspension's note. */
export async function listSuspendedMembers(db: Db, now: Date = new Date()) {
  return db
    .select({
      userId: memberProfiles.userId,
      handle: memberProfiles.handle,
      name: schema.users.name,
      silencedUntil: memberProfiles.silencedUntil,
      reason: sql<string | null>`(select l.note from moderation_log l where l.subject_user_id = ${memberProfiles.userId} and l.action = 'suspend' order by l.id desc limit 1)`,
    })
    .from(memberProfiles)
    .innerJoin(schema.users, eq(schema.users.id, memberProfiles.userId))
    .where(sql`${memberProfiles.silencedUntil} > ${now.toISOString()}::timestamptz`)
    .orderBy(memberProfiles.silencedUntil, memberProfiles.handle)
    .limit(200);
}
