import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { citext, id, timestamps } from "./_types";
import { listings } from "./catalog";
import { users } from "./identity";
import { orderLines } from "./orders";
import { sellers } from "./sellers";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Community: forums (categories → threads → posts), stories, reviews and product Q&A. Every piece of
 * user text is stored twice: the markdown source (for editing) and its sanitised HTML (for showing).
 * Visibility is one status shared by everything people write, so moderation treats them alike.
 */
export const contentStatus = pgEnum("content_status", [
  /** Waiting for a moderator: a new member's first posts. */
  "pending",
  "visible",
  /** Hidden by a moderator; the author still sees it, marked. */
  "hidden",
  /** Removed by its author or a moderator: kept for the record, shown as "deleted". */
  "deleted",
]);

/** Who may start threads in a forum category. */
export const forumPostingRole = pgEnum("forum_posting_role", ["members", "operators"]);

export const forumCategories = pgTable("forum_categories", {
  id: id(),
  slug: citext("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull().default(0),
  /** "operators": an announcements category; members may still reply unless the thread is locked. */
  whoCanStartThreads: forumPostingRole("who_can_start_threads").notNull().default("members"),
  /** Q&A categories: the asker (or a moderator) marks one reply as the accepted answer. */
  acceptsAnswers: boolean("accepts_answers").notNull().default(false),
  ...timestamps,
});

export const forumThreads = pgTable(
  "forum_threads",
  {
    id: id(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => forumCategories.id, { onDelete: "restrict" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    status: contentStatus("status").notNull().default("visible"),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    /** The reply marked as the answer (Q&A categories only). */
    acceptedPostId: uuid("accepted_post_id").references((): AnyPgColumn => forumPosts.id, { onDelete: "set null" }),
    /** Visible replies (not counting the opening post), kept in the same transaction as each post. */
    replyCount: integer("reply_count").notNull().default(0),
    lastPostedAt: timestamp("last_posted_at", { withTimezone: true }).notNull().defaultNow(),
    /** Title (A) and opening post (B) words, for thread search. */
    searchDocument: tsvector("search_document").notNull().default(sql`''::tsvector`),
    ...timestamps,
  },
  (t) => [
    index("forum_threads_category_idx").on(t.categoryId, t.pinnedAt, t.lastPostedAt),
    index("forum_threads_recent_idx").on(t.lastPostedAt),
    index("forum_threads_author_idx").on(t.authorId),
    index("forum_threads_search_idx").using("gin", t.searchDocument),
  ],
);

export const forumPosts = pgTable(
  "forum_posts",
  {
    id: id(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** The post this one replies to (null for the opening post and plain replies). Shown flat with a link. */
    parentId: uuid("parent_id").references((): AnyPgColumn => forumPosts.id, { onDelete: "set null" }),
    /** 1 for the opening post, then 2, 3…: stable order and the number people link to (#12). */
    number: integer("number").notNull(),
    bodySource: text("body_source").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: contentStatus("status").notNull().default("visible"),
    /** When the author (or a moderator) last changed it; revisions hold every earlier version. */
    editedAt: timestamp("edited_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("forum_posts_thread_number_idx").on(t.threadId, t.number),
    index("forum_posts_author_idx").on(t.authorId, t.createdAt),
    index("forum_posts_parent_idx").on(t.parentId).where(sql`${t.parentId} is not null`),
  ],
);

/** Every earlier version of a post (and of its thread's title when the opening post changed it). */
export const forumPostRevisions = pgTable(
  "forum_post_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    editorId: uuid("editor_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title"),
    bodySource: text("body_source").notNull(),
    bodyHtml: text("body_html").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("forum_post_revisions_post_idx").on(t.postId, t.id)],
);

export const reactionKind = pgEnum("reaction_kind", ["like", "helpful", "thanks", "insightful"]);

export const forumReactions = pgTable(
  "forum_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: reactionKind("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.kind] })],
);

/** Members mentioned (@name) in a post; each is notified once. */
export const forumMentions = pgTable(
  "forum_mentions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index("forum_mentions_user_idx").on(t.userId)],
);

/** Listings a post links to: rendered as live cards, and counted for "discussed in N threads". */
export const forumListingMentions = pgTable(
  "forum_listing_mentions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.listingId] }), index("forum_listing_mentions_listing_idx").on(t.listingId, t.threadId)],
);

/** "mute": their posts are collapsed for me. "block": also, they cannot mention me or reply to my posts. */
export const memberBlockKind = pgEnum("member_block_kind", ["mute", "block"]);

export const memberBlocks = pgTable(
  "member_blocks",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedUserId: uuid("blocked_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: memberBlockKind("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.blockedUserId] }),
    check("member_blocks_not_self", sql`${t.userId} <> ${t.blockedUserId}`),
  ],
);

/**
 * A member's community profile, made on their first community action: the unique @handle mentions use,
 * and their standing. Trust level 0 (new): links and images limited, posts wait for approval until
 * enough are approved; level 1 (member) and up lift the limits. Rules in core/community/trust.ts.
 */
export const memberProfiles = pgTable(
  "member_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Letters, digits, "_" and "-", 3–30 characters; unique ignoring case. */
    handle: citext("handle").notNull().unique(),
    level: smallint("level").notNull().default(0),
    approvedPosts: integer("approved_posts").notNull().default(0),
    /** Reactions received, accepted answers and helpful reviews. */
    reputation: integer("reputation").notNull().default(0),
    /** Set by a moderator's "suspend" for community actions (the account itself stays usable). */
    silencedUntil: timestamp("silenced_until", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("member_profiles_level_range", sql`${t.level} between 0 and 4`)],
);

/** Each rate-limited action a member took, for sliding-window limits (core/community/rate-limit.ts). */
export const memberActions = pgTable(
  "member_actions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("member_actions_user_action_idx").on(t.userId, t.action, t.createdAt)],
);

/** In-site notifications for community events (mentions, replies, accepted answers, moderation). */
export const memberNotificationKind = pgEnum("member_notification_kind", [
  "mention",
  "reply",
  "accepted_answer",
  "question_answered",
  "review_reply",
  "moderation",
]);

export const memberNotifications = pgTable(
  "member_notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: memberNotificationKind("kind").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** Short plain text shown in the list ("Ana mentioned you in “Best grinder?”"). */
    text: text("text").notNull(),
    /** Storefront path to open. */
    href: text("href").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("member_notifications_user_idx").on(t.userId, t.createdAt)],
);

/** What can be flagged: everything people write. */
export const flagTarget = pgEnum("flag_target", ["post", "review", "question", "answer", "story"]);
export const flagReason = pgEnum("flag_reason", ["spam", "abuse", "off_topic", "inappropriate", "other"]);
export const flagStatus = pgEnum("flag_status", ["open", "resolved"]);

export const contentFlags = pgTable(
  "content_flags",
  {
    id: id(),
    targetType: flagTarget("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: flagReason("reason").notNull(),
    note: text("note"),
    status: flagStatus("status").notNull().default("open"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** What the moderator did: approved (kept), hidden, deleted. */
    resolution: text("resolution"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("content_flags_one_per_reporter").on(t.targetType, t.targetId, t.reporterId),
    index("content_flags_open_idx").on(t.status, t.createdAt),
  ],
);

export const moderationAction = pgEnum("moderation_action", [
  "approve",
  "hide",
  "restore",
  "delete",
  "warn",
  "suspend",
  "pin",
  "unpin",
  "lock",
  "unlock",
  "dismiss_flags",
]);

/** Append-only record of every moderator decision. */
export const moderationLog = pgTable(
  "moderation_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    moderatorId: uuid("moderator_id").references(() => users.id, { onDelete: "set null" }),
    action: moderationAction("action").notNull(),
    targetType: flagTarget("target_type"),
    targetId: uuid("target_id"),
    /** The member the decision is about (the author, or the warned/suspended member). */
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_log_target_idx").on(t.targetType, t.targetId),
    index("moderation_log_subject_idx").on(t.subjectUserId, t.createdAt),
  ],
);

export const storyStatus = pgEnum("story_status", ["draft", "published"]);

/**
 * Articles by operators (sellerId null) and approved sellers. Product cards are written in the body
 * as `[[product:slug]]` and rendered live (price and stock as they are now); comments are a forum thread.
 */
export const stories = pgTable(
  "stories",
  {
    id: id(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    sellerId: uuid("seller_id").references(() => sellers.id, { onDelete: "cascade" }),
    slug: citext("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    bodySource: text("body_source").notNull(),
    bodyHtml: text("body_html").notNull(),
    coverImageKey: text("cover_image_key"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    status: storyStatus("status").notNull().default("draft"),
    /** Moderation: a published story can be hidden like any other content. */
    moderation: contentStatus("moderation").notNull().default("visible"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    commentThreadId: uuid("comment_thread_id").references(() => forumThreads.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("stories_published_idx").on(t.status, t.publishedAt),
    index("stories_seller_idx").on(t.sellerId),
    index("stories_tags_idx").using("gin", t.tags),
  ],
);

/** Listings embedded in a story, in order of appearance. */
export const storyListings = pgTable(
  "story_listings",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.listingId] }), index("story_listings_listing_idx").on(t.listingId)],
);

/**
 * A review of a listing by a shopper whose order line for it was delivered: one per shopper per
 * listing. The seller may answer once, publicly.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The delivered line that entitles the review (the verified-buyer badge). */
    orderLineId: uuid("order_line_id")
      .notNull()
      .references(() => orderLines.id, { onDelete: "restrict" }),
    rating: smallint("rating").notNull(),
    title: text("title").notNull().default(""),
    bodySource: text("body_source").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: contentStatus("status").notNull().default("visible"),
    sellerReplySource: text("seller_reply_source"),
    sellerReplyHtml: text("seller_reply_html"),
    sellerRepliedAt: timestamp("seller_replied_at", { withTimezone: true }),
    sellerRepliedBy: uuid("seller_replied_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("reviews_one_per_author_listing").on(t.authorId, t.listingId),
    index("reviews_listing_idx").on(t.listingId, t.createdAt),
    index("reviews_seller_idx").on(t.sellerId, t.createdAt),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

/** Rating aggregates, kept in the same transaction as every review change (visible reviews only). */
export const listingRatings = pgTable(
  "listing_ratings",
  {
    listingId: uuid("listing_id")
      .primaryKey()
      .references(() => listings.id, { onDelete: "cascade" }),
    reviewCount: integer("review_count").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("listing_ratings_non_negative", sql`${t.reviewCount} >= 0 and ${t.ratingSum} >= 0`)],
);

export const sellerRatings = pgTable(
  "seller_ratings",
  {
    sellerId: uuid("seller_id")
      .primaryKey()
      .references(() => sellers.id, { onDelete: "cascade" }),
    reviewCount: integer("review_count").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("seller_ratings_non_negative", sql`${t.reviewCount} >= 0 and ${t.ratingSum} >= 0`)],
);

/** A product question on a listing page: any signed-in member asks; the seller and verified owners answer. */
export const productQuestions = pgTable(
  "product_questions",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bodySource: text("body_source").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: contentStatus("status").notNull().default("visible"),
    acceptedAnswerId: uuid("accepted_answer_id").references((): AnyPgColumn => productAnswers.id, { onDelete: "set null" }),
    answerCount: integer("answer_count").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index("product_questions_listing_idx").on(t.listingId, t.createdAt),
    index("product_questions_seller_unanswered_idx").on(t.sellerId, t.createdAt).where(sql`${t.answerCount} = 0`),
  ],
);

/** Who an answer is from, fixed when it is written: the badge shown beside it. */
export const answerRole = pgEnum("answer_role", ["seller", "owner"]);

export const productAnswers = pgTable(
  "product_answers",
  {
    id: id(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => productQuestions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: answerRole("role").notNull(),
    bodySource: text("body_source").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: contentStatus("status").notNull().default("visible"),
    ...timestamps,
  },
  (t) => [index("product_answers_question_idx").on(t.questionId, t.createdAt)],
);
