import { and, desc, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";

const { forumListingMentions, forumThreads, forumPosts, forumCategories } = schema;

export interface ListingDiscussion {
  threadId: string;
  title: string;
  href: string;
  categoryName: string;
  replyCount: number;
  lastPostedAt: Date;
}

/** A thread's address on the storefront. */
const discussionHref = (thread: { id: string; slug: string }) => `/community/t/${thread.id}/${thread.slug}`;

/**
 * "Discussed in N threads": visible forum threads with a visible post that links to the listing (a card
 * or a /p/slug link), most recently active first, and how many there are.
 */
export async function listingDiscussions(db: Db, listingId: string, limit = 5): Promise<{ total: number; threads: ListingDiscussion[] }> {
  const where = and(
    eq(forumListingMentions.listingId, listingId),
    eq(forumThreads.status, "visible"),
    eq(forumPosts.status, "visible"),
  );
  const [rows, [total]] = await Promise.all([
    db
      .selectDistinctOn([forumThreads.lastPostedAt, forumThreads.id], {
        threadId: forumThreads.id,
        slug: forumThreads.slug,
        title: forumThreads.title,
        categoryName: forumCategories.name,
        replyCount: forumThreads.replyCount,
        lastPostedAt: forumThreads.lastPostedAt,
      })
      .from(forumListingMentions)
      .innerJoin(forumThreads, eq(forumThreads.id, forumListingMentions.threadId))
      .innerJoin(forumPosts, eq(forumPosts.id, forumListingMentions.postId))
      .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
      .where(where)
      .orderBy(desc(forumThreads.lastPostedAt), forumThreads.id)
      .limit(limit),
    db
      .select({ n: sql<number>`count(distinct ${forumThreads.id})::int` })
      .from(forumListingMentions)
      .innerJoin(forumThreads, eq(forumThreads.id, forumListingMentions.threadId))
      .innerJoin(forumPosts, eq(forumPosts.id, forumListingMentions.postId))
      .where(where),
  ]);
  return {
    total: total?.n ?? 0,
    threads: rows.map((r) => ({
      threadId: r.threadId,
      title: r.title,
      href: discussionHref({ id: r.threadId, slug: r.slug }),
      categoryName: r.categoryName,
      replyCount: r.replyCount,
      lastPostedAt: r.lastPostedAt,
    })),
  };
}
