/**
 * Stories through the API: approved stores and operators write them; a store edits only its own stories
 * (someone else's is NOT_FOUND); product cards are recorded in order and must name products on sale;
 * publishing starts the comment thread once; only published, visible stories reach the storefront;
 * operators may edit and hide any story; suspended members cannot write.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureForumCategories, memberStanding, setStoryCover, storyCacheTags } from "@agora/core";
import { saveStoryCover } from "@agora/core/media";
import { asc, eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { createProduct, createShop, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createOperator,
  createSellerAccount,
  createShopper,
  domainErrorOf,
  testImage,
  type TestViewer,
  uniqueSuffix,
} from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let operator: TestViewer;
let shopA: TestShop;
let shopB: TestShop;
let mug: { slug: string; id: string };
let kettle: { slug: string; id: string };

beforeAll(async () => {
  api = await useTestApi(db);
  await ensureForumCategories(db);
  operator = await createOperator(db);
  shopA = await createShop(db);
  shopB = await createShop(db);
  mug = (await createProduct(db, shopA, { stock: 5, title: `Enamel mug ${uniqueSuffix()}` })).listing;
  kettle = (await createProduct(db, shopA, { stock: 2, title: `Gooseneck kettle ${uniqueSuffix()}` })).listing;
});

const draft = (
  overrides: Partial<{ id: string; title: string; summary: string; body: string; tags: string[]; slug: string }> = {},
) => ({
  title: `Slow mornings ${uniqueSuffix()}`,
  summary: "How we brew before the shop opens.",
  body: `We start with the kettle.\n\n[[product:${kettle.slug}]]\n\nThen the **mug**.\n\n[[product:${mug.slug}]]`,
  tags: ["coffee", "Guides"],
  ...overrides,
});

describe("writing stories", () => {
  it("lets an approved store save a draft with its cards in order, then publish it with a comment thread", async () => {
    const seller = api.as(shopA.viewer);
    const story = await seller.stories.seller.save(draft());
    expect(story).toMatchObject({
      status: "draft",
      sellerId: shopA.seller.id,
      authorId: shopA.viewer.id,
      tags: ["coffee", "guides"],
    });
    expect(story.slug).toMatch(/^slow-mornings-[0-9a-f]+$/);
    expect(story.bodyHtml).toContain(`<div data-listing-card="${kettle.slug}"></div>`);
    const cards = await db
      .select()
      .from(schema.storyListings)
      .where(eq(schema.storyListings.storyId, story.id))
      .orderBy(asc(schema.storyListings.position));
    expect(cards.map((c) => c.listingId)).toEqual([kettle.id, mug.id]);

    expect(await api.as(null).stories.bySlug({ slug: story.slug })).toBeNull();
    expect(api.revalidations.at(-1)).toEqual([storyCacheTags.index, storyCacheTags.story(story.id)]);

    const published = await seller.stories.seller.publish({ id: story.id });
    expect(published.status).toBe("published");
    expect(published.publishedAt).toBeInstanceOf(Date);
    const [thread] = await db
      .select({
        id: schema.forumThreads.id,
        title: schema.forumThreads.title,
        category: schema.forumCategories.slug,
        status: schema.forumThreads.status,
      })
      .from(schema.forumThreads)
      .innerJoin(schema.forumCategories, eq(schema.forumCategories.id, schema.forumThreads.categoryId))
      .where(eq(schema.forumThreads.id, published.commentThreadId ?? ""));
    expect(thread).toMatchObject({ title: story.title, category: "story-comments", status: "visible" });

    // Publishing again keeps the first thread and date.
    const again = await seller.stories.seller.publish({ id: story.id });
    expect(again.commentThreadId).toBe(published.commentThreadId);
    expect(again.publishedAt?.getTime()).toBe(published.publishedAt?.getTime());

    const shown = await api.as(null).stories.bySlug({ slug: story.slug });
    expect(shown).toMatchObject({
      id: story.id,
      title: story.title,
      store: { name: shopA.seller.name, slug: shopA.seller.slug },
    });
    expect(shown?.commentThread?.href).toMatch(/^\/community\/t\//);
    const list = await api.as(null).stories.list({ tag: "guides", page: 1 });
    expect(list.items.map((s) => s.id)).toContain(story.id);
    expect((await api.as(null).stories.list({ tag: "knitting", page: 1 })).items.map((s) => s.id)).not.toContain(story.id);
    expect((await api.as(null).stories.tags()).map((t) => t.tag)).toEqual(expect.arrayContaining(["coffee", "guides"]));

    await seller.stories.seller.unpublish({ id: story.id });
    expect(await api.as(null).stories.bySlug({ slug: story.slug })).toBeNull();
  });

  it("refuses cards for products that are not on sale, naming them, and saves nothing", async () => {
    const before = await db.select().from(schema.stories).where(eq(schema.stories.sellerId, shopB.seller.id));
    const failure = await failureOf(
      api.as(shopB.viewer).stories.seller.save(draft({ body: "Look at this one:\n\n[[product:no-such-thing]]\n\nNice." })),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.fieldErrors.body).toMatch(/no-such-thing/);
    expect(await db.select().from(schema.stories).where(eq(schema.stories.sellerId, shopB.seller.id))).toHaveLength(
      before.length,
    );
  });

  it("validates the fields and refuses an address already taken", async () => {
    const bad = await failureOf(api.as(shopA.viewer).stories.seller.save(draft({ title: "Hi", body: "short" })));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(Object.keys(bad.fieldErrors)).toEqual(expect.arrayContaining(["title", "body"]));
    const slug = `taken-${uniqueSuffix()}`;
    await api.as(shopA.viewer).stories.seller.save(draft({ slug }));
    const taken = await failureOf(api.as(shopB.viewer).stories.seller.save(draft({ slug })));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.fieldErrors.slug).toBe("This address is taken.");
  });
});

describe("who may write and edit", () => {
  it("refuses shoppers and stores that are not approved", async () => {
    const shopper = await createShopper(db);
    expect((await failureOf(api.as(shopper).stories.seller.save(draft()))).code).toBe("FORBIDDEN");
    expect((await failureOf(api.as(shopper).stories.operator.save(draft()))).code).toBe("FORBIDDEN");
    const pending = await createSellerAccount(db, "pending");
    const refused = await failureOf(api.as(pending.viewer).stories.seller.save(draft()));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await failureOf(api.as(null).stories.seller.list())).code).toBe("UNAUTHORIZED");
  });

  it("answers NOT_FOUND when a store reads, edits, publishes or deletes another store's story", async () => {
    const story = await api.as(shopA.viewer).stories.seller.save(draft());
    const other = api.as(shopB.viewer).stories.seller;
    for (const call of [
      () => other.get({ id: story.id }),
      () => other.save({ ...draft(), id: story.id, title: "Taken over by B" }),
      () => other.publish({ id: story.id }),
      () => other.unpublish({ id: story.id }),
      () => other.delete({ id: story.id }),
    ]) {
      const failure = await failureOf(call());
      expect(failure.code).toBe("NOT_FOUND");
      expect(failure.message).toBe("That story was not found.");
    }
    expect((await other.list()).map((s) => s.id)).not.toContain(story.id);
    const [row] = await db.select().from(schema.stories).where(eq(schema.stories.id, story.id));
    expect(row).toMatchObject({ title: story.title, status: "draft", moderation: "visible" });
  });

  it("lets another member of the same store edit its stories", async () => {
    const story = await api.as(shopA.viewer).stories.seller.save(draft());
    const { viewer: colleague } = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    await db.delete(schema.sellerMembers).where(eq(schema.sellerMembers.userId, colleague.id));
    await db.insert(schema.sellerMembers).values({ sellerId: shopA.seller.id, userId: colleague.id, role: "staff" });
    const edited = await api.as(colleague).stories.seller.save({ ...draft(), id: story.id, title: "Edited by a colleague" });
    expect(edited.title).toBe("Edited by a colleague");
  });

  it("lets an operator write the marketplace's own stories, edit any story and hide one from the storefront", async () => {
    const own = await api.as(operator).stories.operator.save(draft({ title: "Welcome to Agora stories" }));
    expect(own.sellerId).toBeNull();
    await api.as(operator).stories.operator.publish({ id: own.id });
    expect((await api.as(null).stories.bySlug({ slug: own.slug }))?.store).toBeNull();

    const storeStory = await api.as(shopA.viewer).stories.seller.save(draft());
    await api.as(shopA.viewer).stories.seller.publish({ id: storeStory.id });
    const edited = await api
      .as(operator)
      .stories.operator.save({ ...draft(), id: storeStory.id, title: "Fixed a typo in the title" });
    expect(edited).toMatchObject({ title: "Fixed a typo in the title", sellerId: shopA.seller.id, authorId: shopA.viewer.id });
    expect((await api.as(operator).stories.operator.list()).map((s) => s.id)).toEqual(
      expect.arrayContaining([own.id, storeStory.id]),
    );

    await api
      .as(operator)
      .moderation.decide({ targetType: "story", targetId: storeStory.id, decision: "hide", note: "Off-brand" });
    expect(await api.as(null).stories.bySlug({ slug: storeStory.slug })).toBeNull();
    // The store still sees it, marked hidden; the decision is logged.
    expect((await api.as(shopA.viewer).stories.seller.get({ id: storeStory.id })).moderation).toBe("hidden");
    const [log] = await db.select().from(schema.moderationLog).where(eq(schema.moderationLog.targetId, storeStory.id));
    expect(log).toMatchObject({ action: "hide", targetType: "story", subjectUserId: shopA.viewer.id, moderatorId: operator.id });

    await api.as(operator).moderation.decide({ targetType: "story", targetId: storeStory.id, decision: "approve" });
    expect(await api.as(null).stories.bySlug({ slug: storeStory.slug })).not.toBeNull();
  });

  it("lets the author delete a story, after which nobody finds it", async () => {
    const story = await api.as(shopA.viewer).stories.seller.save(draft());
    await api.as(shopA.viewer).stories.seller.publish({ id: story.id });
    await api.as(shopA.viewer).stories.seller.delete({ id: story.id });
    expect(await api.as(null).stories.bySlug({ slug: story.slug })).toBeNull();
    expect((await failureOf(api.as(shopA.viewer).stories.seller.get({ id: story.id }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(operator).stories.operator.get({ id: story.id }))).code).toBe("NOT_FOUND");
  });

  it("sets a cover on one's own story only, shows it, and removes the file with it", async () => {
    const story = await api.as(shopA.viewer).stories.seller.save(draft());
    const key = await saveStoryCover(api.media, story.id, { bytes: await testImage(800, 600), name: "cover.png" });
    expect(key).toMatch(new RegExp(`^stories/${story.id}/cover-[0-9a-f-]+\\.webp$`));
    const stranger = await domainErrorOf(
      setStoryCover(db, { kind: "seller", userId: shopB.viewer.id, sellerId: shopB.seller.id }, story.id, key),
    );
    expect(stranger.code).toBe("NOT_FOUND");
    expect(
      await setStoryCover(db, { kind: "seller", userId: shopA.viewer.id, sellerId: shopA.seller.id }, story.id, key),
    ).toMatchObject({ previousKey: null });
    await api.as(shopA.viewer).stories.seller.publish({ id: story.id });
    expect((await api.as(null).stories.bySlug({ slug: story.slug }))?.coverImageKey).toBe(key);
    expect(existsSync(path.join(api.mediaDir, key))).toBe(true);

    expect((await failureOf(api.as(shopB.viewer).stories.seller.removeCover({ id: story.id }))).code).toBe("NOT_FOUND");
    await api.as(shopA.viewer).stories.seller.removeCover({ id: story.id });
    expect((await api.as(null).stories.bySlug({ slug: story.slug }))?.coverImageKey).toBeNull();
    expect(existsSync(path.join(api.mediaDir, key))).toBe(false);
  });

  it("keeps a suspended seller from writing stories", async () => {
    const shop = await createShop(db);
    await memberStanding(db, shop.viewer.id);
    await api.as(operator).moderation.suspend({ userId: shop.viewer.id, days: 2 });
    const failure = await failureOf(api.as(shop.viewer).stories.seller.save(draft()));
    expect(failure.code).toBe("FORBIDDEN");
    expect(failure.message).toMatch(/suspended your community access/);
  });
});
