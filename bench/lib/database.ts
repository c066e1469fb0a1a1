/** The benchmark's own PostgreSQL: seeding it, choosing the pages to load, counting its work. */
import { readFileSync, existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { hashPassword, renderMarkdown } from "@agora/core";
import { sql, type Db } from "@agora/db";
import { isSeeded, seedBulkListings, seedDemo } from "@agora/db/seed";
import { DATABASE, log, mediaDir, pgDataDir, seconds, seedRecordFile, SERVER_CORE } from "./context";
import { childPids, pin } from "./processes";

/** PostgreSQL flushes an idle backend's statistics after at most 10 s (PGSTAT_IDLE_INTERVAL). */
export const STATS_SETTLE_MS = 11_000;

export interface SeedRecord {
  /** When the listings were inserted. */
  measuredAt: string;
  demoSeconds: number | null;
  bulkSeconds: number;
  listingsAdded: number;
  activeListings: number;
}

export interface SeedReport {
  activeListings: number;
  reused: boolean;
  /** Timing of the seed that produced this database (this run's, or an earlier run's when reused). */
  record: SeedRecord | null;
}

export async function activeListings(db: Db): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from listings where status = 'active'`);
  return row?.n ?? 0;
}

export async function seedDatabase(db: Db, target: number): Promise<SeedReport> {
  const deps = { hashPassword, renderMarkdown, mediaDir, log: (m: string) => log(`  ${m}`) };
  const demoStarted = performance.now();
  const hadDemo = await isSeeded(db);
  if (!hadDemo) {
    log("seeding the demo marketplace…");
    await seedDemo(db, deps);
  }
  const demoSeconds = hadDemo ? null : seconds(performance.now() - demoStarted);

  const before = await activeListings(db);
  const bulkStarted = performance.now();
  if (before < target) log(`seeding ${(target - before).toLocaleString("en-US")} listings (reruns reuse them)…`);
  await seedBulkListings(db, deps, target);
  const bulkSeconds = seconds(performance.now() - bulkStarted);
  const after = await activeListings(db);

  if (hadDemo && after === before) {
    const previous = existsSync(seedRecordFile) ? (JSON.parse(readFileSync(seedRecordFile, "utf8")) as SeedRecord) : null;
    return { activeListings: after, reused: true, record: previous };
  }
  const record: SeedRecord = {
    measuredAt: new Date().toISOString(),
    demoSeconds,
    bulkSeconds,
    listingsAdded: after - before,
    activeListings: after,
  };
  // Only a seed from an empty database describes "the time to seed"; a top-up is reported but not kept.
  if (!hadDemo) await writeFile(seedRecordFile, `${JSON.stringify(record, null, 2)}\n`);
  return { activeListings: after, reused: false, record };
}

export interface Targets {
  category: { slug: string; name: string; listings: number };
  product: { slug: string; title: string };
}

export async function pickTargets(
  db: Db,
  options: { category?: string | undefined; product?: string | undefined },
): Promise<Targets> {
  const categoryRows = options.category
    ? await db.execute<{ id: string; slug: string; name: string; n: number }>(sql`
        select c.id, c.slug::text as slug, c.name,
          (select count(*)::int from listings l where l.category_id = c.id and l.status = 'active') as n
        from categories c where c.slug = ${options.category}`)
    : await db.execute<{ id: string; slug: string; name: string; n: number }>(sql`
        select c.id, c.slug::text as slug, c.name, count(*)::int as n
        from listings l join categories c on c.id = l.category_id
        where l.status = 'active'
        group by c.id order by n desc, c.slug limit 1`);
  const category = categoryRows[0];
  if (!category)
    throw new Error(options.category ? `No category with slug "${options.category}"` : "The database has no active listings");

  const productRows = options.product
    ? await db.execute<{ slug: string; title: string }>(
        sql`select slug::text as slug, title from listings where slug = ${options.product}`,
      )
    : await db.execute<{ slug: string; title: string }>(sql`
        select slug::text as slug, title from listings
        where category_id = ${category.id} and status = 'active'
        order by view_count desc, slug limit 1`);
  const product = productRows[0];
  if (!product)
    throw new Error(
      options.product ? `No listing with slug "${options.product}"` : `Category ${category.slug} has no active listing`,
    );
  return { category: { slug: category.slug, name: category.name, listings: category.n }, product };
}

export async function databaseTransactions(db: Db): Promise<number> {
  await db.execute(sql`select pg_stat_clear_snapshot()`);
  const [row] = await db.execute<{ n: string }>(sql`
    select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = ${DATABASE}`);
  return Number(row?.n ?? 0);
}

/** The whole server side shares core 0: the postmaster and its current processes, and every later backend. */
export function pinPostgres(): number {
  const pid = Number(readFileSync(path.join(pgDataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  if (!pid) throw new Error("Could not read the PostgreSQL pid from postmaster.pid");
  pin(pid, SERVER_CORE);
  for (const child of childPids(pid)) pin(child, SERVER_CORE);
  return pid;
}
