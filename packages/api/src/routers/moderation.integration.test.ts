/**
 * Reports and the moderation queue through the API: members report what they can see (once each,
 * rate-limited), only operators see the queue and decide, every decision changes the content through
 * its owner's rules, closes the reports and is logged, and a suspended member is kept out of the community.
 */
import { createReply, createThread, ensureForumCategories, memberStanding, RATE_LIMITS } from "@agora/core";
import { and, eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { createProduct, createShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createOperator,
  createSellerAccount,
  createShopper,
  uniqueSuffix,
  type TestViewer,
} from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let operator: TestViewer;

beforeAll(async () => {
  api = await useTestApi(db);
  await ensureForumCategories(db);
  operator = await createOperator(db);
});

/** A member past the new-member stage: their posts are published at once. */
async function createMember(): Promise<TestViewer> {
  const person = await createShopper(db);
  await memberStanding(db, person.id);
  await db.update(schema.memberProfiles).set({ level: 1 }).where(eq(schema.memberProfiles.userId, person.id));
  return person;
}

async function threadBy(author: TestViewer, body = "Which grinder do you use for espresso at home?") {
  return createThread(db, author.id, {
    categorySlug: "general",
    title: `Grinders ${uniqueSuffix()}`,
    body,
  });
}

async function postStatus(postId: string) {
  const [row] = await db
    .select({ status: schema.forumPosts.status })
    .from(schema.forumPosts)
    .where(eq(schema.forumPosts.id, postId));
  return row?.status;
}

async function flagsOn(targetId: string) {
  return db.select().from(schema.contentFlags).where(eq(schema.contentFlags.targetId, targetId));
}

async function logFor(targetId: string) {
  return db.select().from(schema.moderationLog).where(eq(schema.moderationLog.targetId, targetId));
}

const flag = (targetId: string, reason: "spam" | "abuse" | "off_topic" | "inappropriate" | "other" = "spam", note?: string) => ({
  targetType: "post" as const,
  targetId,
  reason,
  note,
});

describe("who may moderate", () => {
  it("refuses shoppers, members and sellers with FORBIDDEN, and changes nothing", async () => {
    const author = await createMember();
    const { postId } = await threadBy(author);
    const shopper = await createShopper(db);
    const { viewer: seller } = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    for (const person of [shopper, author, seller]) {
      const caller = api.as(person);
      expect((await failureOf(caller.moderation.queue({}))).code).toBe("FORBIDDEN");
      const decide = await failureOf(caller.moderation.decide({ targetType: "post", targetId: postId, decision: "hide" }));
      expect(decide.code).toBe("FORBIDDEN");
      expect(decide.message).toBe("Only marketplace operators can do that.");
      expect((await failureOf(caller.moderation.warn({ userId: author.id, message: "Please be kind." }))).code).toBe("FORBIDDEN");
      expect((await failureOf(caller.moderation.suspend({ userId: author.id, days: 3 }))).code).toBe("FORBIDDEN");
      expect((await failureOf(caller.moderation.log())).code).toBe("FORBIDDEN");
      expect((await failureOf(caller.moderation.suspended())).code).toBe("FORBIDDEN");
      expect((await failureOf(caller.moderation.liftSuspension({ userId: author.id }))).code).toBe("FORBIDDEN");
    }
    expect(await postStatus(postId)).toBe("visible");
    expect(await logFor(postId)).toHaveLength(0);
    const [profile] = await db.select().from(schema.memberProfiles).where(eq(schema.memberProfiles.userId, author.id));
    expect(profile?.silencedUntil).toBeNull();
  });

  it("asks signed-out visitors to sign in before reporting", async () => {
    const { postId } = await threadBy(await createMember());
    expect((await failureOf(api.as(null).moderation.flag(flag(postId)))).code).toBe("UNAUTHORIZED");
    expect(await flagsOn(postId)).toHaveLength(0);
  });
});

describe("reporting", () => {
  it("records one report per member per item; a repeat is a friendly no-op", async () => {
    const author = await createMember();
    const { postId } = await threadBy(author);
    const reporter = await createShopper(db);
    expect(await api.as(reporter).moderation.flag(flag(postId, "spam", "Selling knock-offs"))).toEqual({ alreadyFlagged: false });
    expect(await api.as(reporter).moderation.flag(flag(postId, "abuse"))).toEqual({ alreadyFlagged: true });
    const rows = await flagsOn(postId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: "spam", note: "Selling knock-offs", status: "open", reporterId: reporter.id });
  });

  it("refuses one's own text, missing items and items the reporter cannot see", async () => {
    const author = await createMember();
    const { postId } = await threadBy(author);
    const own = await failureOf(api.as(author).moderation.flag(flag(postId)));
    expect(own.code).toBe("BAD_REQUEST");
    expect(own.message).toMatch(/something you wrote/);

    const reporter = await createShopper(db);
    const missing = await failureOf(api.as(reporter).moderation.flag(flag(crypto.randomUUID())));
    expect(missing.code).toBe("NOT_FOUND");

    // A new member's first thread waits for approval: nobody else can see it, so nobody can report it.
    const newcomer = await createShopper(db);
    const pending = await threadBy(newcomer);
    expect(await postStatus(pending.postId)).toBe("pending");
    expect((await failureOf(api.as(reporter).moderation.flag(flag(pending.postId)))).code).toBe("NOT_FOUND");

    await api.as(operator).moderation.decide({ targetType: "post", targetId: postId, decision: "hide" });
    expect((await failureOf(api.as(reporter).moderation.flag(flag(postId)))).code).toBe("NOT_FOUND");
    expect(await flagsOn(pending.postId)).toHaveLength(0);

    const badInput = await failureOf(
      api.as(reporter).moderation.flag({ targetType: "post", targetId: "not-an-id", reason: "spam" }),
    );
    expect(badInput.code).toBe("BAD_REQUEST");
    expect(badInput.fieldErrors).toHaveProperty("targetId");
  });

  it("limits how many reports a member makes in an hour", async () => {
    const author = await createMember();
    const { threadId } = await threadBy(author);
    const reporter = await createShopper(db);
    const max = RATE_LIMITS["flag.create"].max.new;
    const posts: string[] = [];
    for (let i = 0; i <= max; i++)
      posts.push(
        (
          await createReply(db, operator.id, {
            threadId,
            body: `Reply number ${i} ${uniqueSuffix()}`,
            parentId: null,
          })
        ).postId,
      );
    for (const postId of posts.slice(0, max)) await api.as(reporter).moderation.flag(flag(postId));
    const over = await failureOf(api.as(reporter).moderation.flag(flag(posts[max] ?? "")));
    expect(over.code).toBe("TOO_MANY_REQUESTS");
    expect(over.retryAfterSeconds).toBeGreaterThan(0);
    expect(await flagsOn(posts[max] ?? "")).toHaveLength(0);
  });
});

describe("the queue and decisions", () => {
  it("groups reports per item with their count, reasons and notes, and a plain-text excerpt", async () => {
    const author = await createMember();
    const { postId } = await threadBy(author, "Buy **cheap** watches at <b>my site</b> & save <script>alert(1)</script>");
    const [a, b, c] = [await createShopper(db), await createShopper(db), await createShopper(db)];
    await api.as(a).moderation.flag(flag(postId, "spam"));
    await api.as(b).moderation.flag(flag(postId, "spam", "Same link everywhere"));
    await api.as(c).moderation.flag(flag(postId, "off_topic"));

    const queue = await api.as(operator).moderation.queue({});
    const item = queue.find((i) => i.targetId === postId);
    expect(item).toMatchObject({
      targetType: "post",
      kind: "flagged",
      flagCount: 3,
      status: "visible",
      notes: ["Same link everywhere"],
    });
    expect(item?.reasons).toEqual(
      expect.arrayContaining([
        { reason: "spam", count: 2 },
        { reason: "off_topic", count: 1 },
      ]),
    );
    expect(item?.author).toMatchObject({ id: author.id, name: author.name });
    expect(item?.excerpt).toBe("Buy cheap watches at my site & save");
    expect(item?.href).toMatch(/^\/community\/t\/[0-9a-f-]+\/grinders-[0-9a-f]+#post-1$/);
    // Most-reported first.
    const counts = queue.filter((i) => i.kind === "flagged").map((i) => i.flagCount);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it("hides a reported post: status changes, reports close, the decision is logged and the author told", async () => {
    const author = await createMember();
    const { threadId } = await threadBy(author);
    const reply = await createReply(db, author.id, {
      threadId,
      body: "You are all idiots.",
      parentId: null,
    });
    await api.as(await createShopper(db)).moderation.flag(flag(reply.postId, "abuse"));
    await api.as(await createShopper(db)).moderation.flag(flag(reply.postId, "abuse"));

    const outcome = await api
      .as(operator)
      .moderation.decide({ targetType: "post", targetId: reply.postId, decision: "hide", note: "Personal attack" });
    expect(outcome).toMatchObject({ status: "hidden", resolvedFlags: 2 });
    expect(await postStatus(reply.postId)).toBe("hidden");
    expect((await flagsOn(reply.postId)).map((f) => [f.status, f.resolution, f.resolvedBy])).toEqual([
      ["resolved", "hidden", operator.id],
      ["resolved", "hidden", operator.id],
    ]);
    const log = await logFor(reply.postId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: "hide",
      moderatorId: operator.id,
      subjectUserId: author.id,
      targetType: "post",
      note: "Personal attack",
    });
    const notices = await db
      .select()
      .from(schema.memberNotifications)
      .where(and(eq(schema.memberNotifications.userId, author.id), eq(schema.memberNotifications.kind, "moderation")));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toMatch(/A moderator hid your post in “Grinders [0-9a-f]+”: Personal attack/);
    expect((await api.as(operator).moderation.queue({})).some((i) => i.targetId === reply.postId)).toBe(false);

    // Approving it again restores it, logged as a restore.
    await api.as(operator).moderation.decide({ targetType: "post", targetId: reply.postId, decision: "approve" });
    expect(await postStatus(reply.postId)).toBe("visible");
    expect((await logFor(reply.postId)).map((l) => l.action)).toEqual(["hide", "restore"]);
  });

  it("dismisses reports and keeps the post; dismissing with no open reports is refused", async () => {
    const { postId } = await threadBy(await createMember());
    await api.as(await createShopper(db)).moderation.flag(flag(postId, "other", "I just disagree"));
    const outcome = await api.as(operator).moderation.decide({ targetType: "post", targetId: postId, decision: "dismiss" });
    expect(outcome).toMatchObject({ status: "visible", resolvedFlags: 1 });
    expect(await postStatus(postId)).toBe("visible");
    expect((await flagsOn(postId))[0]).toMatchObject({ status: "resolved", resolution: "dismissed" });
    expect((await logFor(postId)).map((l) => l.action)).toEqual(["dismiss_flags"]);

    const again = await failureOf(
      api.as(operator).moderation.decide({ targetType: "post", targetId: postId, decision: "dismiss" }),
    );
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect((await logFor(postId)).map((l) => l.action)).toEqual(["dismiss_flags"]);
  });

  it("deletes a post and answers NOT_FOUND for one that does not exist", async () => {
    const { postId } = await threadBy(await createMember());
    await api.as(operator).moderation.decide({ targetType: "post", targetId: postId, decision: "delete" });
    expect(await postStatus(postId)).toBe("deleted");
    const missing = await failureOf(
      api.as(operator).moderation.decide({ targetType: "post", targetId: crypto.randomUUID(), decision: "hide" }),
    );
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("lists a new member's pending posts; approving publishes them, counts them and promotes the member", async () => {
    const newcomer = await createShopper(db);
    const first = await threadBy(newcomer);
    const second = await threadBy(newcomer, "And which scale do you pair it with?");
    const queue = await api.as(operator).moderation.queue({});
    const pending = queue.filter((i) => i.author.id === newcomer.id);
    expect(pending.map((i) => [i.kind, i.status, i.flagCount])).toEqual([
      ["pending", "pending", 0],
      ["pending", "pending", 0],
    ]);
    expect(pending[0]?.author).toMatchObject({ level: 0, approvedPosts: 0 });

    await api.as(operator).moderation.decide({ targetType: "post", targetId: first.postId, decision: "approve" });
    let [profile] = await db.select().from(schema.memberProfiles).where(eq(schema.memberProfiles.userId, newcomer.id));
    expect(profile).toMatchObject({ approvedPosts: 1, level: 0 });
    await api.as(operator).moderation.decide({ targetType: "post", targetId: second.postId, decision: "approve" });
    [profile] = await db.select().from(schema.memberProfiles).where(eq(schema.memberProfiles.userId, newcomer.id));
    expect(profile).toMatchObject({ approvedPosts: 2, level: 1 });
    expect(await postStatus(first.postId)).toBe("visible");
    expect((await logFor(first.postId)).map((l) => l.action)).toEqual(["approve"]);

    // Now a member: the next thread is published at once.
    const third = await threadBy(newcomer, "Thanks all, ordered one.");
    expect(await postStatus(third.postId)).toBe("visible");
  });
});

describe("product questions and answers", () => {
  it("hides a reported question and deletes a reported answer through their own rules", async () => {
    const shop = await createShop(db);
    const { listing } = await createProduct(db, shop, { stock: 3 });
    const asker = await createMember();
    const question = await api
      .as(asker)
      .questions.ask({ listingId: listing.id, body: "Does it come with a lid? Visit my-shop.example for cheaper!" });
    const answer = await api
      .as(shop.viewer)
      .questions.answer({ questionId: question.id, body: "Yes, a bamboo lid is included." });
    const reporter = await createShopper(db);
    await api.as(reporter).moderation.flag({ targetType: "question", targetId: question.id, reason: "spam" });
    await api.as(reporter).moderation.flag({ targetType: "answer", targetId: answer.id, reason: "other", note: "Test" });

    const queue = await api.as(operator).moderation.queue({});
    expect(queue.find((i) => i.targetId === question.id)).toMatchObject({
      targetType: "question",
      context: listing.title,
      flagCount: 1,
    });
    expect(queue.find((i) => i.targetId === question.id)?.href).toBe(`/p/${listing.slug}#question-${question.id}`);

    await api.as(operator).moderation.decide({ targetType: "answer", targetId: answer.id, decision: "delete" });
    await api.as(operator).moderation.decide({ targetType: "question", targetId: question.id, decision: "hide" });
    const [q] = await db.select().from(schema.productQuestions).where(eq(schema.productQuestions.id, question.id));
    const [a] = await db.select().from(schema.productAnswers).where(eq(schema.productAnswers.id, answer.id));
    expect([q?.status, q?.answerCount, a?.status]).toEqual(["hidden", 0, "deleted"]);
    const shown = await api.as(null).questions.list({ listingId: listing.id });
    expect(shown.items.map((i) => i.id)).not.toContain(question.id);
    expect((await logFor(question.id)).map((l) => l.action)).toEqual(["hide"]);
    expect((await logFor(answer.id)).map((l) => [l.action, l.subjectUserId])).toEqual([["delete", shop.viewer.id]]);
  });
});

describe("warnings and suspensions", () => {
  it("warns a member with a moderation notice, logged", async () => {
    const author = await createMember();
    const { postId } = await threadBy(author);
    await api
      .as(operator)
      .moderation.warn({ userId: author.id, targetType: "post", targetId: postId, message: "Keep it civil, please." });
    const [notice] = await db.select().from(schema.memberNotifications).where(eq(schema.memberNotifications.userId, author.id));
    expect(notice).toMatchObject({ kind: "moderation", text: "A moderator sent you a warning: Keep it civil, please." });
    expect(notice?.href).toMatch(/^\/community\/t\//);
    expect((await logFor(postId)).map((l) => [l.action, l.subjectUserId])).toEqual([["warn", author.id]]);
  });

  it("keeps a suspended member from posting, replying and reporting until it is lifted", async () => {
    const member = await createMember();
    const { threadId, postId } = await threadBy(await createMember());
    const { silencedUntil } = await api.as(operator).moderation.suspend({ userId: member.id, days: 3, note: "Repeated spam" });
    expect(silencedUntil.getTime()).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);

    const reply = createReply(db, member.id, { threadId, body: "Still here!", parentId: null });
    await expect(reply).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/suspended your community access/),
    });
    await expect(threadBy(member)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const flagged = await failureOf(api.as(member).moderation.flag(flag(postId)));
    expect(flagged.code).toBe("FORBIDDEN");
    expect(flagged.message).toMatch(/suspended your community access until/);
    expect(await flagsOn(postId)).toHaveLength(0);

    const [log] = await db
      .select()
      .from(schema.moderationLog)
      .where(and(eq(schema.moderationLog.subjectUserId, member.id), eq(schema.moderationLog.action, "suspend")));
    expect(log?.note).toBe("3 days: Repeated spam");

    const listed = (await api.as(operator).moderation.suspended()).find((m) => m.userId === member.id);
    expect(listed).toMatchObject({ reason: "3 days: Repeated spam" });
    expect(listed?.silencedUntil?.getTime()).toBe(silencedUntil.getTime());

    await api.as(operator).moderation.liftSuspension({ userId: member.id });
    expect(await api.as(member).moderation.flag(flag(postId))).toEqual({ alreadyFlagged: false });
    expect((await api.as(operator).moderation.suspended()).some((m) => m.userId === member.id)).toBe(false);
    const notices = await db.select().from(schema.memberNotifications).where(eq(schema.memberNotifications.userId, member.id));
    expect(notices.map((n) => n.text)).toContain("A moderator lifted your suspension: you can post again.");
    const again = await failureOf(api.as(operator).moderation.liftSuspension({ userId: member.id }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.message).toBe("That member is not suspended (any more).");
  });

  it("refuses suspending an operator or for a silly number of days", async () => {
    const other = await createOperator(db);
    expect((await failureOf(api.as(operator).moderation.suspend({ userId: other.id, days: 3 }))).code).toBe("FORBIDDEN");
    const member = await createMember();
    const bad = await failureOf(api.as(operator).moderation.suspend({ userId: member.id, days: 0 }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fieldErrors).toHaveProperty("days");
  });
});
