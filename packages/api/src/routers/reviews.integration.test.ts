/**
 * Reviews and product Q&A through the API: only verified buyers review (once), ratings are 1–5, the
 * aggregates follow every change (create, edit, hide, the author deleting), sellers reply to and see only their own listings'
 * reviews and questions, only seller staff and verified owners answer, and only the asker accepts.
 */
import { setAnswerStatus, setReviewStatus } from "@agora/core";
import { and, eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { createProduct, createShop, newKey, successCard, testAddress, type TestShop } from "../../../../tooling/vitest/commerce";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createOperator, createShopper, type TestViewer } from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let shopA: TestShop;
let shopB: TestShop;

beforeAll(async () => {
  api = await useTestApi(db);
  shopA = await createShop(db);
  shopB = await createShop(db);
});

/** Places an order for one unit and takes it through the seller's steps up to `until`. */
async function buy(shopper: TestViewer, shop: TestShop, variantId: string, until: "placed" | "shipped" | "delivered") {
  const [cart] = await db.insert(schema.carts).values({ userId: shopper.id }).onConflictDoUpdate({ target: schema.carts.userId, set: { updatedAt: new Date() } }).returning();
  if (!cart) throw new Error("no cart");
  await db.insert(schema.cartLines).values({ cartId: cart.id, variantId, quantity: 1 });
  const placed = await api.as(shopper).orders.place({ idempotencyKey: newKey(), address: testAddress, payment: successCard });
  const orderId = placed.orders[0]?.id ?? "";
  const seller = api.as(shop.viewer);
  if (until !== "placed") await seller.sellerOrders.ship({ orderId, carrier: "UPS", trackingNumber: "1Z999AA1" });
  if (until === "delivered") await seller.sellerOrders.markDelivered({ orderId });
  return orderId;
}

async function productWithBuyer(shop: TestShop, until: "placed" | "shipped" | "delivered" = "delivered") {
  const { listing, variant } = await createProduct(db, shop, { stock: 20 });
  const buyer = await createShopper(db);
  await buy(buyer, shop, variant.id, until);
  return { listing, variant, buyer };
}

const review = (listingId: string, rating = 5) => ({ listingId, rating, title: "Great mug", body: "Keeps coffee hot for ages." });

async function aggregates(listingId: string, sellerId: string) {
  const [listing] = await db.select().from(schema.listingRatings).where(eq(schema.listingRatings.listingId, listingId));
  const [seller] = await db.select().from(schema.sellerRatings).where(eq(schema.sellerRatings.sellerId, sellerId));
  const [search] = await db.select({ avg: schema.listingSearch.ratingAverage }).from(schema.listingSearch).where(eq(schema.listingSearch.listingId, listingId));
  return { listing: [listing?.reviewCount, listing?.ratingSum], seller: [seller?.reviewCount, seller?.ratingSum], searchAverage: search?.avg ?? null };
}

describe("who may review", () => {
  it("refuses a shopper without a delivered line of the listing, and one whose order is only shipped", async () => {
    const { listing, buyer: shipped } = await productWithBuyer(shopA, "shipped");
    const stranger = await createShopper(db);
    const none = await failureOf(api.as(stranger).reviews.create(review(listing.id)));
    expect(none.code).toBe("FORBIDDEN");
    expect(none.message).toMatch(/bought this product and received it/);
    const notYet = await failureOf(api.as(shipped).reviews.create(review(listing.id)));
    expect(notYet.code).toBe("FORBIDDEN");
    expect(notYet.message).toMatch(/once your order has been delivered/);
    expect((await failureOf(api.as(null).reviews.create(review(listing.id)))).code).toBe("UNAUTHORIZED");
    expect(await db.select().from(schema.reviews).where(eq(schema.reviews.listingId, listing.id))).toHaveLength(0);
  });

  it("lets a verified buyer review once; a second review is a conflict; ratings 0 and 6 are refused", async () => {
    const { listing, buyer } = await productWithBuyer(shopA);
    const me = api.as(buyer);
    expect((await me.reviews.mine({ listingId: listing.id })).eligibility.canReview).toBe(true);
    for (const rating of [0, 6, 4.5]) {
      const bad = await failureOf(me.reviews.create(review(listing.id, rating)));
      expect(bad.code).toBe("BAD_REQUEST");
      expect(bad.fieldErrors.rating).toMatch(/1 to 5/);
    }
    const created = await me.reviews.create(review(listing.id, 4));
    expect(created.status).toBe("visible");
    const again = await failureOf(me.reviews.create(review(listing.id, 2)));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already reviewed/);
    // Two submits at once still make one review.
    const other = await productWithBuyer(shopA);
    const both = await Promise.allSettled([api.as(other.buyer).reviews.create(review(other.listing.id)), api.as(other.buyer).reviews.create(review(other.listing.id))]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.select().from(schema.reviews).where(eq(schema.reviews.listingId, other.listing.id))).toHaveLength(1);

    const page = await api.as(null).reviews.list({ listingId: listing.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ rating: 4, title: "Great mug", verifiedBuyer: true, mine: false, sellerReply: null });
    expect(page.items[0]?.bodyHtml).toBe("<p>Keeps coffee hot for ages.</p>");
    expect(page.breakdown).toMatchObject({ count: 1, average: 4 });
    expect((await me.reviews.mine({ listingId: listing.id })).eligibility).toMatchObject({ canReview: false, reason: "already_reviewed" });
  });
});

describe("rating aggregates", () => {
  it("follow create, edit and hide, for the listing, the seller and search", async () => {
    const shop = await createShop(db);
    const first = await productWithBuyer(shop);
    const secondBuyer = await createShopper(db);
    await buy(secondBuyer, shop, first.variant.id, "delivered");
    const other = await productWithBuyer(shop);

    await api.as(first.buyer).reviews.create(review(first.listing.id, 5));
    const { id: secondId } = await api.as(secondBuyer).reviews.create(review(first.listing.id, 2));
    await api.as(other.buyer).reviews.create(review(other.listing.id, 4));
    expect(await aggregates(first.listing.id, shop.seller.id)).toEqual({ listing: [2, 7], seller: [3, 11], searchAverage: 3.5 });

    await api.as(secondBuyer).reviews.update({ reviewId: secondId, rating: 3, title: "Fine after all", body: "It grew on me over a week." });
    expect(await aggregates(first.listing.id, shop.seller.id)).toEqual({ listing: [2, 8], seller: [3, 12], searchAverage: 4 });
    // Someone else cannot edit it.
    expect((await failureOf(api.as(first.buyer).reviews.update({ reviewId: secondId, rating: 1, title: "x", body: "Not my review at all." }))).code).toBe("NOT_FOUND");

    await setReviewStatus(db, secondId, "hidden");
    expect(await aggregates(first.listing.id, shop.seller.id)).toEqual({ listing: [1, 5], seller: [2, 9], searchAverage: 5 });
    // The author still sees their hidden review, marked; others do not.
    expect((await api.as(secondBuyer).reviews.list({ listingId: first.listing.id })).items.map((r) => [r.mine, r.status])).toContainEqual([true, "hidden"]);
    expect((await api.as(null).reviews.list({ listingId: first.listing.id })).items).toHaveLength(1);

    await setReviewStatus(db, secondId, "visible");
    expect(await aggregates(first.listing.id, shop.seller.id)).toEqual({ listing: [2, 8], seller: [3, 12], searchAverage: 4 });
    expect(api.revalidations.flat()).toContain(`listing:${first.listing.id}`);
  });

  it("follow the author deleting their review, who may then write one again; a moderator's delete is final", async () => {
    const shop = await createShop(db);
    const { listing, variant, buyer } = await productWithBuyer(shop);
    const other = await createShopper(db);
    await buy(other, shop, variant.id, "delivered");
    const { id: mineId } = await api.as(buyer).reviews.create(review(listing.id, 1));
    const { id: otherId } = await api.as(other).reviews.create(review(listing.id, 5));
    await api.as(shop.viewer).reviews.sellerReply({ reviewId: mineId, body: "Sorry to hear that." });
    expect(await aggregates(listing.id, shop.seller.id)).toEqual({ listing: [2, 6], seller: [2, 6], searchAverage: 3 });

    // Nobody else can delete it: another shopper, the seller, or no one signed in.
    expect((await failureOf(api.as(other).reviews.delete({ reviewId: mineId }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(shop.viewer).reviews.delete({ reviewId: mineId }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(null).reviews.delete({ reviewId: mineId }))).code).toBe("UNAUTHORIZED");
    expect((await failureOf(api.as(buyer).reviews.delete({ reviewId: "not-an-id" }))).code).toBe("BAD_REQUEST");
    expect(await aggregates(listing.id, shop.seller.id)).toEqual({ listing: [2, 6], seller: [2, 6], searchAverage: 3 });

    // A double click deletes once; the second is not found.
    const clicks = await Promise.allSettled([api.as(buyer).reviews.delete({ reviewId: mineId }), api.as(buyer).reviews.delete({ reviewId: mineId })]);
    expect(clicks.map((c) => c.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await aggregates(listing.id, shop.seller.id)).toEqual({ listing: [1, 5], seller: [1, 5], searchAverage: 5 });
    expect((await api.as(null).reviews.list({ listingId: listing.id })).items.map((r) => r.id)).toEqual([otherId]);
    expect((await api.as(buyer).reviews.list({ listingId: listing.id })).items.map((r) => r.id)).toEqual([otherId]);
    expect(api.revalidations.flat()).toContain(`listing:${listing.id}`);

    // Written again: a fresh review, without the seller's reply to the old one.
    expect((await api.as(buyer).reviews.mine({ listingId: listing.id })).eligibility.canReview).toBe(true);
    await api.as(buyer).reviews.create({ listingId: listing.id, rating: 4, title: "Better now", body: "The replacement works well." });
    const mine = (await api.as(null).reviews.list({ listingId: listing.id })).items.find((r) => r.title === "Better now");
    expect(mine).toMatchObject({ rating: 4, sellerReply: null, verifiedBuyer: true });
    expect(await aggregates(listing.id, shop.seller.id)).toEqual({ listing: [2, 9], seller: [2, 9], searchAverage: 4.5 });

    // A review a moderator deleted cannot be written again.
    const operator = await createOperator(db);
    await api.as(operator).moderation.decide({ targetType: "review", targetId: otherId, decision: "delete" });
    expect((await api.as(other).reviews.mine({ listingId: listing.id })).eligibility).toMatchObject({ canReview: false, reason: "removed_by_moderator" });
    const refused = await failureOf(api.as(other).reviews.create(review(listing.id, 5)));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/moderator removed your review/);
    expect(await aggregates(listing.id, shop.seller.id)).toEqual({ listing: [1, 4], seller: [1, 4], searchAverage: 4 });
  });

  it("keeps a review a moderator hid off the page after its author deletes it; one hidden and restored may be written again", async () => {
    const shop = await createShop(db);
    const { listing, variant, buyer } = await productWithBuyer(shop);
    const other = await createShopper(db);
    await buy(other, shop, variant.id, "delivered");
    const operator = await createOperator(db);
    const { id: hiddenId } = await api.as(buyer).reviews.create(review(listing.id, 1));
    const { id: restoredId } = await api.as(other).reviews.create(review(listing.id, 5));
    await api.as(operator).moderation.decide({ targetType: "review", targetId: hiddenId, decision: "hide" });
    await api.as(operator).moderation.decide({ targetType: "review", targetId: restoredId, decision: "hide" });
    // Approving a hidden review restores it.
    await api.as(operator).moderation.decide({ targetType: "review", targetId: restoredId, decision: "approve" });

    // The hidden review's author deletes it and tries to publish the same text again.
    await api.as(buyer).reviews.delete({ reviewId: hiddenId });
    expect((await api.as(buyer).reviews.mine({ listingId: listing.id })).eligibility).toMatchObject({ canReview: false, reason: "removed_by_moderator" });
    const refused = await failureOf(api.as(buyer).reviews.create(review(listing.id, 1)));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await api.as(null).reviews.list({ listingId: listing.id })).items.map((r) => r.id)).toEqual([restoredId]);
    expect(await aggregates(listing.id, shop.seller.id)).toEqual({ listing: [1, 5], seller: [1, 5], searchAverage: 5 });

    // Restored by the moderator, then deleted by its author: the author may write a new one.
    await api.as(other).reviews.delete({ reviewId: restoredId });
    expect((await api.as(other).reviews.mine({ listingId: listing.id })).eligibility.canReview).toBe(true);
    await api.as(other).reviews.create(review(listing.id, 4));
    expect(await aggregates(listing.id, shop.seller.id)).toEqual({ listing: [1, 4], seller: [1, 4], searchAverage: 4 });
  });

  it("refuses people of the listing's own store, even with a delivered order", async () => {
    const shop = await createShop(db);
    const { listing, variant } = await createProduct(db, shop, { stock: 5 });
    // The store's owner buys their own listing, ships it and marks it delivered.
    await buy(shop.viewer, shop, variant.id, "delivered");
    expect((await api.as(shop.viewer).reviews.mine({ listingId: listing.id })).eligibility).toMatchObject({ canReview: false, reason: "own_store" });
    const refused = await failureOf(api.as(shop.viewer).reviews.create(review(listing.id, 5)));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/work for the store/);
    expect((await api.as(null).reviews.list({ listingId: listing.id })).items).toHaveLength(0);
    expect((await aggregates(listing.id, shop.seller.id)).searchAverage).toBeNull();
  });

  it("sorts by newest, highest and lowest and pages with a cursor", async () => {
    const { listing, variant, buyer } = await productWithBuyer(shopA);
    await api.as(buyer).reviews.create(review(listing.id, 3));
    for (const rating of [5, 1, 4]) {
      const b = await createShopper(db);
      await buy(b, shopA, variant.id, "delivered");
      await api.as(b).reviews.create(review(listing.id, rating));
    }
    const ratings = async (sort: "newest" | "highest" | "lowest") => {
      const out: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<ReturnType<TestApi["as"]>["reviews"]["list"]>> = await api.as(null).reviews.list({ listingId: listing.id, sort, cursor, limit: 1 });
        out.push(...page.items.map((r) => r.rating));
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };
    expect(await ratings("newest")).toEqual([4, 1, 5, 3]);
    expect(await ratings("highest")).toEqual([5, 4, 3, 1]);
    expect(await ratings("lowest")).toEqual([1, 3, 4, 5]);
    const { breakdown } = await api.as(null).reviews.list({ listingId: listing.id });
    expect(breakdown.stars.map((s) => s.count)).toEqual([1, 1, 1, 0, 1]);
  });
});

describe("seller replies", () => {
  it("only the listing's seller replies; replying again edits the one reply; seller B gets NOT_FOUND", async () => {
    const { listing, buyer } = await productWithBuyer(shopA);
    const { id } = await api.as(buyer).reviews.create(review(listing.id, 5));
    const refused = await failureOf(api.as(shopB.viewer).reviews.sellerReply({ reviewId: id, body: "Thanks from the wrong shop" }));
    expect(refused.code).toBe("NOT_FOUND");
    expect((await api.as(shopB.viewer).reviews.sellerList({ filter: "all", page: 1 })).items.map((r) => r.id)).not.toContain(id);
    expect((await failureOf(api.as(buyer).reviews.sellerReply({ reviewId: id, body: "I am not the seller" }))).code).toBe("FORBIDDEN");

    expect((await api.as(shopA.viewer).reviews.sellerReply({ reviewId: id, body: "Thank you!" })).edited).toBe(false);
    expect((await api.as(shopA.viewer).reviews.sellerReply({ reviewId: id, body: "Thank you so much!" })).edited).toBe(true);
    const [item] = (await api.as(null).reviews.list({ listingId: listing.id })).items;
    expect(item?.sellerReply?.html).toBe("<p>Thank you so much!</p>");
    expect((await api.as(shopA.viewer).reviews.sellerList({ filter: "all", page: 1 })).items.map((r) => r.id)).toContain(id);
    const notices = await db.select().from(schema.memberNotifications).where(and(eq(schema.memberNotifications.userId, buyer.id), eq(schema.memberNotifications.kind, "review_reply")));
    expect(notices).toHaveLength(1);
  });
});

describe("product questions", () => {
  it("any member asks; seller staff and verified owners answer with their badge; others are refused", async () => {
    const { listing, buyer: owner } = await productWithBuyer(shopA);
    const { buyer: shippedOnly } = await productWithBuyer(shopA, "shipped");
    const asker = await createShopper(db);
    // A new member's question waits for a moderator; approve it as one would.
    const asked = await api.as(asker).questions.ask({ listingId: listing.id, body: "Is it dishwasher safe?" });
    expect(asked.status).toBe("pending");
    expect((await api.as(asker).questions.list({ listingId: listing.id })).items.map((q) => q.id)).toEqual([asked.id]);
    expect((await api.as(null).questions.list({ listingId: listing.id })).items).toHaveLength(0);
    await db.update(schema.productQuestions).set({ status: "visible" }).where(eq(schema.productQuestions.id, asked.id));

    expect((await failureOf(api.as(null).questions.ask({ listingId: listing.id, body: "Anonymous question?" }))).code).toBe("UNAUTHORIZED");
    const stranger = await failureOf(api.as(await createShopper(db)).questions.answer({ questionId: asked.id, body: "I think so" }));
    expect(stranger.code).toBe("FORBIDDEN");
    expect(stranger.message).toMatch(/Only the seller and shoppers who bought and received/);
    expect((await failureOf(api.as(shippedOnly).questions.answer({ questionId: asked.id, body: "Mine is on its way" }))).code).toBe("FORBIDDEN");
    expect((await failureOf(api.as(shopB.viewer).questions.answer({ questionId: asked.id, body: "Buy ours instead" }))).code).toBe("FORBIDDEN");

    const bySeller = await api.as(shopA.viewer).questions.answer({ questionId: asked.id, body: "Yes, top rack." });
    const byOwner = await api.as(owner).questions.answer({ questionId: asked.id, body: "Mine survived a year of it." });
    expect([bySeller.role, byOwner.role]).toEqual(["seller", "owner"]);

    const [question] = (await api.as(null).questions.list({ listingId: listing.id })).items;
    expect(question?.answerCount).toBe(2);
    expect(question?.answers.map((a) => a.role)).toEqual(["seller", "owner"]);
    const notices = await db.select().from(schema.memberNotifications).where(and(eq(schema.memberNotifications.userId, asker.id), eq(schema.memberNotifications.kind, "question_answered")));
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect((await api.as(owner).questions.list({ listingId: listing.id })).viewer?.answerRole).toBe("owner");

    // Hiding an answer recounts.
    await setAnswerStatus(db, byOwner.id, "hidden");
    expect((await api.as(null).questions.list({ listingId: listing.id })).items[0]?.answerCount).toBe(1);
  });

  it("only the asker accepts an answer, and accepting another moves the mark", async () => {
    const { listing, buyer: owner } = await productWithBuyer(shopA);
    const asker = await createShopper(db);
    const asked = await api.as(asker).questions.ask({ listingId: listing.id, body: "How big is it?" });
    await db.update(schema.productQuestions).set({ status: "visible" }).where(eq(schema.productQuestions.id, asked.id));
    const a1 = await api.as(shopA.viewer).questions.answer({ questionId: asked.id, body: "350 ml." });
    const a2 = await api.as(owner).questions.answer({ questionId: asked.id, body: "About a big mug." });
    const notAsker = await failureOf(api.as(owner).questions.accept({ questionId: asked.id, answerId: a2.id }));
    expect(notAsker.code).toBe("FORBIDDEN");
    expect(notAsker.message).toMatch(/Only the person who asked/);
    expect((await api.as(asker).questions.accept({ questionId: asked.id, answerId: a1.id })).acceptedAnswerId).toBe(a1.id);
    expect((await api.as(asker).questions.accept({ questionId: asked.id, answerId: a2.id })).acceptedAnswerId).toBe(a2.id);
    const [question] = (await api.as(null).questions.list({ listingId: listing.id })).items;
    expect(question?.answers[0]).toMatchObject({ id: a2.id, accepted: true });

    // Suspended from the community, the asker cannot move the mark.
    await db.update(schema.memberProfiles).set({ silencedUntil: new Date(Date.now() + 86_400_000) }).where(eq(schema.memberProfiles.userId, asker.id));
    const suspended = await failureOf(api.as(asker).questions.accept({ questionId: asked.id, answerId: a1.id }));
    expect(suspended.code).toBe("FORBIDDEN");
    expect((await api.as(null).questions.list({ listingId: listing.id })).items[0]?.answers[0]).toMatchObject({ id: a2.id, accepted: true });
  });

  it("authors delete their own answers and questions; a deleted accepted answer loses the mark; nobody else can", async () => {
    const { listing, buyer: owner } = await productWithBuyer(shopA);
    const asker = await createShopper(db);
    const asked = await api.as(asker).questions.ask({ listingId: listing.id, body: "Does it fit a 12 inch pan?" });
    await db.update(schema.productQuestions).set({ status: "visible" }).where(eq(schema.productQuestions.id, asked.id));
    const bySeller = await api.as(shopA.viewer).questions.answer({ questionId: asked.id, body: "Yes, up to 13 inches." });
    const byOwner = await api.as(owner).questions.answer({ questionId: asked.id, body: "Mine holds a 12 inch one." });
    await api.as(asker).questions.accept({ questionId: asked.id, answerId: byOwner.id });

    // Someone else's answer or question is not found, whoever asks: the asker, the seller, no one signed in.
    expect((await failureOf(api.as(asker).questions.deleteAnswer({ answerId: byOwner.id }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(shopA.viewer).questions.deleteAnswer({ answerId: byOwner.id }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(owner).questions.delete({ questionId: asked.id }))).code).toBe("NOT_FOUND");
    expect((await failureOf(api.as(null).questions.delete({ questionId: asked.id }))).code).toBe("UNAUTHORIZED");
    expect((await api.as(null).questions.list({ listingId: listing.id })).items[0]?.answerCount).toBe(2);

    await api.as(owner).questions.deleteAnswer({ answerId: byOwner.id });
    const [question] = (await api.as(null).questions.list({ listingId: listing.id })).items;
    expect(question?.answerCount).toBe(1);
    expect(question?.answers.map((a) => [a.id, a.accepted])).toEqual([[bySeller.id, false]]);
    expect((await failureOf(api.as(owner).questions.deleteAnswer({ answerId: byOwner.id }))).code).toBe("NOT_FOUND");

    // A double click deletes once; the question and its answers leave the page for everyone.
    const clicks = await Promise.allSettled([api.as(asker).questions.delete({ questionId: asked.id }), api.as(asker).questions.delete({ questionId: asked.id })]);
    expect(clicks.map((c) => c.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await api.as(null).questions.list({ listingId: listing.id })).items).toHaveLength(0);
    expect((await api.as(asker).questions.list({ listingId: listing.id })).items).toHaveLength(0);
    expect((await failureOf(api.as(owner).questions.answer({ questionId: asked.id, body: "Late answer." }))).code).toBe("NOT_FOUND");
  });

  it("a seller sees only their own listings' unanswered questions", async () => {
    const { listing } = await productWithBuyer(shopA);
    const asker = await createShopper(db);
    const asked = await api.as(asker).questions.ask({ listingId: listing.id, body: "Does it come in blue?" });
    await db.update(schema.productQuestions).set({ status: "visible" }).where(eq(schema.productQuestions.id, asked.id));
    expect((await api.as(shopA.viewer).questions.sellerUnanswered({ page: 1 })).items.map((q) => q.id)).toContain(asked.id);
    expect((await api.as(shopB.viewer).questions.sellerUnanswered({ page: 1 })).items.map((q) => q.id)).not.toContain(asked.id);
    await api.as(shopA.viewer).questions.answer({ questionId: asked.id, body: "Not yet, sorry." });
    expect((await api.as(shopA.viewer).questions.sellerUnanswered({ page: 1 })).items.map((q) => q.id)).not.toContain(asked.id);
  });
});
