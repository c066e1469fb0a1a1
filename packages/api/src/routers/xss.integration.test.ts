/**
 * The XSS security table: every hostile payload through every place people write text, through the
 * real routers and use-cases (validation, trust rules, rendering, storage). Rendered fields are read
 * back from the database and must hold no executable markup; plain-text fields (titles, summaries,
 * names) must come back exactly as written, because pages show them as text, never as HTML.
 */
import {
  DomainError,
  createReply,
  createThread,
  editPost,
  ensureForumCategories,
  getThreadPage,
  memberStanding,
  registerUser,
} from "@agora/core";
import { communityExecutableMarkup, executableMarkup } from "../../../core/src/testing/executable-markup";
import { XSS_PAYLOADS } from "../../../core/src/testing/xss-payloads";
import { eq, schema } from "@agora/db";
import { createReplySchema, createThreadSchema, editPostSchema } from "@agora/validators";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { createProduct, createShop, newKey, successCard, testAddress, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createShopper, signIn, uniqueSuffix, type TestViewer } from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let shop: TestShop;
let buyer: TestViewer;
let member: TestViewer;
let threadId: string;
let questionId: string;
const listingIds: string[] = [];

/** Rate limits are not what this table tests: each row starts with a clean slate for its writer. */
async function clearLimits(userId: string) {
  await db.delete(schema.memberActions).where(eq(schema.memberActions.userId, userId));
}

/** Past the new-member stage, so images and links reach the renderer instead of being refused. */
async function promote(userId: string) {
  await memberStanding(db, userId);
  await db.update(schema.memberProfiles).set({ level: 1 }).where(eq(schema.memberProfiles.userId, userId));
}

beforeAll(async () => {
  api = await useTestApi(db);
  await ensureForumCategories(db);
  shop = await createShop(db);
  for (let i = 0; i < XSS_PAYLOADS.length; i++) {
    const { listing } = await createProduct(db, shop, { stock: 3, title: `Mug ${i}` });
    listingIds.push(listing.id);
  }
  // One delivered order line per listing, so the buyer may review every one of them.
  buyer = await createShopper(db);
  await promote(buyer.id);
  const [cart] = await db.insert(schema.carts).values({ userId: buyer.id }).returning();
  if (!cart) throw new Error("no cart");
  const variants = await db.select({ id: schema.variants.id, listingId: schema.variants.listingId }).from(schema.variants);
  const wanted = new Set(listingIds);
  await db
    .insert(schema.cartLines)
    .values(variants.filter((v) => wanted.has(v.listingId)).map((v) => ({ cartId: cart.id, variantId: v.id, quantity: 1 })));
  const placed = await api.as(buyer).orders.place({ idempotencyKey: newKey(), address: testAddress, payment: successCard });
  const orderId = placed.orders[0]?.id ?? "";
  await api.as(shop.viewer).sellerOrders.ship({ orderId, carrier: "UPS", trackingNumber: "1Z999AA1" });
  await api.as(shop.viewer).sellerOrders.markDelivered({ orderId });

  member = await createShopper(db);
  await promote(member.id);
  threadId = (
    await createThread(db, member.id, {
      categorySlug: "general",
      title: "A thread for hostile replies",
      body: "Reply below.",
    })
  ).threadId;
  questionId = (await api.as(member).questions.ask({ listingId: listingIds[0] ?? "", body: "Is the mug dishwasher safe?" })).id;
}, 300_000);

/** What one input stored: rendered HTML fields, and plain-text fields with what was written. */
type Stored =
  { refused: string } | { html: Record<string, string | null>; text: Record<string, [stored: string, written: string]> };

/** The forum refuses a body that renders to nothing; a trailing paragraph makes it reach the renderer. */
const withText = (payload: string) => `${payload}\n\nThat is all.`;

const row = (html: Record<string, string | null>, text: Record<string, [string, string]> = {}): Stored => ({ html, text });

async function postHtml(postId: string) {
  const [post] = await db
    .select({ html: schema.forumPosts.bodyHtml })
    .from(schema.forumPosts)
    .where(eq(schema.forumPosts.id, postId));
  return post?.html ?? null;
}

/** Every place a member, seller or operator writes text, as one row each. */
const INPUTS: Record<string, (payload: string, index: number) => Promise<Stored>> = {
  "forum thread (title + opening post)": async (payload) => {
    await clearLimits(member.id);
    const input = createThreadSchema.parse({
      categorySlug: "general",
      title: `Topic: ${payload}`.slice(0, 150),
      body: withText(payload),
    });
    const created = await createThread(db, member.id, input);
    const [thread] = await db
      .select({ title: schema.forumThreads.title })
      .from(schema.forumThreads)
      .where(eq(schema.forumThreads.id, created.threadId));
    const page = await getThreadPage(db, null, created.threadId);
    return row(
      { body: await postHtml(created.postId), shownBody: page.posts[0]?.bodyHtml ?? null },
      { title: [thread?.title ?? "", input.title], shownTitle: [page.thread.title, input.title] },
    );
  },
  "forum reply": async (payload) => {
    await clearLimits(member.id);
    const reply = await createReply(db, member.id, createReplySchema.parse({ threadId, body: withText(payload) }));
    return row({ body: await postHtml(reply.postId) });
  },
  "forum post edit (opening post, with title)": async (payload) => {
    await clearLimits(member.id);
    const created = await createThread(db, member.id, {
      categorySlug: "general",
      title: `Edited ${uniqueSuffix()}`,
      body: "Before the edit.",
    });
    await clearLimits(member.id);
    const input = editPostSchema.parse({
      postId: created.postId,
      body: withText(payload),
      title: `Edit: ${payload}`.slice(0, 150),
    });
    await editPost(db, member.id, input);
    const [thread] = await db
      .select({ title: schema.forumThreads.title })
      .from(schema.forumThreads)
      .where(eq(schema.forumThreads.id, created.threadId));
    const revisions = await db
      .select({ html: schema.forumPostRevisions.bodyHtml })
      .from(schema.forumPostRevisions)
      .where(eq(schema.forumPostRevisions.postId, created.postId));
    return row(
      { body: await postHtml(created.postId), ...Object.fromEntries(revisions.map((r, i) => [`revision ${i}`, r.html])) },
      { title: [thread?.title ?? "", input.title ?? ""] },
    );
  },
  "story (title, summary, body) and its comment thread": async (payload) => {
    await clearLimits(shop.viewer.id);
    const title = `Story: ${payload}`.slice(0, 150).trim();
    const saved = await api.as(shop.viewer).stories.seller.save({
      title,
      summary: payload.slice(0, 400),
      body: `${payload}\n\nMore words follow here.`,
      tags: ["xss"],
    });
    await api.as(shop.viewer).stories.seller.publish({ id: saved.id });
    const [story] = await db.select().from(schema.stories).where(eq(schema.stories.id, saved.id));
    const shown = await api.as(null).stories.bySlug({ slug: saved.slug });
    const [opening] = story?.commentThreadId
      ? await db
          .select({ html: schema.forumPosts.bodyHtml })
          .from(schema.forumPosts)
          .where(eq(schema.forumPosts.threadId, story.commentThreadId))
      : [];
    const [thread] = story?.commentThreadId
      ? await db
          .select({ title: schema.forumThreads.title })
          .from(schema.forumThreads)
          .where(eq(schema.forumThreads.id, story.commentThreadId))
      : [];
    return row(
      { body: story?.bodyHtml ?? null, shownBody: shown?.bodyHtml ?? null, commentThreadOpening: opening?.html ?? null },
      {
        title: [story?.title ?? "", title],
        summary: [story?.summary ?? "", payload.slice(0, 400).trim()],
        shownTitle: [shown?.title ?? "", title],
        commentThreadTitle: [thread?.title ?? "", title],
      },
    );
  },
  "review (title, body) and the seller's reply": async (payload, index) => {
    await clearLimits(buyer.id);
    await clearLimits(shop.viewer.id);
    const title = payload.slice(0, 120).trim();
    const review = await api
      .as(buyer)
      .reviews.create({ listingId: listingIds[index] ?? "", rating: 4, title, body: `${payload} `.padEnd(10, ".") });
    await api.as(shop.viewer).reviews.sellerReply({ reviewId: review.id, body: payload });
    const [stored] = await db.select().from(schema.reviews).where(eq(schema.reviews.id, review.id));
    const shown = await api.as(null).reviews.list({ listingId: listingIds[index] ?? "" });
    const item = shown.items.find((r) => r.id === review.id);
    return row(
      { body: stored?.bodyHtml ?? null, sellerReply: stored?.sellerReplyHtml ?? null, shownBody: item?.bodyHtml ?? null },
      { title: [stored?.title ?? "", title], shownTitle: [item?.title ?? "", title] },
    );
  },
  "product question": async (payload) => {
    await clearLimits(member.id);
    const body = payload.length >= 5 ? payload : `${payload}?????`;
    const question = await api.as(member).questions.ask({ listingId: listingIds[1] ?? "", body });
    const [stored] = await db
      .select({ html: schema.productQuestions.bodyHtml })
      .from(schema.productQuestions)
      .where(eq(schema.productQuestions.id, question.id));
    return row({ body: stored?.html ?? null });
  },
  "product answer (seller)": async (payload) => {
    await clearLimits(shop.viewer.id);
    const answer = await api.as(shop.viewer).questions.answer({ questionId, body: payload });
    const [stored] = await db
      .select({ html: schema.productAnswers.bodyHtml })
      .from(schema.productAnswers)
      .where(eq(schema.productAnswers.id, answer.id));
    return row({ body: stored?.html ?? null });
  },
  "display name through sign-up": async (payload) => {
    const email = `xss-${uniqueSuffix()}@agora.test`;
    const call = api.as(null).account.signUp({ name: payload, email, password: "correct-horse-42" });
    if (/[<>]/.test(payload) || payload.trim().length > 80) {
      const failure = await failureOf(call);
      expect(failure.code).toBe("BAD_REQUEST");
      expect(failure.fieldErrors).toHaveProperty("name");
      expect(await db.select().from(schema.users).where(eq(schema.users.email, email))).toHaveLength(0);
      return { refused: failure.fieldErrors.name ?? "" };
    }
    const viewer = await call;
    const me = await api.as(await signIn(db, viewer.id)).account.me();
    return row({}, { returned: [viewer.name, payload.trim()], me: [me?.name ?? "", payload.trim()] });
  },
  "display name stored as written (shown next to posts, in mentions and notices)": async (payload) => {
    // Names written before the sign-up rule, or by an operator tool: whatever is stored must stay text.
    const person = await registerUser(db, {
      name: payload,
      email: `raw-${uniqueSuffix()}@agora.test`,
      password: "correct-horse-42",
    });
    await promote(person.id);
    const standing = await memberStanding(db, person.id);
    expect(standing.handle).toMatch(/^[a-z0-9_-]{3,30}$/);
    await clearLimits(person.id);
    const own = await createThread(db, person.id, {
      categorySlug: "general",
      title: `By ${uniqueSuffix()}`,
      body: "Hello all.",
    });
    await clearLimits(member.id);
    const mention = await createReply(db, member.id, {
      threadId: own.threadId,
      body: `Thanks @${standing.handle}!`,
      parentId: null,
    });
    const page = await getThreadPage(db, null, own.threadId);
    const notices = await db
      .select({ text: schema.memberNotifications.text })
      .from(schema.memberNotifications)
      .where(eq(schema.memberNotifications.userId, person.id));
    expect(notices.length).toBeGreaterThan(0);
    return row(
      { mentionReply: await postHtml(mention.postId) },
      { stored: [person.name, payload], shownAuthor: [page.posts[0]?.author?.name ?? "", payload] },
    );
  },
};

/**
 * Some payloads are nothing but markup, so they render to nothing: the use-case refuses them as empty
 * ("Write something first") in its transaction, which stores nothing. Any other error fails the row.
 */
function refusal(error: unknown): Stored {
  const code = error instanceof DomainError ? error.code : error instanceof TRPCError ? error.code : null;
  if (code !== "INVALID_INPUT" && code !== "BAD_REQUEST") throw error;
  return { refused: (error as Error).message };
}

describe("the checker", () => {
  it("would notice most raw payloads if they were stored unsanitised", () => {
    const caught = XSS_PAYLOADS.filter(([, p]) => communityExecutableMarkup(p).length > 0);
    expect(caught.length).toBeGreaterThanOrEqual(40);
    expect(communityExecutableMarkup('<p><a href="/p/mug" class="mention">x</a><div data-listing-card="mug"></div></p>')).toEqual(
      [],
    );
    expect(communityExecutableMarkup('<a href="/\\evil.example">x</a>')).not.toEqual([]);
    expect(communityExecutableMarkup('<img src="http://x.example/a.png">')).not.toEqual([]);
    expect(executableMarkup('<div data-listing-card="x" onclick="alert(1)"></div>')).not.toEqual([]);
  });

  it(`has at least 30 payloads (${XSS_PAYLOADS.length}) across ${Object.keys(INPUTS).length} inputs`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(INPUTS).length).toBeGreaterThanOrEqual(9);
  });
});

const outcomes = new Map<string, { stored: number; refused: number }>();

describe.each(Object.entries(INPUTS))("%s", (input, write) => {
  it.each(XSS_PAYLOADS.map(([name, payload], index) => [name, payload, index] as const))(
    "keeps %s inert",
    async (_name, payload, index) => {
      const stored = await write(payload, index).catch(refusal);
      const tally = outcomes.get(input) ?? { stored: 0, refused: 0 };
      tally["refused" in stored ? "refused" : "stored"] += 1;
      outcomes.set(input, tally);
      if ("refused" in stored) {
        expect(stored.refused).not.toBe("");
        return;
      }
      for (const [field, html] of Object.entries(stored.html)) {
        expect(html, `${field} was not stored`).not.toBeNull();
        expect({ field, problems: communityExecutableMarkup(html ?? "") }).toEqual({ field, problems: [] });
      }
      for (const [field, [value, written]] of Object.entries(stored.text))
        expect({ field, value }).toEqual({ field, value: written });
    },
  );
});

describe("coverage", () => {
  it("stored most payloads (a refusal proves nothing about rendering)", () => {
    for (const input of Object.keys(INPUTS)) {
      const tally = outcomes.get(input) ?? { stored: 0, refused: 0 };
      expect({ input, total: tally.stored + tally.refused }).toEqual({ input, total: XSS_PAYLOADS.length });
      if (!input.startsWith("display name through sign-up"))
        expect({ input, stored: tally.stored >= 30 }).toEqual({ input, stored: true });
    }
    console.info(Object.fromEntries(outcomes));
  });
});
