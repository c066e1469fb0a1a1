import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { forumCategories, forumPosts, forumThreads, listings, sellers, stories, storyListings, users } from "../schema";
import { seededUuid } from "./random";

/**
 * Demo stories: one by the marketplace team and one by the demo shop, both published with live product
 * cards and a comment thread (one with a comment), and a draft in the demo shop's portal. Written as the
 * stories use-case writes them; a no-op once the first story exists. Runs after the community seed
 * (it needs the story-comments category and the members).
 */

export interface StoriesSeedDeps {
  renderMarkdown: (source: string) => string;
  operatorEmail: string;
  sellerEmail: string;
  buyerEmail: string;
  demoSellerSlug: string;
}

const DAY_MS = 86_400_000;
const CARD_LINE = /^\[\[product:([a-z0-9-]+)\]\]$/;

/** Markdown by block, with `[[product:slug]]` lines as the card placeholders the storefront fills in. */
function renderStory(source: string, renderMarkdown: (s: string) => string): { html: string; slugs: string[] } {
  const slugs: string[] = [];
  const html = source
    .split(/\n{2,}/)
    .map((block) => {
      const card = CARD_LINE.exec(block.trim());
      if (card?.[1]) {
        slugs.push(card[1]);
        return `<div data-listing-card="${card[1]}"></div>`;
      }
      return renderMarkdown(block);
    })
    .join("\n");
  return { html, slugs };
}

export async function seedStories(tx: Db, deps: StoriesSeedDeps): Promise<{ stories: number }> {
  const firstId = seededUuid("demo-story:first-night-outdoors");
  if ((await tx.select({ id: stories.id }).from(stories).where(eq(stories.id, firstId))).length > 0) return { stories: 0 };

  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [deps.operatorEmail, deps.sellerEmail, deps.buyerEmail]));
  const idOf = (email: string) => people.find((p) => p.email.toLowerCase() === email.toLowerCase())?.id;
  const operatorId = idOf(deps.operatorEmail);
  const sellerUserId = idOf(deps.sellerEmail);
  const buyerId = idOf(deps.buyerEmail);
  const [shop] = await tx
    .select({ id: sellers.id, name: sellers.name })
    .from(sellers)
    .where(eq(sellers.slug, deps.demoSellerSlug));
  const [category] = await tx
    .select({ id: forumCategories.id })
    .from(forumCategories)
    .where(eq(forumCategories.slug, "story-comments"));
  if (!operatorId || !sellerUserId || !buyerId || !shop || !category) return { stories: 0 };

  const active = and(eq(listings.status, "active"), eq(sellers.status, "approved"));
  const own = await tx
    .select({ id: listings.id, slug: listings.slug, title: listings.title })
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(and(active, eq(listings.sellerId, shop.id)))
    .orderBy(desc(listings.viewCount), asc(listings.slug))
    .limit(3);
  const popular = await tx
    .select({ id: listings.id, slug: listings.slug, title: listings.title })
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(and(active, ne(listings.sellerId, shop.id)))
    .orderBy(desc(listings.viewCount), asc(listings.slug))
    .limit(2);
  const [a, b, c] = own;
  const [p1, p2] = popular;
  if (!a || !b || !p1 || !p2) return { stories: 0 };

  const now = Date.now();
  const specs = [
    {
      key: "first-night-outdoors",
      slug: "your-first-night-outdoors",
      authorId: operatorId,
      sellerId: null,
      title: "Your first night outdoors: a short packing list",
      summary: "What our community says to bring (and leave at home) for a first overnight trip.",
      tags: ["guides", "camping"],
      daysAgo: 6,
      published: true,
      body: [
        "Most first trips go wrong in the same three ways: a cold night, a wet morning and a dinner that never cooked. Here is what members of the community told us they would pack again.",
        "## Sleep warm",
        "A good night starts below you. Pick something that keeps the ground's cold away, then add layers on top.",
        `[[product:${p1.slug}]]`,
        "## Eat well",
        "Keep dinner simple: one pot, one spoon, something hot.",
        `[[product:${p2.slug}]]`,
        "Questions? Ask in the [community forum](/community) — someone has been there before.",
      ].join("\n\n"),
      comment: { by: buyerId, body: "Great list. I would add a spare pair of dry socks, every time." },
    },
    {
      key: "how-we-test",
      slug: "how-we-test-our-gear",
      authorId: sellerUserId,
      sellerId: shop.id,
      title: `How ${shop.name} tests gear before it reaches the shop`,
      summary: "A weekend in the hills with our newest arrivals: what we check, and what made the cut.",
      tags: ["behind the scenes", "camping"],
      daysAgo: 3,
      published: true,
      body: [
        "Every item we sell spends a weekend with us first. We pitch it, soak it, pack it badly and see what happens.",
        "This season two items stood out:",
        `[[product:${a.slug}]]`,
        "Quick to set up in the wind, and it kept everything dry overnight.",
        `[[product:${b.slug}]]`,
        "Light enough that nobody argued about who carries it.",
      ].join("\n\n"),
      comment: null,
    },
    {
      key: "care-guide-draft",
      slug: "caring-for-your-gear",
      authorId: sellerUserId,
      sellerId: shop.id,
      title: "Caring for your gear between trips",
      summary: "Cleaning, drying and storing, so it lasts for years.",
      tags: ["guides"],
      daysAgo: 1,
      published: false,
      body: ["Dry everything before you store it — always.", c ? `[[product:${c.slug}]]` : "", "More tips coming soon."]
        .filter(Boolean)
        .join("\n\n"),
      comment: null,
    },
  ];

  const slugIds = new Map([...own, ...popular].map((l) => [l.slug, l.id]));
  for (const spec of specs) {
    const storyId = seededUuid(`demo-story:${spec.key}`);
    const at = new Date(now - spec.daysAgo * DAY_MS);
    const rendered = renderStory(spec.body, deps.renderMarkdown);
    let commentThreadId: string | null = null;
    if (spec.published) {
      commentThreadId = seededUuid(`demo-story-thread:${spec.key}`);
      const opening = `Comments on the story [${spec.slug}](/stories/${spec.slug}).`;
      const replies = spec.comment ? [spec.comment] : [];
      await tx.insert(forumThreads).values({
        id: commentThreadId,
        categoryId: category.id,
        authorId: spec.authorId,
        title: spec.title,
        slug: spec.title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-+|-+$/g, "")
          .slice(0, 60)
          .replace(/-+$/g, ""),
        status: "visible",
        replyCount: replies.length,
        lastPostedAt: new Date(at.getTime() + replies.length * 3_600_000),
        createdAt: at,
        updatedAt: at,
      });
      const posts = [{ by: spec.authorId, body: opening }, ...replies];
      for (const [i, post] of posts.entries()) {
        const when = new Date(at.getTime() + i * 3_600_000);
        await tx.insert(forumPosts).values({
          id: seededUuid(`demo-story-post:${spec.key}:${i + 1}`),
          threadId: commentThreadId,
          authorId: post.by,
          number: i + 1,
          bodySource: post.body,
          bodyHtml: deps.renderMarkdown(post.body),
          status: "visible",
          createdAt: when,
          updatedAt: when,
        });
      }
      await tx.execute(
        sql`update ${forumThreads} set search_document = setweight(to_tsvector('english', title), 'A') where id = ${commentThreadId}`,
      );
    }
    await tx.insert(stories).values({
      id: storyId,
      authorId: spec.authorId,
      sellerId: spec.sellerId,
      slug: spec.slug,
      title: spec.title,
      summary: spec.summary,
      bodySource: spec.body,
      bodyHtml: rendered.html,
      tags: spec.tags,
      status: spec.published ? "published" : "draft",
      publishedAt: spec.published ? at : null,
      commentThreadId,
      createdAt: at,
      updatedAt: at,
    });
    const cards = rendered.slugs.flatMap((slug, position) => {
      const listingId = slugIds.get(slug);
      return listingId ? [{ storyId, listingId, position }] : [];
    });
    if (cards.length > 0) await tx.insert(storyListings).values(cards).onConflictDoNothing();
  }
  return { stories: specs.length };
}
