/**
 * The demo stories: two published (one by the marketplace team, one by the demo shop) with live cards
 * recorded in order and a comment thread in the story-comments category, and one draft.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { seedDemo } from "./index";
import { seedStories } from "./stories";

const { db } = await useTestDatabase();
let tmp = "";
const renderMarkdown = (source: string) => `<p>${source.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "agora-seed-stories-"));
  await seedDemo(db, { hashPassword: async (password) => `test$${password}`, renderMarkdown, mediaDir: path.join(tmp, "media") });
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("demo stories", () => {
  it("are published with product cards and comment threads, plus a draft", async () => {
    const rows = (await db.execute(sql`
      select s.slug, s.status, s.seller_id is null as by_team, s.body_html,
        (select count(*)::int from story_listings sl where sl.story_id = s.id) as cards,
        (select c.slug from forum_threads t join forum_categories c on c.id = t.category_id where t.id = s.comment_thread_id) as comment_category
      from stories s order by s.slug`)) as unknown as {
      slug: string;
      status: string;
      by_team: boolean;
      body_html: string;
      cards: number;
      comment_category: string | null;
    }[];
    expect(rows.map((r) => [r.slug, r.status, r.by_team])).toEqual([
      ["caring-for-your-gear", "draft", false],
      ["how-we-test-our-gear", "published", false],
      ["your-first-night-outdoors", "published", true],
    ]);
    for (const r of rows.filter((r) => r.status === "published")) {
      expect(r.cards).toBe(2);
      expect(r.comment_category).toBe("story-comments");
      expect(r.body_html.match(/<div data-listing-card="[a-z0-9-]+"><\/div>/g)).toHaveLength(2);
    }
  });

  it("is a no-op the second time", async () => {
    expect(
      await seedStories(db, {
        renderMarkdown,
        operatorEmail: "operator@agora.test",
        sellerEmail: "seller@agora.test",
        buyerEmail: "shopper@agora.test",
        demoSellerSlug: "northwind-outfitters",
      }),
    ).toEqual({ stories: 0 });
  });
});
