/**
 * The search page as shoppers get it from the storefront: `next start` answering /search addresses,
 * each search's results cached per question by the storefront (expired by tag on every catalog, stock,
 * rating or delivery change). First every distinct search of the benchmark mix is requested once, one
 * at a time (a cache miss: the search itself plus the page render); then N connections request the same
 * addresses in turn (repeated searches, as popular searches are), measured like the pages.
 */
import type { Db } from "@agora/db";
import type { LoadRequest, LoadResult } from "../protocol";
import { buildQueries, latency, searchPagePath, type Latency } from "../search";

export interface SearchPagesResult {
  searches: number;
  /** Each distinct search requested once, one at a time: nothing cached for it yet. */
  firstRequestMs: Latency;
  /** The same addresses again, by `connections` clients at once. */
  repeated: LoadResult;
}

export async function benchSearchPages(
  db: Db,
  base: string,
  options: { connections: number; duration: number },
  runLoad: (request: LoadRequest, name: string) => Promise<LoadResult>,
): Promise<SearchPagesResult> {
  const paths = [...new Set((await buildQueries(db)).map((q) => searchPagePath(q.input)))];
  const first: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    first.push(performance.now() - started);
  }
  const repeated = await runLoad({ url: `${base}/`, paths, connections: options.connections, duration: options.duration, warmup: 2 }, "search-pages");
  return { searches: paths.length, firstRequestMs: latency(first), repeated };
}
