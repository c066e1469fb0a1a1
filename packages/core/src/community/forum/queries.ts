import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type Db, type SQL } from "@agora/db";
import { schema } from "@agora/db";
import { notFound } from "../../errors";
import { TRUST_LEVELS, effectiveLevel } from "../trust";
import { INTERNAL_CATEGORIES } from "./categories";
import { memberBlockMap, type BlockKind } from "./blocks";
import { POSTS_PER_PAGE, postHref, threadHref } from "./links";
import { canSeeStatus, type PostStatus } from "./posts";

const { forumCategories, forumThreads, forumPosts, forumReactions, forumListingMentions, memberProfiles, users, userRoles, sellerMembers, sellers, orders, orderLines } =
  schema;

/** Who is reading: moderators (operators) also see pending and hidden posts. */
export type ForumViewer = { userId: string; isOperator: boolean } | null;

export const THREADS_PER_PAGE = 25;

export interface ThreadSummary {
  id: string;
  slug: string;
  href: string;
  title: string;
  categorySlug: string;
  categoryName: string;
  authorName: string;
  authorHandle: string | null;
  replyCount: number;
  lastPostedAt: Date;
  createdAt: Date;
  pinned: boolean;
  locked: boolean;
  answered: boolean;
  status: PostStatus;
}

const notInternal = sql`lower(${forumCategories.slug}::text) not in ${INTERNAL_CATEGORIES.map((s) => s.toLowerCase())}`;

const summaryColumns = {
  id: forumThreads.id,
  slug: forumThreads.slug,
  title: forumThreads.title,
  categorySlug: forumCategories.slug,
  categoryName: forumCategories.name,
  authorName: users.name,
  authorHandle: memberProfiles.handle,
  replyCount: forumThreads.replyCount,
  lastPostedAt: forumThreads.lastPostedAt,
  createdAt: forumThreads.createdAt,
  pinnedAt: forumThreads.pinnedAt,
  lockedAt: forumThreads.lockedAt,
  acceptedPostId: forumThreads.acceptedPostId,
  status: forumThreads.status,
};

type SummaryRow = Omit<ThreadSummary, "href" | "pinned" | "locked" | "answered"> & { pinnedAt: Date | null; lockedAt: Date | null; acceptedPostId: string | null };

function toSummary(r: SummaryRow): ThreadSummary {
  return {
    id: r.id,
    slug: r.slug,
    href: threadHref(r),
    title: r.title,
    categorySlug: r.categorySlug,
    categoryName: r.categoryName,
    authorName: r.authorName,
    authorHandle: r.authorHandle,
    replyCount: r.replyCount,
    lastPostedAt: r.lastPostedAt,
    createdAt: r.createdAt,
    pinned: r.pinnedAt !== null,
    locked: r.lockedAt !== null,
    answered: r.acceptedPostId !== null,
    status: r.status,
  };
}

function summaries(db: Db, where: SQL | undefined, order: SQL[], limit: number, offset = 0) {
  return db
    .select(summaryColumns)
    .from(forumThreads)
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .innerJoin(users, eq(users.id, forumThreads.authorId))
    .leftJoin(memberProfiles, eq(memberProfiles.userId, forumThreads.authorId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .then((rows) => rows.map(toSummary));
}

export interface ForumIndex {
  categories: {
    slug: string;
    name: string;
    description: string;
    threadCount: number;
    lastPostedAt: Date | null;
    acceptsAnswers: boolean;
    operatorsOnly: boolean;
  }[];
  pinned: ThreadSummary[];
  latest: ThreadSummary[];
}

/** The forum's front page: categories with their thread counts, pinned threads, then the latest. */
export async function getForumIndex(db: Db, options: { latest?: number } = {}): Promise<ForumIndex> {
  const counts = db
    .select({
      categoryId: forumThreads.categoryId,
      threadCount: sql<number>`count(*)::int`.as("thread_count"),
      lastPostedAt: sql<Date | null>`max(${forumThreads.lastPostedAt})`.as("last_posted_at"),
    })
    .from(forumThreads)
    .where(eq(forumThreads.status, "visible"))
    .groupBy(forumThreads.categoryId)
    .as("counts");
  const [categories, pinned, latest] = await Promise.all([
    db
      .select({
        slug: forumCategories.slug,
        name: forumCategories.name,
        description: forumCategories.description,
        threadCount: sql<number>`coalesce(${counts.threadCount}, 0)::int`,
        lastPostedAt: sql<string | null>`${counts.lastPostedAt}`,
        acceptsAnswers: forumCategories.acceptsAnswers,
        whoCanStartThreads: forumCategories.whoCanStartThreads,
      })
      .from(forumCategories)
      .leftJoin(counts, eq(counts.categoryId, forumCategories.id))
      .where(notInternal)
      .orderBy(asc(forumCategories.position), asc(forumCategories.name)),
    summaries(db, and(eq(forumThreads.status, "visible"), isNotNull(forumThreads.pinnedAt), notInternal), [desc(forumThreads.pinnedAt)], 10),
    summaries(db, and(eq(forumThreads.status, "visible"), isNull(forumThreads.pinnedAt), notInternal), [desc(forumThreads.lastPostedAt), desc(forumThreads.id)], options.latest ?? 20),
  ]);
  return {
    categories: categories.map(({ whoCanStartThreads, lastPostedAt, ...c }) => ({
      ...c,
      lastPostedAt: lastPostedAt ? new Date(lastPostedAt) : null,
      operatorsOnly: whoCanStartThreads === "operators",
    })),
    pinned,
    latest,
  };
}

function parseThreadCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = cursor.split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at: date, id };
}

export interface ForumCategoryPage {
  category: { slug: string; name: string; description: string; acceptsAnswers: boolean; operatorsOnly: boolean };
  pinned: ThreadSummary[];
  threads: ThreadSummary[];
  nextCursor: string | null;
}

/** A category's threads by latest activity, newest first, a page at a time; pinned ones head the first page. */
export async function getForumCategoryPage(db: Db, slug: string, options: { cursor?: string | null; limit?: number } = {}): Promise<ForumCategoryPage> {
  const [category] = await db.select().from(forumCategories).where(and(eq(forumCategories.slug, slug), notInternal));
  if (!category) throw notFound("That category");
  const limit = options.limit ?? THREADS_PER_PAGE;
  const after = parseThreadCursor(options.cursor);
  const inCategory = and(eq(forumThreads.categoryId, category.id), eq(forumThreads.status, "visible"));
  const [pinned, rows] = await Promise.all([
    after ? Promise.resolve([]) : summaries(db, and(inCategory, isNotNull(forumThreads.pinnedAt)), [desc(forumThreads.pinnedAt)], 10),
    summaries(
      db,
      and(
        inCategory,
        isNull(forumThreads.pinnedAt),
        after ? or(lt(forumThreads.lastPostedAt, after.at), and(eq(forumThreads.lastPostedAt, after.at), lt(forumThreads.id, after.id))) : undefined,
      ),
      [desc(forumThreads.lastPostedAt), desc(forumThreads.id)],
      limit + 1,
    ),
  ]);
  const threads = rows.slice(0, limit);
  const last = threads.at(-1);
  return {
    category: {
      slug: category.slug,
      name: category.name,
      description: category.description,
      acceptsAnswers: category.acceptsAnswers,
      operatorsOnly: category.whoCanStartThreads === "operators",
    },
    pinned,
    threads,
    nextCursor: rows.length > limit && last ? `${last.lastPostedAt.toISOString()}|${last.id}` : null,
  };
}

export type AuthorBadge = { kind: "seller"; storeName: string; storeSlug: string } | { kind: "owner" } | { kind: "staff" };

export interface ThreadPost {
  id: string;
  number: number;
  status: PostStatus;
  /** null for a deleted post: only "[deleted]" is shown. */
  bodyHtml: string | null;
  author: { id: string; name: string; handle: string | null; badges: AuthorBadge[] } | null;
  parent: { number: number } | null;
  createdAt: Date;
  editedAt: Date | null;
  reactions: { kind: string; count: number; mine: boolean }[];
  /** The reader muted or blocked the author: collapsed. */
  muted: boolean;
  /** The markdown source, for the author's (or a moderator's) edit form; null for everyone else. */
  editableSource: string | null;
  mine: boolean;
  accepted: boolean;
}

export interface ThreadPage {
  thread: {
    id: string;
    slug: string;
    href: string;
    title: string;
    status: PostStatus;
    authorId: string;
    pinned: boolean;
    locked: boolean;
    createdAt: Date;
    replyCount: number;
    acceptedAnswer: { number: number; href: string; authorName: string } | null;
  };
  category: { slug: string; name: string; acceptsAnswers: boolean };
  posts: ThreadPost[];
  page: number;
  pageCount: number;
  /** The highest post number the reader may see: polling asks for posts after it. */
  lastNumber: number;
  viewer: { canReply: boolean; canModerate: boolean; canAccept: boolean; blocks: Record<string, BlockKind> };
}

async function visibleThread(db: Db, viewer: ForumViewer, threadId: string) {
  const [row] = await db
    .select({ thread: forumThreads, category: forumCategories })
    .from(forumThreads)
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .where(eq(forumThreads.id, threadId));
  if (!row || !canSeeStatus(row.thread.status, row.thread.authorId, viewer) || (row.thread.status === "deleted" && !viewer?.isOperator))
    throw notFound("That thread");
  return row;
}

/** Statuses a reader sees in a thread: visible and deleted for all, plus their own pending/hidden, or all for moderators. */
function postVisibility(viewer: ForumViewer): SQL | undefined {
  if (viewer?.isOperator) return undefined;
  const open = inArray(forumPosts.status, ["visible", "deleted"]);
  return viewer ? or(open, eq(forumPosts.authorId, viewer.userId)) : open;
}

/** Author badges: the approved store they work for, "Staff" for operators, "Owner" for a delivered purchase of a listing the thread mentions. */
async function authorBadges(db: Db, threadId: string, authorIds: string[]): Promise<Map<string, AuthorBadge[]>> {
  const badges = new Map<string, AuthorBadge[]>();
  if (authorIds.length === 0) return badges;
  const add = (userId: string, badge: AuthorBadge) => badges.set(userId, [...(badges.get(userId) ?? []), badge]);
  const [stores, staff, owners] = await Promise.all([
    db
      .select({ userId: sellerMembers.userId, storeName: sellers.name, storeSlug: sellers.slug })
      .from(sellerMembers)
      .innerJoin(sellers, eq(sellers.id, sellerMembers.sellerId))
      .where(and(inArray(sellerMembers.userId, authorIds), eq(sellers.status, "approved"))),
    db.select({ userId: userRoles.userId }).from(userRoles).where(and(inArray(userRoles.userId, authorIds), eq(userRoles.role, "operator"))),
    db
      .selectDistinct({ userId: orders.buyerId })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(
        and(
          eq(orders.status, "delivered"),
          inArray(orders.buyerId, authorIds),
          inArray(orderLines.listingId, db.select({ id: forumListingMentions.listingId }).from(forumListingMentions).where(eq(forumListingMentions.threadId, threadId))),
        ),
      ),
  ]);
  for (const s of stores) add(s.userId, { kind: "seller", storeName: s.storeName, storeSlug: s.storeSlug });
  for (const s of staff) add(s.userId, { kind: "staff" });
  for (const o of owners) if (o.userId) add(o.userId, { kind: "owner" });
  return badges;
}

/**
 * One page of a thread: posts numbered ((page-1)*POSTS_PER_PAGE, page*POSTS_PER_PAGE], flat, with "in reply to #N", badges,
 * reactions and what the reader may do. Pending and hidden posts appear only to their author (marked)
 * and moderators; a deleted post keeps its place as "[deleted]".
 */
export async function getThreadPage(db: Db, viewer: ForumViewer, threadId: string, requestedPage = 1): Promise<ThreadPage> {
  const { thread, category } = await visibleThread(db, viewer, threadId);
  const [{ lastNumber } = { lastNumber: 1 }] = await db
    .select({ lastNumber: sql<number>`coalesce(max(${forumPosts.number}), 1)::int` })
    .from(forumPosts)
    .where(and(eq(forumPosts.threadId, threadId), postVisibility(viewer)));
  const pageCount = Math.max(1, Math.ceil(lastNumber / POSTS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage)), pageCount);
  const parent = schema.forumPosts;
  const rows = await db
    .select({
      id: forumPosts.id,
      number: forumPosts.number,
      status: forumPosts.status,
      bodyHtml: forumPosts.bodyHtml,
      bodySource: forumPosts.bodySource,
      authorId: forumPosts.authorId,
      authorName: users.name,
      authorHandle: memberProfiles.handle,
      parentNumber: sql<number | null>`(select p.number from ${parent} p where p.id = ${forumPosts.parentId})`,
      createdAt: forumPosts.createdAt,
      editedAt: forumPosts.editedAt,
    })
    .from(forumPosts)
    .innerJoin(users, eq(users.id, forumPosts.authorId))
    .leftJoin(memberProfiles, eq(memberProfiles.userId, forumPosts.authorId))
    .where(
      and(
        eq(forumPosts.threadId, threadId),
        gt(forumPosts.number, (page - 1) * POSTS_PER_PAGE),
        sql`${forumPosts.number} <= ${page * POSTS_PER_PAGE}`,
        postVisibility(viewer),
      ),
    )
    .orderBy(asc(forumPosts.number));

  const postIds = rows.map((r) => r.id);
  const [badges, reactions, blocks, accepted] = await Promise.all([
    authorBadges(db, threadId, [...new Set(rows.filter((r) => r.status !== "deleted").map((r) => r.authorId))]),
    postIds.length
      ? db
          .select({
            postId: forumReactions.postId,
            kind: forumReactions.kind,
            count: sql<number>`count(*)::int`,
            mine: viewer ? sql<boolean>`bool_or(${forumReactions.userId} = ${viewer.userId})` : sql<boolean>`false`,
          })
          .from(forumReactions)
          .where(inArray(forumReactions.postId, postIds))
          .groupBy(forumReactions.postId, forumReactions.kind)
      : Promise.resolve([]),
    viewer ? memberBlockMap(db, viewer.userId) : Promise.resolve(new Map<string, BlockKind>()),
    thread.acceptedPostId
      ? db
          .select({ number: forumPosts.number, authorName: users.name })
          .from(forumPosts)
          .innerJoin(users, eq(users.id, forumPosts.authorId))
          .where(and(eq(forumPosts.id, thread.acceptedPostId), eq(forumPosts.status, "visible")))
          .then((r) => r[0])
      : Promise.resolve(undefined),
  ]);
  const reactionsOf = new Map<string, ThreadPost["reactions"]>();
  for (const r of reactions) reactionsOf.set(r.postId, [...(reactionsOf.get(r.postId) ?? []), { kind: r.kind, count: r.count, mine: !!r.mine }]);

  const canModerate = !!viewer?.isOperator;
  return {
    thread: {
      id: thread.id,
      slug: thread.slug,
      href: threadHref(thread),
      title: thread.title,
      status: thread.status,
      authorId: thread.authorId,
      pinned: thread.pinnedAt !== null,
      locked: thread.lockedAt !== null,
      createdAt: thread.createdAt,
      replyCount: thread.replyCount,
      acceptedAnswer: accepted ? { number: accepted.number, href: postHref(thread, accepted.number), authorName: accepted.authorName } : null,
    },
    category: { slug: category.slug, name: category.name, acceptsAnswers: category.acceptsAnswers },
    posts: rows.map((r) => {
      const deleted = r.status === "deleted";
      return {
        id: r.id,
        number: r.number,
        status: r.status,
        bodyHtml: deleted ? null : r.bodyHtml,
        author: deleted ? null : { id: r.authorId, name: r.authorName, handle: r.authorHandle, badges: badges.get(r.authorId) ?? [] },
        parent: r.parentNumber === null ? null : { number: r.parentNumber },
        createdAt: r.createdAt,
        editedAt: deleted ? null : r.editedAt,
        reactions: deleted ? [] : (reactionsOf.get(r.id) ?? []),
        muted: !deleted && blocks.has(r.authorId),
        editableSource: !deleted && viewer && (viewer.isOperator || viewer.userId === r.authorId) ? r.bodySource : null,
        mine: !!viewer && viewer.userId === r.authorId,
        accepted: thread.acceptedPostId === r.id,
      };
    }),
    page,
    pageCount,
    lastNumber,
    viewer: {
      canReply: !!viewer && thread.status === "visible" && (!thread.lockedAt || canModerate),
      canModerate,
      canAccept: !!viewer && category.acceptsAnswers && (viewer.userId === thread.authorId || canModerate),
      blocks: Object.fromEntries(blocks),
    },
  };
}

/** For live updates: how many posts the reader has not seen yet, after the number they have. */
export async function countNewPosts(db: Db, viewer: ForumViewer, threadId: string, afterNumber: number): Promise<{ count: number; lastNumber: number }> {
  await visibleThread(db, viewer, threadId);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, lastNumber: sql<number>`coalesce(max(${forumPosts.number}), ${afterNumber})::int` })
    .from(forumPosts)
    .where(and(eq(forumPosts.threadId, threadId), gt(forumPosts.number, afterNumber), postVisibility(viewer), sql`${forumPosts.status} <> 'deleted'`));
  return { count: row?.count ?? 0, lastNumber: row?.lastNumber ?? afterNumber };
}

export interface ThreadSearchResult extends ThreadSummary {
  excerpt: string;
}

export const SEARCH_PAGE_SIZE = 20;

/** Full-text search over thread titles and opening posts (PostgreSQL websearch syntax: "quoted", -not, or). */
export async function searchThreads(db: Db, query: string, options: { offset?: number } = {}): Promise<{ results: ThreadSearchResult[]; nextOffset: number | null }> {
  const q = sql`websearch_to_tsquery('english', ${query})`;
  const offset = options.offset ?? 0;
  const rows = await db
    .select({
      ...summaryColumns,
      excerpt: sql<string>`(select left(p.body_source, 400) from ${forumPosts} p where p.thread_id = ${forumThreads.id} and p.number = 1)`,
    })
    .from(forumThreads)
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .innerJoin(users, eq(users.id, forumThreads.authorId))
    .leftJoin(memberProfiles, eq(memberProfiles.userId, forumThreads.authorId))
    .where(and(eq(forumThreads.status, "visible"), sql`${forumThreads.searchDocument} @@ ${q}`))
    .orderBy(desc(sql`ts_rank(${forumThreads.searchDocument}, ${q})`), desc(forumThreads.lastPostedAt))
    .limit(SEARCH_PAGE_SIZE + 1)
    .offset(offset);
  const results = rows.slice(0, SEARCH_PAGE_SIZE).map(({ excerpt, ...r }) => ({ ...toSummary(r), excerpt: plainExcerpt(excerpt ?? "") }));
  return { results, nextOffset: rows.length > SEARCH_PAGE_SIZE ? offset + SEARCH_PAGE_SIZE : null };
}

/** Markdown source to a short line of plain text. */
export function plainExcerpt(source: string, max = 200): string {
  const text = source
    .replace(/\[\[product:[^\]]+\]\]/g, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export interface MemberPage {
  userId: string;
  handle: string;
  name: string;
  levelName: string;
  reputation: number;
  joinedAt: Date;
  store: { name: string; slug: string } | null;
  isStaff: boolean;
  threads: ThreadSummary[];
  posts: { id: string; number: number; threadTitle: string; href: string; excerpt: string; createdAt: Date }[];
}

/** A member's public page: who they are and their latest visible threads and replies. */
export async function getMemberPage(db: Db, handle: string): Promise<MemberPage> {
  const [profile] = await db
    .select({
      userId: memberProfiles.userId,
      handle: memberProfiles.handle,
      level: memberProfiles.level,
      reputation: memberProfiles.reputation,
      name: users.name,
      joinedAt: users.createdAt,
    })
    .from(memberProfiles)
    .innerJoin(users, eq(users.id, memberProfiles.userId))
    .where(sql`lower(${memberProfiles.handle}::text) = ${handle.toLowerCase()}`);
  if (!profile) throw notFound("That member");
  const badges = await authorBadges(db, "00000000-0000-0000-0000-000000000000", [profile.userId]);
  const store = badges.get(profile.userId)?.find((b) => b.kind === "seller");
  const isStaff = !!badges.get(profile.userId)?.some((b) => b.kind === "staff");
  const [threads, posts] = await Promise.all([
    summaries(db, and(eq(forumThreads.authorId, profile.userId), eq(forumThreads.status, "visible"), notInternal), [desc(forumThreads.createdAt)], 10),
    db
      .select({ id: forumPosts.id, number: forumPosts.number, threadId: forumThreads.id, threadSlug: forumThreads.slug, threadTitle: forumThreads.title, source: forumPosts.bodySource, createdAt: forumPosts.createdAt })
      .from(forumPosts)
      .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
      .where(and(eq(forumPosts.authorId, profile.userId), eq(forumPosts.status, "visible"), eq(forumThreads.status, "visible"), gt(forumPosts.number, 1)))
      .orderBy(desc(forumPosts.createdAt))
      .limit(10),
  ]);
  const level = effectiveLevel({ level: profile.level, trusted: !!store || isStaff });
  return {
    userId: profile.userId,
    handle: profile.handle,
    name: profile.name,
    levelName: TRUST_LEVELS[level].name,
    reputation: profile.reputation,
    joinedAt: profile.joinedAt,
    store: store?.kind === "seller" ? { name: store.storeName, slug: store.storeSlug } : null,
    isStaff,
    threads,
    posts: posts.map((p) => ({
      id: p.id,
      number: p.number,
      threadTitle: p.threadTitle,
      href: postHref({ id: p.threadId, slug: p.threadSlug }, p.number),
      excerpt: plainExcerpt(p.source, 160),
      createdAt: p.createdAt,
    })),
  };
}

/** "Discussed in N threads": visible threads whose visible posts mention the listing, most recent first. */
export async function getListingThreads(db: Db, listingId: string, options: { limit?: number } = {}): Promise<{ count: number; threads: ThreadSummary[] }> {
  const mentioning = and(
    eq(forumThreads.status, "visible"),
    sql`exists (select 1 from ${forumListingMentions} m join ${forumPosts} p on p.id = m.post_id
      where m.thread_id = ${forumThreads.id} and m.listing_id = ${listingId} and p.status = 'visible')`,
  );
  const [[row], threads] = await Promise.all([
    db.select({ count: sql<number>`count(*)::int` }).from(forumThreads).where(mentioning),
    summaries(db, mentioning, [desc(forumThreads.lastPostedAt)], options.limit ?? 5),
  ]);
  return { count: row?.count ?? 0, threads };
}
