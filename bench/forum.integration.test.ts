import { getThreadPage, POSTS_PER_PAGE } from "@agora/core";
import { sql } from "@agora/db";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../tooling/vitest/db";
import { seedForumBench } from "./forum";

const { db } = await useTestDatabase();

describe("the forum benchmark's data", () => {
  it("makes a long thread and many threads once, consistent with what the forum writes", async () => {
    const first = await seedForumBench(db, { threads: 40, posts: 120 });
    expect(first.reused).toBe(false);
    const again = await seedForumBench(db, { threads: 40, posts: 120 });
    expect(again).toMatchObject({ reused: true, thread: first.thread });
    const [row] = (await db.execute(sql`
      select (select count(*)::int from forum_threads where title like 'Bench topic %') as topics,
        (select count(*)::int from forum_posts p join forum_threads t on t.id = p.thread_id where t.title like 'Bench topic %') as openings,
        (select reply_count from forum_threads where id = ${first.thread.id}) as replies`)) as unknown as { topics: number; openings: number; replies: number }[];
    expect(row).toEqual({ topics: 40, openings: 40, replies: 119 });
    const pageCount = Math.ceil(120 / POSTS_PER_PAGE);
    const last = await getThreadPage(db, null, first.thread.id, pageCount);
    const firstOnLast = (pageCount - 1) * POSTS_PER_PAGE + 1;
    expect(last.posts.map((p) => p.number)).toEqual(Array.from({ length: 121 - firstOnLast }, (_, i) => firstOnLast + i));
    expect(last.pageCount).toBe(pageCount);
  });
});
