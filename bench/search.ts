/**
 * Search benchmark: latency of the core search use-case (searchCatalog, what the `search` procedure
 * and the /search page call) with N clients searching at once against the 100k-listing database,
 * and of the autocomplete (suggestCatalog). Measured at the server: the time of each call, in-process.
 *
 * The queries are a realistic mix drawn from the catalog itself: misspelt words, prefixes as typed,
 * several words, the same with facet filters (category, price, delivery speed, pickup), other sorts,
 * and second pages through a cursor.
 *
 * Run by run.ts as a child process pinned to the server core (bench/search-child.ts), or directly:
 *   node --import tsx bench/search-child.ts '{"databaseUrl":"postgres://…","concurrency":10,"durationSeconds":20,"warmupSeconds":3}'
 */
import { searchCatalog, suggestCatalog } from "@agora/core";
import { createDb, sql, type Db } from "@agora/db";
import { searchInputSchema, type SearchInputRaw } from "@agora/validators";

export const SEARCH_RESULT_PREFIX = "SEARCH_RESULT ";

export interface SearchBenchRequest {
  databaseUrl: string;
  concurrency: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Seconds of autocomplete calls after the searches; 0 skips them. */
  suggestSeconds?: number;
  /** Also run the clients over this many shared database connections (0 or absent: skip). */
  smallPoolSize?: number;
}

export type QueryKind = "typo" | "prefix" | "words" | "facets" | "sorted" | "next-page";

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SearchBenchResult {
  activeListings: number;
  concurrency: number;
  durationSeconds: number;
  queries: number;
  searches: number;
  searchesPerSecond: number;
  latencyMs: Latency;
  byKind: Record<QueryKind, { count: number; latencyMs: Latency; meanResults: number }>;
  suggest: { calls: number; callsPerSecond: number; latencyMs: Latency } | null;
  /**
   * Every query of the mix once, one at a time, after the concurrent run: what a search costs with
   * nothing else running (the service time the concurrent latencies queue behind).
   */
  alone: { searches: number; meanMs: number; latencyMs: Latency; byKind: Record<QueryKind, Latency> };
  /** The same concurrent run with the clients sharing fewer database connections (null: not run). */
  smallPool: { poolSize: number; searchesPerSecond: number; latencyMs: Latency } | null;
  errors: number;
  examples: Record<QueryKind, string[]>;
}

export interface BenchQuery {
  kind: QueryKind;
  input: SearchInputRaw;
}

/** A deterministic pseudo-random sequence, so every run asks the same questions. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A typing mistake in the middle of a word: two neighbouring letters swapped ("chianti" → "chainti"). */
function misspell(word: string, r: number): string {
  const i = 1 + Math.floor(r * (word.length - 3));
  return word.slice(0, i) + (word[i + 1] ?? "") + (word[i] ?? "") + word.slice(i + 2);
}

export async function buildQueries(db: Db): Promise<BenchQuery[]> {
  const random = seeded(42);
  const pick = <T>(items: T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error("the benchmark database has no data to build queries from");
    return item;
  };
  // Title words people would type (5+ letters, used by at least 50 listings), and brand + noun pairs.
  const words = (
    await db.execute<{ word: string }>(sql`
      select word from (
        select regexp_split_to_table(lower(title), '[^a-z]+') as word from listings where status = 'active'
      ) w where length(word) >= 5 group by word having count(*) >= 50 order by word`)
  ).map((r) => r.word);
  const titles = (
    await db.execute<{ title: string }>(sql`select title from listings where status = 'active' order by md5(id::text) limit 200`)
  ).map((r) => r.title.toLowerCase());
  const categories = (await db.execute<{ slug: string }>(sql`select slug::text as slug from categories order by slug`)).map((r) => r.slug);
  const sellers = (await db.execute<{ slug: string }>(sql`select slug::text as slug from sellers where status = 'approved' order by slug`)).map(
    (r) => r.slug,
  );
  const prices = ["0-25", "25-50", "50-100", "100-250", "250-"] as const;
  const twoWords = () => {
    const parts = pick(titles).split(/\s+/).filter((p) => /^[a-z]{3,}$/.test(p));
    const start = Math.floor(random() * Math.max(1, parts.length - 1));
    return parts.slice(start, start + 2).join(" ") || pick(words);
  };

  const queries: BenchQuery[] = [];
  for (let i = 0; i < 40; i++) queries.push({ kind: "typo", input: { q: misspell(pick(words), random()) } });
  for (let i = 0; i < 40; i++) {
    const word = pick(words);
    queries.push({ kind: "prefix", input: { q: word.slice(0, 3 + Math.floor(random() * 3)) } });
  }
  for (let i = 0; i < 40; i++) queries.push({ kind: "words", input: { q: twoWords() } });
  for (let i = 0; i < 40; i++) {
    const facets: SearchInputRaw = { q: random() < 0.5 ? pick(words) : twoWords() };
    const r = random();
    if (r < 0.3) facets.categories = [pick(categories)];
    else if (r < 0.5) facets.sellers = [pick(sellers), pick(sellers)];
    if (random() < 0.5) facets.prices = [pick([...prices]), pick([...prices])];
    if (random() < 0.3) facets.deliveryWithin = pick([2, 3, 5] as const);
    if (random() < 0.2) facets.pickup = true;
    if (random() < 0.2) facets.includeOutOfStock = true;
    queries.push({ kind: "facets", input: facets });
  }
  for (let i = 0; i < 20; i++)
    queries.push({ kind: "sorted", input: { q: pick(words), sort: pick(["price-asc", "price-desc", "newest"] as const) } });
  // Second pages: the cursor a first page handed out.
  for (let i = 0; i < 20; i++) {
    const input: SearchInputRaw = { q: pick(words), sort: pick(["relevance", "price-asc"] as const) };
    const first = await searchCatalog(db, searchInputSchema.parse(input));
    if (first.pageInfo.nextCursor) queries.push({ kind: "next-page", input: { ...input, cursor: first.pageInfo.nextCursor } });
  }
  // Shuffled, so the clients do not all ask the same kind at once.
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queries[i], queries[j]] = [queries[j] as BenchQuery, queries[i] as BenchQuery];
  }
  return queries;
}

/** The storefront address of a search, as its search box and filters write it (see the storefront's searchHref). */
export function searchPagePath(input: SearchInputRaw): string {
  const query = new URLSearchParams();
  if (input.q) query.set("q", input.q);
  for (const c of input.categories ?? []) query.append("category", c);
  for (const s of input.sellers ?? []) query.append("seller", s);
  for (const p of input.prices ?? []) query.append("price", p);
  if (input.deliveryWithin != null) query.set("delivery", String(input.deliveryWithin));
  if (input.minRating != null) query.set("rating", String(input.minRating));
  if (input.pickup) query.set("pickup", "1");
  if (input.includeOutOfStock) query.set("stock", "all");
  if (input.sort && input.sort !== "relevance") query.set("sort", input.sort);
  if (input.cursor) query.set("cursor", input.cursor);
  return `/search?${query.toString()}`;
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) };
}

/** N clients call `call` back to back until the deadline; only calls started after the warm-up count. */
async function hammer<T>(
  items: T[],
  concurrency: number,
  warmupMs: number,
  durationMs: number,
  call: (item: T) => Promise<number>,
): Promise<{ samples: { item: T; ms: number; results: number }[]; errors: number; measuredMs: number }> {
  const samples: { item: T; ms: number; results: number }[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const item = items[next++ % items.length] as T;
        const t0 = performance.now();
        try {
          const results = await call(item);
          if (t0 >= measureFrom) samples.push({ item, ms: performance.now() - t0, results });
        } catch (error) {
          errors++;
          if (errors <= 3) console.error(error);
        }
      }
    }),
  );
  return { samples, errors, measuredMs: performance.now() - measureFrom };
}

export async function benchSearch(request: SearchBenchRequest): Promise<SearchBenchResult> {
  const { db, close } = createDb(request.databaseUrl, { max: request.concurrency });
  try {
    const [count] = await db.execute<{ n: number }>(sql`select count(*)::int as n from listing_search`);
    const activeListings = count?.n ?? 0;
    if (activeListings === 0) throw new Error("No search documents: seed the database (npm run db:seed -- --listings 100000) first.");
    const queries = await buildQueries(db);
    const parsed = queries.map((q) => ({ kind: q.kind, input: searchInputSchema.parse(q.input) }));

    const run = await hammer(parsed, request.concurrency, request.warmupSeconds * 1000, request.durationSeconds * 1000, async (q) => {
      const result = await searchCatalog(db, q.input);
      return result.total;
    });
    const kinds: QueryKind[] = ["typo", "prefix", "words", "facets", "sorted", "next-page"];
    const byKind = Object.fromEntries(
      kinds.map((kind) => {
        const of = run.samples.filter((s) => s.item.kind === kind);
        const meanResults = of.length ? Math.round(of.reduce((sum, s) => sum + s.results, 0) / of.length) : 0;
        return [kind, { count: of.length, latencyMs: latency(of.map((s) => s.ms)), meanResults }];
      }),
    ) as SearchBenchResult["byKind"];
    const examples = Object.fromEntries(
      kinds.map((kind) => [
        kind,
        queries
          .filter((q) => q.kind === kind)
          .slice(0, 3)
          .map((q) => new URLSearchParams(Object.entries(q.input).flatMap(([k, v]) => (k === "cursor" ? [[k, "…"]] : [[k, String(v)]]))).toString()),
      ]),
    ) as SearchBenchResult["examples"];

    // One at a time: each query of the mix once.
    const aloneSamples: { kind: QueryKind; ms: number }[] = [];
    for (const q of parsed) {
      const t0 = performance.now();
      await searchCatalog(db, q.input);
      aloneSamples.push({ kind: q.kind, ms: performance.now() - t0 });
    }
    const alone: SearchBenchResult["alone"] = {
      searches: aloneSamples.length,
      meanMs: Math.round((aloneSamples.reduce((sum, x) => sum + x.ms, 0) / Math.max(1, aloneSamples.length)) * 100) / 100,
      latencyMs: latency(aloneSamples.map((x) => x.ms)),
      byKind: Object.fromEntries(kinds.map((kind) => [kind, latency(aloneSamples.filter((x) => x.kind === kind).map((x) => x.ms))])) as Record<
        QueryKind,
        Latency
      >,
    };

    // The same clients over fewer connections: searches are CPU-bound, and on one core ten statements at
    // once contend with each other; queued for a connection, they run in turns.
    let smallPool: SearchBenchResult["smallPool"] = null;
    if (request.smallPoolSize && request.smallPoolSize < request.concurrency) {
      const pooled = createDb(request.databaseUrl, { max: request.smallPoolSize });
      try {
        const r = await hammer(parsed, request.concurrency, request.warmupSeconds * 1000, request.durationSeconds * 1000, async (q) => {
          const result = await searchCatalog(pooled.db, q.input);
          return result.total;
        });
        run.errors += r.errors;
        smallPool = {
          poolSize: request.smallPoolSize,
          searchesPerSecond: Math.round((r.samples.length / (r.measuredMs / 1000)) * 10) / 10,
          latencyMs: latency(r.samples.map((x) => x.ms)),
        };
      } finally {
        await pooled.close();
      }
    }

    let suggest: SearchBenchResult["suggest"] = null;
    const suggestSeconds = request.suggestSeconds ?? 10;
    if (suggestSeconds > 0) {
      // What the box asks while someone types a query: every prefix of it from two letters on.
      const prefixes = queries
        .filter((q) => q.kind !== "next-page")
        .flatMap((q) => {
          const text = String(q.input.q ?? "");
          return Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => text.slice(0, i + 2));
        });
      const s = await hammer(prefixes, request.concurrency, 1000, suggestSeconds * 1000, async (prefix) => {
        const r = await suggestCatalog(db, prefix);
        return r.listings.length + r.categories.length;
      });
      suggest = {
        calls: s.samples.length,
        callsPerSecond: Math.round((s.samples.length / (s.measuredMs / 1000)) * 10) / 10,
        latencyMs: latency(s.samples.map((x) => x.ms)),
      };
      run.errors += s.errors;
    }

    return {
      activeListings,
      concurrency: request.concurrency,
      durationSeconds: request.durationSeconds,
      queries: queries.length,
      searches: run.samples.length,
      searchesPerSecond: Math.round((run.samples.length / (run.measuredMs / 1000)) * 10) / 10,
      latencyMs: latency(run.samples.map((s) => s.ms)),
      byKind,
      suggest,
      alone,
      smallPool,
      errors: run.errors,
      examples,
    };
  } finally {
    await close();
  }
}
