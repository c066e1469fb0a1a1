/**
 * Forum pages under a big community: the server render time (one request at a time, so the time is
 * the server's, not a queue's) of a thread with 1,000 posts — its first and last pages —
 * of the forum index over 10,000 threads, and of a category page. The data is generated once in the
 * benchmark database and reused by later runs.
 */
import { ensureForumCategories, POSTS_PER_PAGE, threadHref } from "@agora/core";
import { sql, type Db } from "@agora/db";
import { log } from "./lib/context";
import { timedFetch } from "./lib/storefront";

export const FORUM_BENCH_DEFAULTS = { threads: 10_000, posts: 1_000, requests: 40, warmup: 10 } as const;
/** The thread page's budget: 1,000 posts must not make a thread slow to open. */
export const THREAD_P95_BUDGET_MS = 150;

const BIG_THREAD_TITLE = "Bench: one thread with many replies";
const TOPIC_PREFIX = "Bench topic";
const MEMBERS = 50;

export interface ForumPageTiming {
  id: "thread-first" | "thread-last" | "index" | "category";
  label: string;
  path: string;
  bytes: number;
  requests: number;
  latencyMs: { p50: number; p95: number; max: number; mean: number };
}

export interface ForumBenchResult {
  threads: number;
  postsInBigThread: number;
  seeded: { reused: boolean; seconds: number };
  pages: ForumPageTiming[];
  threadBudgetMs: number;
  threadWithinBudget: boolean;
}

async function one<T>(db: Db, query: ReturnType<typeof sql>): Promise<T | undefined> {
  return ((await db.execute(query)) as unknown as T[])[0];
}

/** Creates the members, the big thread and the many threads that are missing; returns the big thread. */
export async function seedForumBench(db: Db, target: { threads: number; posts: number }): Promise<{ thread: { id: string; slug: string }; reused: boolean; seconds: number }> {
  const started = performance.now();
  await ensureForumCategories(db);
  let reused = true;

  const members = await one<{ n: number }>(db, sql`select count(*)::int as n from member_profiles where handle::text like 'bench-member-%'`);
  if ((members?.n ?? 0) < MEMBERS) {
    reused = false;
    await db.execute(sql`
      insert into users (email, name)
      select 'bench-member-' || i || '@bench.agora.test', 'Bench Member ' || i from generate_series(1, ${MEMBERS}::int) i
      on conflict (email) do nothing`);
    await db.execute(sql`
      insert into member_profiles (user_id, handle, level)
      select u.id, 'bench-member-' || split_part(split_part(u.email::text, '@', 1), '-', 3), 1
      from users u where u.email::text like 'bench-member-%@bench.agora.test'
      on conflict do nothing`);
  }
  const authors = sql`(select array_agg(user_id order by handle) from member_profiles where handle::text like 'bench-member-%')`;

  let big = await one<{ id: string; slug: string }>(db, sql`select id, slug from forum_threads where title = ${BIG_THREAD_TITLE}`);
  if (!big) {
    reused = false;
    big = await one<{ id: string; slug: string }>(
      db,
      sql`insert into forum_threads (category_id, author_id, title, slug, created_at)
        select c.id, (${authors})[1], ${BIG_THREAD_TITLE}::text, 'bench-one-thread-with-many-replies', now() - interval '30 days'
        from forum_categories c where c.slug = 'general'
        returning id, slug`,
    );
    if (!big) throw new Error("could not create the benchmark thread");
  }
  const posts = await one<{ n: number }>(db, sql`select count(*)::int as n from forum_posts where thread_id = ${big.id}`);
  if ((posts?.n ?? 0) < target.posts) {
    reused = false;
    await db.execute(sql`
      with a as (select ${authors} as ids)
      insert into forum_posts (thread_id, author_id, parent_id, number, body_source, body_html, created_at)
      select ${big.id}::uuid, a.ids[1 + (n % ${MEMBERS}::int)], null, n,
        'Reply ' || n || ': I have used mine for two seasons now. The **zip** still runs smoothly and the seams have held in heavy rain.',
        '<p>Reply ' || n || ': I have used mine for two seasons now. The <strong>zip</strong> still runs smoothly and the seams have held in heavy rain.</p>' ||
        '<p>One tip: pitch it with the narrow end into the wind, and carry two extra pegs for the windward side. ' ||
        'It packs down small enough for a 40 litre pack, which matters more than the weight on long trips.</p>',
        now() - interval '30 days' + n * interval '30 minutes'
      from a, generate_series(${(posts?.n ?? 0) + 1}::int, ${target.posts}::int) n`);
    await db.execute(sql`
      insert into forum_reactions (post_id, user_id, kind)
      select p.id, mp.user_id, 'helpful' from forum_posts p
      join lateral (select user_id from member_profiles where handle::text like 'bench-member-%' order by handle limit 3) mp on true
      where p.thread_id = ${big.id} and p.number % 3 = 0
      on conflict do nothing`);
    await db.execute(sql`
      update forum_threads t set
        reply_count = (select count(*) from forum_posts p where p.thread_id = t.id and p.number > 1 and p.status = 'visible'),
        last_posted_at = (select max(created_at) from forum_posts p where p.thread_id = t.id),
        search_document = setweight(to_tsvector('english', t.title), 'A')
      where t.id = ${big.id}`);
  }

  const topics = await one<{ n: number }>(db, sql`select count(*)::int as n from forum_threads where title like ${`${TOPIC_PREFIX} %`}`);
  const have = topics?.n ?? 0;
  if (have < target.threads) {
    reused = false;
    await db.execute(sql`
      with a as (select ${authors} as ids),
      c as (select array_agg(id order by position) as ids from forum_categories where slug::text in ('questions', 'general', 'show-and-tell'))
      insert into forum_threads (category_id, author_id, title, slug, reply_count, last_posted_at, created_at)
      select c.ids[1 + (n % 3)], a.ids[1 + (n % ${MEMBERS}::int)], ${TOPIC_PREFIX}::text || ' ' || n || ': which stove for winter camping?',
        'bench-topic-' || n, n % 17, now() - (n * interval '7 minutes'), now() - (n * interval '7 minutes') - interval '1 day'
      from a, c, generate_series(${have + 1}::int, ${target.threads}::int) n`);
    await db.execute(sql`
      insert into forum_posts (thread_id, author_id, number, body_source, body_html, created_at)
      select t.id, t.author_id, 1, 'Looking for a stove that works below freezing.', '<p>Looking for a stove that works below freezing.</p>', t.created_at
      from forum_threads t where t.title like ${`${TOPIC_PREFIX} %`}
        and not exists (select 1 from forum_posts p where p.thread_id = t.id)`);
    await db.execute(sql`
      update forum_threads set search_document = setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', 'Looking for a stove that works below freezing.'), 'B')
      where title like ${`${TOPIC_PREFIX} %`} and search_document = ''::tsvector`);
  }
  await db.execute(sql`analyze forum_threads`);
  await db.execute(sql`analyze forum_posts`);
  return { thread: big, reused, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function getOk(url: string, path: string): Promise<number> {
  const res = await timedFetch(url);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return res.body.length;
}

/**
 * One request at a time, so each time is one full server render and response. Every page is warmed up
 * first, then the pages take turns, so a noisy moment on the shared machine hits them all alike.
 */
export async function timePages(base: string, plan: Omit<ForumPageTiming, "bytes" | "requests" | "latencyMs">[], requests: number, warmup: number): Promise<ForumPageTiming[]> {
  const bytes = new Map<string, number>();
  for (const page of plan) for (let i = 0; i < warmup; i++) bytes.set(page.id, await getOk(`${base}${page.path}`, page.path));
  const times = new Map<string, number[]>(plan.map((p) => [p.id, []]));
  for (let i = 0; i < requests; i++)
    for (const page of plan) {
      const started = performance.now();
      bytes.set(page.id, await getOk(`${base}${page.path}`, page.path));
      times.get(page.id)?.push(performance.now() - started);
    }
  const round = (n: number) => Math.round(n * 10) / 10;
  return plan.map((page) => {
    const all = times.get(page.id) ?? [];
    const sorted = [...all].sort((a, b) => a - b);
    return {
      ...page,
      bytes: bytes.get(page.id) ?? 0,
      requests,
      latencyMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? 0), mean: round(all.reduce((s, t) => s + t, 0) / (all.length || 1)) },
    };
  });
}

export async function runForumBench(db: Db, base: string, options: { threads?: number; posts?: number; requests?: number; warmup?: number } = {}): Promise<ForumBenchResult> {
  const threads = options.threads ?? FORUM_BENCH_DEFAULTS.threads;
  const postsInBigThread = options.posts ?? FORUM_BENCH_DEFAULTS.posts;
  const requests = options.requests ?? FORUM_BENCH_DEFAULTS.requests;
  const warmup = options.warmup ?? FORUM_BENCH_DEFAULTS.warmup;
  const seeded = await seedForumBench(db, { threads, posts: postsInBigThread });
  log(`forum: ${seeded.reused ? "reusing" : "generated"} ${threads.toLocaleString("en-US")} threads and a ${postsInBigThread.toLocaleString("en-US")}-post thread (${seeded.seconds} s)`);
  const lastPage = Math.max(1, Math.ceil(postsInBigThread / POSTS_PER_PAGE));
  const plan: Omit<ForumPageTiming, "bytes" | "requests" | "latencyMs">[] = [
    { id: "thread-first", label: `thread with ${postsInBigThread.toLocaleString("en-US")} posts, first page`, path: threadHref(seeded.thread) },
    { id: "thread-last", label: `thread with ${postsInBigThread.toLocaleString("en-US")} posts, last page`, path: threadHref(seeded.thread, lastPage) },
    { id: "index", label: `forum index over ${threads.toLocaleString("en-US")} threads`, path: "/community" },
    { id: "category", label: "category page (General)", path: "/community/c/general" },
  ];
  const pages = await timePages(base, plan, requests, warmup);
  for (const timing of pages) log(`  ${timing.label}: p50 ${timing.latencyMs.p50} ms, p95 ${timing.latencyMs.p95} ms (${timing.bytes.toLocaleString("en-US")} bytes)`);
  const threadP95 = Math.max(...pages.filter((p) => p.id.startsWith("thread")).map((p) => p.latencyMs.p95));
  return { threads, postsInBigThread, seeded: { reused: seeded.reused, seconds: seeded.seconds }, pages, threadBudgetMs: THREAD_P95_BUDGET_MS, threadWithinBudget: threadP95 <= THREAD_P95_BUDGET_MS };
}

export function forumMarkdown(forum: ForumBenchResult | undefined | null): string[] {
  if (!forum) return [];
  return [
    "",
    "## Forum pages",
    "",
    `Server render time of community pages, one request at a time, the pages taking turns after ${FORUM_BENCH_DEFAULTS.warmup} warm-up requests each (next start and PostgreSQL on core 0): ` +
      `${forum.threads.toLocaleString("en-US")} threads, one of them with ${forum.postsInBigThread.toLocaleString("en-US")} posts shown ${POSTS_PER_PAGE} to a page. ` +
      `Thread pages ${forum.threadWithinBudget ? "meet" : "miss"} the ${forum.threadBudgetMs} ms p95 budget.`,
    "",
    "| page | path | bytes | requests | p50 ms | p95 ms | max ms |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...forum.pages.map((p) => `| ${p.label} | \`${p.path}\` | ${p.bytes.toLocaleString("en-US")} | ${p.requests} | ${p.latencyMs.p50} | ${p.latencyMs.p95} | ${p.latencyMs.max} |`),
  ];
}
