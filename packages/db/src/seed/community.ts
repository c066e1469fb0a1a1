import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  forumCategories,
  forumListingMentions,
  forumMentions,
  forumPosts,
  forumReactions,
  forumThreads,
  listings,
  memberProfiles,
  sellers,
  userCredentials,
  users,
} from "../schema";
import { seededUuid } from "./random";

/**
 * The demo community: the forum's categories, a few members with handles, and about ten threads with
 * replies — one Q&A thread with an accepted answer that shows a live product card, a pinned welcome, a
 * locked guidelines thread, mentions and reactions. Written as the forum's use-cases would write it
 * (numbers, counts, search words, mentions); a no-op once the welcome thread exists.
 */

/** Must match the forum's categories in @agora/core (community/forum/categories.ts). */
const CATEGORIES = [
  { slug: "announcements", name: "Announcements", description: "News from the marketplace team. Everyone can reply; only the team starts threads.", position: 0, whoCanStartThreads: "operators", acceptsAnswers: false },
  { slug: "questions", name: "Questions & answers", description: "Ask the community. The asker marks the reply that solved it as the accepted answer.", position: 1, whoCanStartThreads: "members", acceptsAnswers: true },
  { slug: "general", name: "General", description: "Anything about the things we buy, use and fix.", position: 2, whoCanStartThreads: "members", acceptsAnswers: false },
  { slug: "show-and-tell", name: "Show and tell", description: "Your setups, builds and finds.", position: 3, whoCanStartThreads: "members", acceptsAnswers: false },
  { slug: "story-comments", name: "Story comments", description: "Conversations under stories.", position: 100, whoCanStartThreads: "members", acceptsAnswers: false },
] as const;

export interface CommunitySeedDeps {
  hashPassword: (password: string) => Promise<string>;
  renderMarkdown: (source: string) => string;
}

/** Demo members besides the three demo accounts; they sign in with the demo password. */
const EXTRA_MEMBERS = [
  { email: "priya@community.agora.test", name: "Priya Nair", handle: "priya", level: 2 },
  { email: "tomasz@community.agora.test", name: "Tomasz Kowal", handle: "tomasz", level: 1 },
  { email: "lena@community.agora.test", name: "Lena Moreau", handle: "lena", level: 1 },
] as const;

type Who = "sam" | "jordan" | "morgan" | "priya" | "tomasz" | "lena";

interface ThreadSpec {
  key: string;
  category: (typeof CATEGORIES)[number]["slug"];
  by: Who;
  title: string;
  body: string;
  daysAgo: number;
  pinned?: boolean;
  locked?: boolean;
  replies: { by: Who; body: string; parent?: number; accepted?: boolean; reactions?: Who[] }[];
}

const DAY_MS = 86_400_000;

function threads(product: string | null): ThreadSpec[] {
  const card = product ? `\n\n[[product:${product}]]\n\n` : "\n\n";
  return [
    {
      key: "welcome",
      category: "announcements",
      by: "morgan",
      title: "Welcome to the Agora community",
      body: "Hello and welcome! This is the place to ask questions, share what you made and help each other choose well.\n\n- Ask in **Questions & answers** and mark the reply that solved it.\n- Sellers post here too: look for the *Seller* badge.\n- Be kind. Report anything that is not.",
      daysAgo: 40,
      pinned: true,
      replies: [
        { by: "sam", body: "Glad this exists. I have a pile of questions about camping gear already.", reactions: ["priya"] },
        { by: "jordan", body: "Hi all, Jordan from Northwind Outfitters here. Happy to answer questions about anything we sell.", reactions: ["sam", "lena"] },
      ],
    },
    {
      key: "guidelines",
      category: "announcements",
      by: "morgan",
      title: "Community guidelines",
      body: "1. Be respectful.\n2. No spam or self-promotion outside *Show and tell*.\n3. Keep personal details private.\n\nModerators may hide posts that break these rules.",
      daysAgo: 39,
      locked: true,
      replies: [],
    },
    {
      key: "windy-tent",
      category: "questions",
      by: "sam",
      title: "Which tent holds up on a windy coastal trip?",
      body: `Planning four nights on an exposed coastline in May. I am looking at this one:${card}Does anyone know how it handles strong gusts? @jordan-avery maybe you can help?`,
      daysAgo: 12,
      replies: [
        { by: "priya", body: "Whatever you pick, pitch it with the narrow end into the wind and use every guy line." },
        { by: "jordan", body: "We tested it at 60 km/h gusts with all guy lines out and it held fine. Add two extra pegs on the windward side and you will sleep well.", accepted: true, reactions: ["sam", "priya", "tomasz"] },
        { by: "sam", body: "That is exactly what I needed, thank you!", parent: 3 },
      ],
    },
    {
      key: "cast-iron",
      category: "questions",
      by: "lena",
      title: "How do I season a new cast iron pan?",
      body: "Just got my first cast iron skillet. Oven method or stovetop? And which oil?",
      daysAgo: 9,
      replies: [
        { by: "tomasz", body: "Thin layer of flaxseed or sunflower oil, wipe off almost all of it, 1 hour at 230 °C. Repeat three times.", reactions: ["lena"] },
        { by: "priya", body: "Honestly, just cook with it a lot. Bacon and fried potatoes season it faster than any method." },
      ],
    },
    {
      key: "jacket-zip",
      category: "general",
      by: "tomasz",
      title: "Repair or replace? Broken zip on a 10-year-old jacket",
      body: "The main zip on my favourite shell jacket finally gave up. Worth repairing? @sam-rivera you mentioned a repair shop once.",
      daysAgo: 7,
      replies: [
        { by: "sam", body: "Definitely repair: a local tailor did mine for the price of a pizza. Ten years of use means the fabric is good." },
        { by: "lena", body: "+1 for repair. Ask for a YKK zip." },
      ],
    },
    {
      key: "herb-garden",
      category: "show-and-tell",
      by: "priya",
      title: "My balcony herb garden, year two",
      body: "Basil, thyme, mint (in its own pot, learned that the hard way) and chillies. Self-watering planters made the difference this summer.",
      daysAgo: 6,
      replies: [{ by: "lena", body: "Lovely! Which chilli variety?", reactions: ["priya"] }, { by: "priya", body: "Mostly Hungarian wax, plus one very angry habanero.", parent: 2 }],
    },
    {
      key: "trail-snacks",
      category: "general",
      by: "sam",
      title: "Favourite trail snacks?",
      body: "Looking for ideas beyond the usual granola bars.",
      daysAgo: 5,
      replies: [
        { by: "tomasz", body: "Dates stuffed with peanut butter." },
        { by: "lena", body: "Salted roasted chickpeas. Light and they do not melt." },
        { by: "priya", body: "Cheese and crackers for day one, then dried mango." },
      ],
    },
    {
      key: "headlamp-cold",
      category: "questions",
      by: "tomasz",
      title: "Headlamp battery life in the cold",
      body: "My headlamp dies after an hour below freezing. Is that normal?",
      daysAgo: 4,
      replies: [
        { by: "priya", body: "Alkaline batteries lose most of their capacity in the cold. Switch to lithium primaries, or keep the battery pack inside your jacket.", accepted: true, reactions: ["tomasz", "sam"] },
        { by: "sam", body: "Lithium made a huge difference for me too." },
      ],
    },
    {
      key: "pack-testing",
      category: "show-and-tell",
      by: "jordan",
      title: "Behind the scenes: how we test our packs",
      body: "Every pack we stock spends a week loaded with 18 kg on the office stairs. Here is what we learned this year about hip belts and shoulder straps.",
      daysAgo: 3,
      replies: [{ by: "lena", body: "Love seeing this. Do you test in the rain too?" }, { by: "jordan", body: "Yes, with a garden hose. Not glamorous, very effective.", parent: 2 }],
    },
    {
      key: "used-gear",
      category: "general",
      by: "lena",
      title: "Tips for buying used gear",
      body: "What do you check before buying a second-hand tent or backpack?",
      daysAgo: 2,
      replies: [
        { by: "tomasz", body: "Pitch the tent before paying. Check seams and the floor against the light." },
        { by: "sam", body: "For packs: look at the stitching where the shoulder straps meet the body." },
      ],
    },
  ];
}

function escapeRegex(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

export async function seedCommunity(tx: Db, deps: CommunitySeedDeps, accounts: { buyer: string; seller: string; operator: string; password: string }): Promise<{ threads: number; posts: number }> {
  const welcomeId = seededUuid("demo-thread:welcome");
  if ((await tx.select({ id: forumThreads.id }).from(forumThreads).where(eq(forumThreads.id, welcomeId))).length > 0) return { threads: 0, posts: 0 };

  await tx.insert(forumCategories).values(CATEGORIES.map((c) => ({ ...c, id: seededUuid(`demo-forum-category:${c.slug}`) }))).onConflictDoNothing({ target: forumCategories.slug });
  const categoryRows = await tx.select({ id: forumCategories.id, slug: forumCategories.slug }).from(forumCategories);
  const categoryId = new Map(categoryRows.map((c) => [c.slug.toLowerCase(), c.id]));

  const hash = await deps.hashPassword(accounts.password);
  await tx
    .insert(users)
    .values(EXTRA_MEMBERS.map((m) => ({ id: seededUuid(`demo-user:${m.email}`), email: m.email, name: m.name })))
    .onConflictDoNothing({ target: users.email });
  const emails = [accounts.buyer, accounts.seller, accounts.operator, ...EXTRA_MEMBERS.map((m) => m.email)];
  const userRows = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.email, emails));
  const byEmail = new Map(userRows.map((u) => [u.email.toLowerCase(), u]));
  await tx
    .insert(userCredentials)
    .values(EXTRA_MEMBERS.flatMap((m) => {
      const u = byEmail.get(m.email);
      return u ? [{ userId: u.id, passwordHash: hash }] : [];
    }))
    .onConflictDoNothing();

  const people: Record<Who, { email: string; handle: string; level: number }> = {
    sam: { email: accounts.buyer, handle: "sam-rivera", level: 1 },
    jordan: { email: accounts.seller, handle: "jordan-avery", level: 1 },
    morgan: { email: accounts.operator, handle: "morgan-ellis", level: 4 },
    priya: { email: EXTRA_MEMBERS[0].email, handle: EXTRA_MEMBERS[0].handle, level: EXTRA_MEMBERS[0].level },
    tomasz: { email: EXTRA_MEMBERS[1].email, handle: EXTRA_MEMBERS[1].handle, level: EXTRA_MEMBERS[1].level },
    lena: { email: EXTRA_MEMBERS[2].email, handle: EXTRA_MEMBERS[2].handle, level: EXTRA_MEMBERS[2].level },
  };
  const userOf = (who: Who) => {
    const u = byEmail.get(people[who].email.toLowerCase());
    if (!u) throw new Error(`Community seed: ${people[who].email} is missing`);
    return u;
  };
  await tx
    .insert(memberProfiles)
    .values((Object.keys(people) as Who[]).map((who) => ({ userId: userOf(who).id, handle: people[who].handle, level: people[who].level, approvedPosts: 5 })))
    .onConflictDoNothing();
  const handleRows = await tx.select({ userId: memberProfiles.userId, handle: memberProfiles.handle }).from(memberProfiles).where(inArray(memberProfiles.userId, (Object.keys(people) as Who[]).map((w) => userOf(w).id)));
  const userIdByHandle = new Map(handleRows.map((r) => [r.handle.toLowerCase(), r.userId]));

  // The Q&A thread shows a live card of the demo shop's most viewed tent (or any popular listing).
  const [product] = await tx
    .select({ id: listings.id, slug: listings.slug })
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(and(eq(listings.status, "active"), eq(sellers.status, "approved")))
    .orderBy(sql`(${listings.title} ilike '%tent%') desc`, sql`${listings.viewCount} desc`, listings.slug)
    .limit(1);

  const mentionPattern = new RegExp(`(^|[\\s(])@(${[...userIdByHandle.keys()].map(escapeRegex).join("|")})(?![A-Za-z0-9_-])`, "gi");
  const render = (source: string) => {
    const blocks = source.split(/\n{2,}/);
    const mentions = new Set<string>();
    const listingSlugs = new Set<string>();
    const html = blocks
      .map((block) => {
        const cardMatch = /^\[\[product:([a-z0-9-]+)\]\]$/.exec(block.trim());
        if (cardMatch?.[1]) {
          listingSlugs.add(cardMatch[1]);
          return `<div data-listing-card="${cardMatch[1]}"></div>`;
        }
        return deps.renderMarkdown(block).replace(mentionPattern, (_m, before: string, handle: string) => {
          mentions.add(handle.toLowerCase());
          return `${before}<a href="/community/u/${handle.toLowerCase()}" class="mention">@${handle}</a>`;
        });
      })
      .join("\n");
    return { html, mentions: [...mentions], listingSlugs: [...listingSlugs] };
  };

  const now = Date.now();
  let postCount = 0;
  const specs = threads(product?.slug ?? null);
  for (const [ti, spec] of specs.entries()) {
    const threadId = seededUuid(`demo-thread:${spec.key}`);
    const createdAt = new Date(now - spec.daysAgo * DAY_MS);
    const author = userOf(spec.by);
    const posts = [{ by: spec.by, body: spec.body, parent: undefined as number | undefined, accepted: false, reactions: [] as Who[] }, ...spec.replies.map((r) => ({ parent: undefined, accepted: false, reactions: [], ...r }))];
    const at = (i: number) => new Date(createdAt.getTime() + i * (3 * 3_600_000 + ti * 600_000));
    const slug = spec.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/g, "");
    await tx.insert(forumThreads).values({
      id: threadId,
      categoryId: categoryId.get(spec.category) ?? "",
      authorId: author.id,
      title: spec.title,
      slug,
      status: "visible",
      pinnedAt: spec.pinned ? createdAt : null,
      lockedAt: spec.locked ? createdAt : null,
      replyCount: posts.length - 1,
      lastPostedAt: at(posts.length - 1),
      createdAt,
      updatedAt: at(posts.length - 1),
    });
    const postIds = posts.map((_, i) => seededUuid(`demo-post:${spec.key}:${i + 1}`));
    let acceptedPostId: string | null = null;
    for (const [i, post] of posts.entries()) {
      const rendered = render(post.body);
      const postId = postIds[i] ?? "";
      await tx.insert(forumPosts).values({
        id: postId,
        threadId,
        authorId: userOf(post.by).id,
        parentId: post.parent ? (postIds[post.parent - 1] ?? null) : null,
        number: i + 1,
        bodySource: post.body,
        bodyHtml: rendered.html,
        status: "visible",
        createdAt: at(i),
        updatedAt: at(i),
      });
      postCount += 1;
      const mentioned = rendered.mentions.flatMap((h) => {
        const id = userIdByHandle.get(h);
        return id && id !== userOf(post.by).id ? [{ postId, userId: id }] : [];
      });
      if (mentioned.length) await tx.insert(forumMentions).values(mentioned).onConflictDoNothing();
      if (product && rendered.listingSlugs.includes(product.slug.toLowerCase())) await tx.insert(forumListingMentions).values({ postId, threadId, listingId: product.id }).onConflictDoNothing();
      if (post.reactions.length) await tx.insert(forumReactions).values(post.reactions.map((who) => ({ postId, userId: userOf(who).id, kind: "helpful" as const }))).onConflictDoNothing();
      if (post.accepted) acceptedPostId = postId;
    }
    if (acceptedPostId) await tx.update(forumThreads).set({ acceptedPostId }).where(eq(forumThreads.id, threadId));
    await tx.execute(sql`
      update ${forumThreads} t set search_document =
        setweight(to_tsvector('english', t.title), 'A') ||
        setweight(to_tsvector('english', coalesce((select left(p.body_source, 20000) from ${forumPosts} p where p.thread_id = t.id and p.number = 1), '')), 'B')
      where t.id = ${threadId}`);
  }
  return { threads: specs.length, posts: postCount };
}
