import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  checkoutGroups,
  listings,
  memberProfiles,
  orderEvents,
  orderLines,
  orders,
  productAnswers,
  productQuestions,
  reviews,
  sellerMembers,
  sellers,
  users,
  variants,
} from "../schema";
import { seededUuid } from "./random";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Demo shoppers who bought, received and reviewed things (they have no password: they never sign in). */
const REVIEWERS = [
  { handle: "lena-hikes", name: "Lena Okafor" },
  { handle: "marco_b", name: "Marco Bianchi" },
  { handle: "priya-cooks", name: "Priya Natarajan" },
  { handle: "tom-outdoors", name: "Tom Lindqvist" },
  { handle: "ade-reads", name: "Adeola Mensah" },
] as const;

/** Shoppers who only buy: the baskets that make "Customers also bought" show in the demo. */
const REGULAR_SHOPPERS = ["Sam Carter", "Yuki Tanaka", "Grace Osei", "Leo Martins", "Nina Petrova", "Omar Haddad", "Ruth Klein"] as const;

const REVIEW_TEXTS = [
  { rating: 5, title: "Exactly as described", body: "Arrived quickly and well packed. The quality is **better than I expected** for the price — I have used it every day since." },
  { rating: 4, title: "Very good, one small niggle", body: "Solid and well made. Knocked off a star because the colour is a little darker than in the photos, but I would buy it again." },
  { rating: 5, title: "Gift that was a hit", body: "Bought this as a present and it went down very well. The seller answered a question before I ordered, which helped." },
  { rating: 3, title: "Fine, nothing special", body: "Does the job. Sizing runs slightly small, so consider going one up." },
  { rating: 4, title: "Great value", body: "Good materials and neat finishing.\n\n- Easy to clean\n- Feels durable\n- Packaging could use less plastic" },
  { rating: 2, title: "Not for me", body: "It works, but it was heavier than I wanted for travelling. Returning was easy, to be fair." },
  { rating: 5, title: "Second one I've bought", body: "Liked the first so much I ordered another. Consistent quality." },
] as const;

const QUESTIONS = [
  {
    body: "Is this suitable for use outdoors in the rain?",
    seller: "Yes — it is treated to shrug off showers. We recommend drying it afterwards.",
    owner: "I've used mine through a wet weekend and it was fine.",
  },
  { body: "How long does delivery usually take to Canada?", seller: "Usually 4–6 business days with our standard method.", owner: null },
  { body: "Does it come gift wrapped?", seller: null, owner: "Mine came in a plain box, nicely packed — no wrapping though." },
  { body: "What are the exact dimensions?", seller: null, owner: null },
] as const;

const ADDRESS = { name: "Demo Shopper", line1: "1 Market Street", line2: null, city: "Portland", region: "OR", postalCode: "97201", country: "US", phone: null };

/**
 * Reviews and product Q&A for the demo: five demo shoppers with delivered orders whose lines they
 * reviewed (with store replies on some), questions with seller and verified-owner answers, and one
 * delivered, not yet reviewed order for the demo buyer so they can write a review themselves, and
 * seven regular shoppers whose overlapping baskets give three product pages a "Customers also bought". The
 * rating aggregates are computed at the end, as the review use-cases keep them. Runs inside the demo
 * seed's transaction, after the listings and their search documents.
 */
export async function seedReviewsDemo(
  tx: Db,
  options: { now: Date; renderMarkdown: (source: string) => string; demoBuyerId: string; demoSellerSlug: string },
): Promise<{ reviews: number; questions: number; orders: number }> {
  const { now, renderMarkdown } = options;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const isoDay = (daysAgo: number) => at(daysAgo).toISOString().slice(0, 10);

  // The most viewed listings of approved stores with stock, three of them from the demo store.
  const candidates = await tx
    .select({ id: listings.id, sellerId: listings.sellerId, categoryId: listings.categoryId, title: listings.title, slug: sellers.slug })
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(and(eq(listings.status, "active"), eq(sellers.status, "approved")))
    .orderBy(desc(listings.viewCount), asc(listings.id))
    .limit(200);
  const demoStore = candidates.filter((c) => c.slug === options.demoSellerSlug).slice(0, 4);
  const others = candidates.filter((c) => c.slug !== options.demoSellerSlug).slice(0, 8);
  const chosen = [...demoStore.slice(0, 3), ...others];
  if (chosen.length === 0) return { reviews: 0, questions: 0, orders: 0 };

  const firstVariants = await tx
    .selectDistinctOn([variants.listingId], { id: variants.id, listingId: variants.listingId, sku: variants.sku, priceMinor: variants.priceMinor })
    .from(variants)
    .where(inArray(variants.listingId, [...chosen, ...demoStore].map((c) => c.id)))
    .orderBy(variants.listingId, asc(variants.position));
  const variantOf = new Map(firstVariants.map((v) => [v.listingId, v]));

  const reviewerRows = REVIEWERS.map((r, i) => ({
    id: seededUuid(`demo-reviewer:${r.handle}`),
    email: `${r.handle.replace(/_/g, "-")}@reviewers.agora.test`,
    name: r.name,
    createdAt: at(200 - i * 20),
    updatedAt: at(200 - i * 20),
  }));
  await tx.insert(users).values(reviewerRows).onConflictDoNothing();
  await tx
    .insert(memberProfiles)
    .values(REVIEWERS.map((r, i) => ({ userId: seededUuid(`demo-reviewer:${r.handle}`), handle: r.handle, level: 1, approvedPosts: 3 + i })))
    .onConflictDoNothing();

  // One delivered order per (shopper, store), each line one unit of the listing's first variant.
  let orderCount = 0;
  const lineIds = new Map<string, string>();
  async function deliveredOrder(buyerId: string, key: string, items: typeof chosen, daysAgo: number) {
    const bySeller = new Map<string, typeof chosen>();
    for (const item of items) bySeller.set(item.sellerId, [...(bySeller.get(item.sellerId) ?? []), item]);
    const groupId = seededUuid(`demo-review-group:${key}`);
    const lines = items.flatMap((i) => {
      const v = variantOf.get(i.id);
      return v ? [{ item: i, variant: v }] : [];
    });
    const subtotal = lines.reduce((s, l) => s + l.variant.priceMinor, 0);
    const shipping = 500 * bySeller.size;
    await tx.insert(checkoutGroups).values({
      id: groupId,
      buyerId,
      idempotencyKey: `demo-${key}`,
      fingerprint: `demo-${key}`,
      status: "completed",
      email: `${key}@reviewers.agora.test`,
      shippingAddress: ADDRESS,
      currency: "USD",
      subtotalMinor: subtotal,
      shippingMinor: shipping,
      totalMinor: subtotal + shipping,
      expiresAt: at(daysAgo),
      createdAt: at(daysAgo),
      updatedAt: at(daysAgo - 6),
    });
    for (const [sellerId, sellerItems] of bySeller) {
      const sellerLines = lines.filter((l) => sellerItems.includes(l.item));
      if (!sellerLines.length) continue;
      const orderSubtotal = sellerLines.reduce((s, l) => s + l.variant.priceMinor, 0);
      const orderId = seededUuid(`demo-review-order:${key}:${sellerId}`);
      await tx.insert(orders).values({
        id: orderId,
        groupId,
        sellerId,
        buyerId,
        status: "delivered",
        fulfilment: "shipping",
        deliveryLabel: "Standard",
        currency: "USD",
        subtotalMinor: orderSubtotal,
        shippingMinor: 500,
        totalMinor: orderSubtotal + 500,
        commissionMinor: Math.round(orderSubtotal * 0.1),
        promisedFrom: isoDay(daysAgo - 4),
        promisedTo: isoDay(daysAgo - 6),
        estimatedFrom: isoDay(daysAgo - 4),
        estimatedTo: isoDay(daysAgo - 6),
        carrier: "UPS",
        trackingNumber: `1Z${orderId.slice(0, 8).toUpperCase()}`,
        placedAt: at(daysAgo),
        acceptedAt: at(daysAgo - 0.2),
        shippedAt: at(daysAgo - 1),
        deliveredAt: at(daysAgo - 5),
        createdAt: at(daysAgo),
        updatedAt: at(daysAgo - 5),
      });
      orderCount += 1;
      for (const l of sellerLines) {
        const lineId = seededUuid(`demo-review-line:${key}:${l.item.id}`);
        lineIds.set(`${buyerId}:${l.item.id}`, lineId);
        await tx.insert(orderLines).values({
          id: lineId,
          orderId,
          listingId: l.item.id,
          variantId: l.variant.id,
          categoryId: l.item.categoryId,
          sku: l.variant.sku,
          title: l.item.title,
          variantLabel: "",
          unitPriceMinor: l.variant.priceMinor,
          quantity: 1,
          lineTotalMinor: l.variant.priceMinor,
          commissionRateBps: 1000,
          commissionMinor: Math.round(l.variant.priceMinor * 0.1),
        });
      }
      await tx.insert(orderEvents).values([
        { orderId, type: "placed" as const, createdAt: at(daysAgo) },
        { orderId, type: "accepted" as const, createdAt: at(daysAgo - 0.2) },
        { orderId, type: "shipped" as const, data: { carrier: "UPS", trackingNumber: `1Z${orderId.slice(0, 8).toUpperCase()}` }, createdAt: at(daysAgo - 1) },
        { orderId, type: "delivered" as const, createdAt: at(daysAgo - 5) },
      ]);
    }
  }

  // Each reviewer bought three or four of the chosen listings, spread so most listings get two reviews.
  const purchases = REVIEWERS.map((r, i) => ({
    reviewerId: seededUuid(`demo-reviewer:${r.handle}`),
    items: chosen.filter((_, j) => (j + i) % 3 !== 0 || j === i).slice(0, 4),
    daysAgo: 60 - i * 9,
  }));
  for (const p of purchases) await deliveredOrder(p.reviewerId, `reviewer-${p.reviewerId.slice(0, 8)}`, p.items, p.daysAgo);
  // Regular shoppers bought the busiest listings together, often enough for "Customers also bought" to
  // show them (core's alsoBought needs six buyers of a listing and three behind each entry): all seven
  // bought the first, six the second, four the third and three the fourth.
  const basket = [chosen[0], chosen[3], chosen[4], chosen[5]];
  const regulars = REGULAR_SHOPPERS.map((name, i) => ({
    id: seededUuid(`demo-shopper:${i}`),
    email: `${name.toLowerCase().replace(/\s+/g, ".")}@shoppers.agora.test`,
    name,
    createdAt: at(120 - i * 7),
    updatedAt: at(120 - i * 7),
  }));
  await tx.insert(users).values(regulars).onConflictDoNothing();
  for (const [i, shopper] of regulars.entries()) {
    const items = basket.filter(
      (item, j): item is NonNullable<typeof item> => !!item && (j === 0 || (j === 1 && i < 6) || (j === 2 && i % 2 === 0) || (j === 3 && i >= 4)),
    );
    await deliveredOrder(shopper.id, `shopper-${i}`, items, 45 - i * 4);
  }

  // The demo buyer received one order and has not reviewed it yet.
  const forBuyer = demoStore[3] ?? demoStore[0];
  if (forBuyer) await deliveredOrder(options.demoBuyerId, "demo-buyer", [forBuyer], 12);

  const reviewRows: (typeof reviews.$inferInsert)[] = [];
  let textIndex = 0;
  for (const p of purchases)
    for (const item of p.items.slice(0, 3)) {
      const lineId = lineIds.get(`${p.reviewerId}:${item.id}`);
      const text = REVIEW_TEXTS[textIndex++ % REVIEW_TEXTS.length];
      if (!lineId || !text) continue;
      const createdAt = at(p.daysAgo - 6 - (textIndex % 4));
      reviewRows.push({
        id: seededUuid(`demo-review:${p.reviewerId}:${item.id}`),
        listingId: item.id,
        sellerId: item.sellerId,
        authorId: p.reviewerId,
        orderLineId: lineId,
        rating: text.rating,
        title: text.title,
        bodySource: text.body,
        bodyHtml: renderMarkdown(text.body),
        status: "visible",
        createdAt,
        updatedAt: createdAt,
      });
    }

  // The demo store thanks two reviewers publicly.
  const [demoOwner] = await tx
    .select({ userId: sellerMembers.userId, sellerId: sellers.id })
    .from(sellerMembers)
    .innerJoin(sellers, eq(sellers.id, sellerMembers.sellerId))
    .where(eq(sellers.slug, options.demoSellerSlug));
  let replies = 0;
  for (const row of reviewRows) {
    if (!demoOwner || row.sellerId !== demoOwner.sellerId || replies >= 2) continue;
    const reply = row.rating && row.rating < 4 ? "Thanks for the honest feedback — we have passed it to our workshop and updated the size notes." : "Thank you for the kind words! Enjoy it.";
    row.sellerReplySource = reply;
    row.sellerReplyHtml = renderMarkdown(reply);
    row.sellerRepliedAt = new Date((row.createdAt as Date).getTime() + DAY_MS);
    row.sellerRepliedBy = demoOwner.userId;
    replies += 1;
  }
  if (reviewRows.length) await tx.insert(reviews).values(reviewRows);

  // Questions on the first listings, answered by their store's owner and, where one exists, a verified owner.
  let questionCount = 0;
  for (const [i, q] of QUESTIONS.entries()) {
    const listing = chosen[i];
    if (!listing) break;
    const asker = reviewerRows[(i + 2) % reviewerRows.length];
    if (!asker) continue;
    const questionId = seededUuid(`demo-question:${i}`);
    const askedAt = at(30 - i * 5);
    await tx.insert(productQuestions).values({
      id: questionId,
      listingId: listing.id,
      sellerId: listing.sellerId,
      authorId: asker.id,
      bodySource: q.body,
      bodyHtml: renderMarkdown(q.body),
      status: "visible",
      createdAt: askedAt,
      updatedAt: askedAt,
    });
    questionCount += 1;
    const answers: (typeof productAnswers.$inferInsert)[] = [];
    const [staff] = await tx.select({ userId: sellerMembers.userId }).from(sellerMembers).where(eq(sellerMembers.sellerId, listing.sellerId)).limit(1);
    if (q.seller && staff)
      answers.push({ id: seededUuid(`demo-answer:${i}:seller`), questionId, authorId: staff.userId, role: "seller", bodySource: q.seller, bodyHtml: renderMarkdown(q.seller), createdAt: new Date(askedAt.getTime() + DAY_MS / 3) });
    const owner = purchases.find((p) => p.reviewerId !== asker.id && lineIds.has(`${p.reviewerId}:${listing.id}`));
    if (q.owner && owner)
      answers.push({ id: seededUuid(`demo-answer:${i}:owner`), questionId, authorId: owner.reviewerId, role: "owner", bodySource: q.owner, bodyHtml: renderMarkdown(q.owner), createdAt: new Date(askedAt.getTime() + DAY_MS) });
    if (answers.length) {
      await tx.insert(productAnswers).values(answers);
      await tx
        .update(productQuestions)
        .set({ answerCount: answers.length, acceptedAnswerId: i === 0 ? (answers[0]?.id ?? null) : null })
        .where(eq(productQuestions.id, questionId));
    }
  }

  // Aggregates, exactly as the review use-cases keep them (visible reviews only).
  await tx.execute(sql`
    insert into listing_ratings (listing_id, review_count, rating_sum)
    select listing_id, count(*)::int, sum(rating)::int from reviews where status = 'visible' group by listing_id
    on conflict (listing_id) do update set review_count = excluded.review_count, rating_sum = excluded.rating_sum, updated_at = now()`);
  await tx.execute(sql`
    insert into seller_ratings (seller_id, review_count, rating_sum)
    select seller_id, count(*)::int, sum(rating)::int from reviews where status = 'visible' group by seller_id
    on conflict (seller_id) do update set review_count = excluded.review_count, rating_sum = excluded.rating_sum, updated_at = now()`);
  await tx.execute(sql`
    update listing_search s set rating_average = r.rating_sum::real / r.review_count
    from listing_ratings r where r.listing_id = s.listing_id and r.review_count > 0`);

  return { reviews: reviewRows.length, questions: questionCount, orders: orderCount };
}
