import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { seedDemo } from "./index";

const { db } = await useTestDatabase();
const tmp = await mkdtemp(path.join(os.tmpdir(), "agora-community-seed-"));
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("the demo community", () => {
  it("has threads with consistent numbers and counts, a product card, mentions and an accepted answer", async () => {
    await seedDemo(db, {
      hashPassword: async (p) => `test$${p}`,
      renderMarkdown: (source) => `<p>${source.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
      mediaDir: path.join(tmp, "media"),
    });
    // Only the forum's own categories: story comment threads are seeded with the stories.
    const [row] = (await db.execute(sql`
      with forum as (select t.* from forum_threads t join forum_categories c on c.id = t.category_id where c.slug <> 'story-comments')
      select (select count(*)::int from forum) as threads,
        (select count(*)::int from forum t where t.reply_count <> (select count(*) from forum_posts p where p.thread_id = t.id and p.number > 1)) as bad_counts,
        (select count(*)::int from forum t where (select max(number) from forum_posts p where p.thread_id = t.id) <> (select count(*) from forum_posts p where p.thread_id = t.id)) as gaps,
        (select count(*)::int from forum t join forum_categories c on c.id = t.category_id where c.accepts_answers and t.accepted_post_id is not null) as answered,
        (select count(*)::int from forum_listing_mentions) as listing_mentions,
        (select count(*)::int from forum_mentions) as mentions,
        (select count(*)::int from forum where search_document @@ websearch_to_tsquery('english', 'cast iron')) as found,
        (select count(*)::int from forum_posts where body_html like '%data-listing-card=%') as cards`)) as unknown as Record<string, number>[];
    expect(row).toMatchObject({ threads: 10, bad_counts: 0, gaps: 0, answered: 2, listing_mentions: 1, mentions: 2, found: 1, cards: 1 });
    // Running the seed again adds nothing.
    await seedDemo(db, { hashPassword: async (p) => p, renderMarkdown: (s) => s, mediaDir: path.join(tmp, "media") });
    const [again] = (await db.execute(
      sql`select count(*)::int as threads from forum_threads t join forum_categories c on c.id = t.category_id where c.slug <> 'story-comments'`,
    )) as unknown as { threads: number }[];
    expect(again?.threads).toBe(10);
  });
});
