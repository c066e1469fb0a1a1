/**
 * The demo reviews and Q&A: every review stands on a delivered line of its author, the aggregates are
 * what the visible reviews add up to, answers carry a role their authors hold, and the demo buyer has a
 * delivered order left to review.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { DEMO_ACCOUNTS, seedDemo } from "./index";

const { db } = await useTestDatabase();
let tmp = "";

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "agora-seed-reviews-"));
  await seedDemo(db, {
    hashPassword: async (password) => `test$${password}`,
    renderMarkdown: (source) => `<p>${source.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
    mediaDir: path.join(tmp, "media"),
  });
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = (await db.execute(query)) as unknown as T[];
  if (!row) throw new Error("no row");
  return row;
}

describe("demo reviews and questions", () => {
  it("are consistent with orders, aggregates and roles", async () => {
    const counts = await one<{ reviews: number; replies: number; unverified: number; questions: number; answers: number; bad_roles: number }>(sql`
      select (select count(*)::int from reviews) as reviews,
        (select count(*)::int from reviews where seller_replied_at is not null) as replies,
        (select count(*)::int from reviews r join order_lines l on l.id = r.order_line_id join orders o on o.id = l.order_id
          where o.buyer_id <> r.author_id or o.status <> 'delivered' or l.listing_id <> r.listing_id) as unverified,
        (select count(*)::int from product_questions) as questions,
        (select count(*)::int from product_answers) as answers,
        (select count(*)::int from product_answers a join product_questions q on q.id = a.question_id
          where (a.role = 'seller' and not exists (select 1 from seller_members m where m.user_id = a.author_id and m.seller_id = q.seller_id))
             or (a.role = 'owner' and not exists (select 1 from order_lines l join orders o on o.id = l.order_id
                  where o.buyer_id = a.author_id and o.status = 'delivered' and l.listing_id = q.listing_id))) as bad_roles`);
    expect(counts.reviews).toBeGreaterThanOrEqual(10);
    expect(counts.replies).toBeGreaterThanOrEqual(1);
    expect(counts.unverified).toBe(0);
    expect(counts.questions).toBeGreaterThanOrEqual(3);
    expect(counts.answers).toBeGreaterThanOrEqual(3);
    expect(counts.bad_roles).toBe(0);

    const drift = await one<{ listings: number; sellers: number; search: number }>(sql`
      with truth as (select listing_id, seller_id, count(*)::int as n, sum(rating)::int as total from reviews where status = 'visible' group by listing_id, seller_id)
      select
        (select count(*)::int from truth t left join listing_ratings r on r.listing_id = t.listing_id where r.review_count is distinct from t.n or r.rating_sum is distinct from t.total) as listings,
        (select count(*)::int from (select seller_id, sum(n)::int as n, sum(total)::int as total from truth group by seller_id) t
          left join seller_ratings r on r.seller_id = t.seller_id where r.review_count is distinct from t.n or r.rating_sum is distinct from t.total) as sellers,
        (select count(*)::int from listing_search s join listing_ratings r on r.listing_id = s.listing_id
          where r.review_count > 0 and abs(s.rating_average - r.rating_sum::real / r.review_count) > 0.001) as search`);
    expect(drift).toEqual({ listings: 0, sellers: 0, search: 0 });

    const buyer = await one<{ unreviewed: number }>(sql`
      select count(*)::int as unreviewed from order_lines l join orders o on o.id = l.order_id join users u on u.id = o.buyer_id
      where u.email = ${DEMO_ACCOUNTS.buyer.email} and o.status = 'delivered'
        and not exists (select 1 from reviews r where r.author_id = u.id and r.listing_id = l.listing_id)`);
    expect(buyer.unreviewed).toBe(1);
  });
});
