/**
 * `npm run bench`: how fast the storefront serves its catalog pages with a 100k-listing catalog,
 * as ratios to two ceilings measured in the same run:
 *   - the machine's ceiling: a bare Node `http` server returning the very same HTML bytes;
 *   - the framework's ceiling: a fully static page (/about) of the same Next build.
 * The server side (Next, PostgreSQL, the bare server) is pinned to core 0 and the load generator
 * (autocannon, in a child process) to core 1, so the two never fight over a core.
 *
 * See bench/README.md for how to run it and how to read the numbers.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@agora/db";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@agora/db/embedded";
import { migrateDatabase } from "@agora/db/migrate";
import {
  benchDir,
  buildDir,
  categoryPath,
  DATABASE,
  LOAD_CORE,
  log,
  logsDir,
  mediaDir,
  pgDataDir,
  PORTS,
  productPath,
  resultsDir,
  root,
  SERVER_CORE,
  sleep,
  STATIC_PATH,
  tail,
} from "./lib/context";
import { databaseTransactions, pickTargets, pinPostgres, seedDatabase, STATS_SETTLE_MS } from "./lib/database";
import { benchSearchPages } from "./lib/search-pages";
import {
  cpuList,
  cpuPressureMicros,
  cpuSeconds,
  managed,
  portIsFree,
  signalGroup,
  startPinned,
  stopManaged,
  waitForHttp,
  waitForLine,
} from "./lib/processes";
import { startFloorPage } from "./lib/floor";
import { LIGHTHOUSE_PACKAGE, runLighthouse, type LighthouseResult } from "./lib/lighthouse";
import { fmt, fmtRps, pct, writeResults, type TargetId, type TargetReport } from "./lib/report";
import { buildStorefront, capturePage, nextBin } from "./lib/storefront";
import { CHECKOUT_RESULT_PREFIX, type CheckoutBenchRequest, type CheckoutBenchResult } from "./checkout";
import { runForumBench } from "./forum";
import { SEARCH_RESULT_PREFIX, type SearchBenchRequest, type SearchBenchResult } from "./search";
import { RESULT_PREFIX, type LoadRequest, type LoadResult } from "./protocol";

const HELP = `Usage: npm run bench -- [options]

  --listings N      active listings in the benchmark database (default 100000)
  --duration S      seconds of measured load per target (default 10)
  --warmup S        seconds of unmeasured load before each measurement (default 3)
  --connections N   concurrent connections (default 50)
  --category SLUG   category page to load (default: the category with the most listings)
  --product SLUG    product page to load (default: the most viewed listing of that category)
  --rounds N        measure every target N times, interleaved, and keep each one's median run (default 1)
  --skip-build      reuse the previous benchmark build (.data/bench-storefront) instead of building
  --search-concurrency N   clients searching at once (default 10)
  --checkout-concurrency LIST  shoppers checking out at once, comma-separated (default 10,50)
  --lighthouse-runs N  Lighthouse runs per page (static reference, home, category, product, search), median kept (default 5)
  --skip-lighthouse    leave Lighthouse out
  --forum-requests N   sequential requests per forum page (default 40, after 10 warm-up ones; 0 leaves the forum out)
  -h, --help        show this help`;

interface Options {
  listings: number;
  duration: number;
  warmup: number;
  connections: number;
  category: string | undefined;
  product: string | undefined;
  rounds: number;
  skipBuild: boolean;
  checkoutConcurrency: number[];
  searchConcurrency: number;
  lighthouseRuns: number;
  skipLighthouse: boolean;
  forumRequests: number;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      listings: { type: "string", default: "100000" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "50" },
      category: { type: "string" },
      product: { type: "string" },
      rounds: { type: "string", default: "1" },
      "skip-build": { type: "boolean", default: false },
      "checkout-concurrency": { type: "string", default: "10,50" },
      "search-concurrency": { type: "string", default: "10" },
      "lighthouse-runs": { type: "string", default: "5" },
      "skip-lighthouse": { type: "boolean", default: false },
      "forum-requests": { type: "string", default: "40" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const whole = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} needs a whole number of at least ${min}, got "${raw}"`);
    return n;
  };
  return {
    listings: whole("listings", values.listings, 1),
    duration: whole("duration", values.duration, 1),
    warmup: whole("warmup", values.warmup, 0),
    connections: whole("connections", values.connections, 1),
    category: values.category,
    product: values.product,
    rounds: whole("rounds", values.rounds, 1),
    skipBuild: values["skip-build"],
    searchConcurrency: whole("search-concurrency", values["search-concurrency"], 1),
    checkoutConcurrency: values["checkout-concurrency"].split(",").map((n) => whole("checkout-concurrency", n.trim(), 1)),
    lighthouseRuns: whole("lighthouse-runs", values["lighthouse-runs"], 1),
    skipLighthouse: values["skip-lighthouse"],
    forumRequests: whole("forum-requests", values["forum-requests"], 0),
  };
}

class UsageError extends Error {}

async function runLoad(request: LoadRequest, name: string): Promise<LoadResult> {
  const logFile = path.join(logsDir, `load-${name}.log`);
  const entry = startPinned(
    `load generator (${name})`,
    LOAD_CORE,
    [process.execPath, "--import", "tsx", path.join(benchDir, "load.ts"), JSON.stringify(request)],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production" },
      logFile,
    },
  );
  const limitMs = (request.warmup + request.duration + 60) * 1000;
  const code = await Promise.race([entry.exited, sleep(limitMs).then(() => "timeout" as const)]);
  if (code === "timeout") {
    await stopManaged(entry);
    throw new Error(`The load run against ${request.url} did not finish within ${limitMs / 1000} s:\n${tail(logFile)}`);
  }
  await sleep(50); // let the log stream flush
  const line = readFileSync(logFile, "utf8")
    .split("\n")
    .find((l) => l.startsWith(RESULT_PREFIX));
  if (code !== 0 || !line) throw new Error(`The load run against ${request.url} failed (exit ${code}):\n${tail(logFile)}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as LoadResult;
}

/**
 * A benchmark that runs as the server side (checkout, search): a child process pinned to the server
 * core, printing one line `PREFIX{json}` with its result.
 */
async function runChildBench<T>(name: string, child: string, prefix: string, request: unknown, limitMs: number): Promise<T> {
  const logFile = path.join(logsDir, `${name}.log`);
  const entry = startPinned(
    `${name} benchmark`,
    SERVER_CORE,
    [process.execPath, "--import", "tsx", path.join(benchDir, child), JSON.stringify(request)],
    { cwd: root, env: { ...process.env, NODE_ENV: "production" }, logFile },
  );
  const code = await Promise.race([entry.exited, sleep(limitMs).then(() => "timeout" as const)]);
  if (code === "timeout") {
    await stopManaged(entry);
    throw new Error(`The ${name} benchmark did not finish within ${limitMs / 1000} s:\n${tail(logFile)}`);
  }
  await sleep(50);
  const line = readFileSync(logFile, "utf8")
    .split("\n")
    .find((l) => l.startsWith(prefix));
  if (code !== 0 || !line) throw new Error(`The ${name} benchmark failed (exit ${code}):\n${tail(logFile)}`);
  return JSON.parse(line.slice(prefix.length)) as T;
}

const runCheckoutBench = (request: CheckoutBenchRequest) =>
  runChildBench<CheckoutBenchResult>(
    "checkout",
    "checkout-child.ts",
    CHECKOUT_RESULT_PREFIX,
    request,
    (request.concurrency.length * (request.warmupSeconds + request.durationSeconds) + 120) * 1000,
  );

const runSearchBench = (request: SearchBenchRequest) =>
  runChildBench<SearchBenchResult>(
    "search",
    "search-child.ts",
    SEARCH_RESULT_PREFIX,
    request,
    (request.warmupSeconds + request.durationSeconds + (request.suggestSeconds ?? 0) + 120) * 1000,
  );

async function main() {
  const options = readOptions();
  if (os.availableParallelism() < 2)
    throw new Error("The benchmark needs at least 2 cores: the server and the load generator get one each.");
  try {
    execFileSync("taskset", ["-c", SERVER_CORE, "true"], { stdio: "ignore" });
  } catch {
    throw new Error("`taskset` is missing or cannot pin to core 0 (Debian: apt-get install util-linux).");
  }
  for (const port of Object.values(PORTS)) {
    if (!(await portIsFree(port)))
      throw new Error(`Port ${port} is already in use (another benchmark still running?). The benchmark uses ports 3400–3402.`);
  }
  await mkdir(logsDir, { recursive: true });
  await mkdir(path.join(resultsDir, "pages"), { recursive: true });
  await mkdir(mediaDir, { recursive: true });

  // 1. Database: a dedicated, persistent embedded PostgreSQL, so reruns reuse the seed.
  log(`starting the benchmark PostgreSQL (data in ${path.relative(root, pgDataDir)})…`);
  const pgLog = createWriteStream(path.join(logsDir, "postgres.log"));
  let pg: EmbeddedServer | null = await startEmbeddedPostgres({
    dataDir: pgDataDir,
    port: await freePort(),
    log: (m) => pgLog.write(m),
  });
  const stopPg = async () => {
    const server = pg;
    pg = null;
    if (server) await server.stop();
  };
  cleanupTasks.push(stopPg);
  await pg.createDatabase(DATABASE);
  const databaseUrl = pg.url(DATABASE);
  await migrateDatabase(databaseUrl);
  const { db, close } = createDb(databaseUrl, { max: 4 });
  cleanupTasks.push(close);

  const seed = await seedDatabase(db, options.listings);
  if (seed.reused) log(`reusing the seeded database: ${seed.activeListings.toLocaleString("en-US")} active listings`);
  else
    log(
      `seeded: ${seed.activeListings.toLocaleString("en-US")} active listings (demo ${seed.record?.demoSeconds ?? "—"} s, bulk ${seed.record?.bulkSeconds} s)`,
    );
  if (seed.activeListings > options.listings * 1.05) {
    log(
      `note: the database holds more listings than --listings ${options.listings}; delete ${path.relative(root, pgDataDir)} to reseed smaller`,
    );
  }
  const targets = await pickTargets(db, options);
  log(
    `category: ${targets.category.slug} (${targets.category.listings.toLocaleString("en-US")} listings); product: ${targets.product.slug}`,
  );

  // 2. Build and start the storefront, pinned to the server core.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    MEDIA_DIR: mediaDir,
    STOREFRONT_URL: `http://127.0.0.1:${PORTS.next}`,
    SELLER_URL: process.env.SELLER_URL ?? "http://localhost:3001",
  };
  const build = await buildStorefront(env, options.skipBuild);
  if (!build.staticPagePrerendered)
    log(`warning: ${STATIC_PATH} was not prerendered by next build; the "static page" reference is not static`);

  const pgPid = pinPostgres();
  log(`starting next start on :${PORTS.next} (taskset -c ${SERVER_CORE})…`);
  const next = startPinned(
    "next start",
    SERVER_CORE,
    [process.execPath, nextBin(), "start", "-p", String(PORTS.next), "-H", "127.0.0.1"],
    {
      cwd: buildDir,
      env,
      logFile: path.join(logsDir, "next-start.log"),
    },
  );
  cleanupTasks.push(() => stopManaged(next));
  const base = `http://127.0.0.1:${PORTS.next}`;
  await waitForHttp(next, `${base}${STATIC_PATH}`, 90_000);

  // 3. First requests fill the caches; the second response is the page the references serve.
  const pages = {
    static: await capturePage(`${base}${STATIC_PATH}`, "static page", "About Agora"),
    category: await capturePage(`${base}${categoryPath(targets.category.slug)}`, "category page", targets.category.name),
    product: await capturePage(`${base}${productPath(targets.product.slug)}`, "product page", targets.product.title),
  };
  for (const [name, page] of Object.entries(pages)) {
    await writeFile(path.join(resultsDir, "pages", `${name}.html`), page.body);
    log(
      `${name}: ${page.capture.path} ${page.capture.bytes.toLocaleString("en-US")} bytes, first request ${page.capture.firstRequestMs} ms, second ${page.capture.secondRequestMs} ms`,
    );
  }

  // 4. The machine's ceiling: the same bytes from a bare Node server, also on the server core.
  const bare = startPinned(
    "bare node server",
    SERVER_CORE,
    [
      process.execPath,
      path.join(benchDir, "bare-server.mjs"),
      `${PORTS.bareCategory}=${path.join(resultsDir, "pages/category.html")}`,
      `${PORTS.bareProduct}=${path.join(resultsDir, "pages/product.html")}`,
    ],
    { cwd: root, env: { ...process.env, NODE_ENV: "production" }, logFile: path.join(logsDir, "bare-server.log") },
  );
  cleanupTasks.push(() => stopManaged(bare));
  await waitForLine(bare, "ready", 15_000);

  const affinity = {
    nextStart: cpuList(next.child.pid ?? 0),
    bareServer: cpuList(bare.child.pid ?? 0),
    postgres: cpuList(pgPid),
    loadGenerator: LOAD_CORE,
  };
  log(
    `CPU affinity: next ${affinity.nextStart}, bare ${affinity.bareServer}, postgres ${affinity.postgres}, load generator ${affinity.loadGenerator}`,
  );

  // 5. Load runs, one target at a time; with --rounds, the whole sequence again, so every target sees
  // the same share of whatever else the machine is doing.
  const nextGroup = next.child.pid ?? 0;
  const bareGroup = bare.child.pid ?? 0;
  const serverProcesses = (usesNext: boolean) => () => (usesNext ? cpuSeconds([nextGroup], [pgPid]) : cpuSeconds([bareGroup]));
  const plan: { id: TargetId; label: string; url: string; cpu: () => number; usesNext: boolean }[] = [
    {
      id: "bare-category",
      label: "bare node (category bytes)",
      url: `http://127.0.0.1:${PORTS.bareCategory}/`,
      cpu: serverProcesses(false),
      usesNext: false,
    },
    {
      id: "bare-product",
      label: "bare node (product bytes)",
      url: `http://127.0.0.1:${PORTS.bareProduct}/`,
      cpu: serverProcesses(false),
      usesNext: false,
    },
    {
      id: "static",
      label: `static page ${STATIC_PATH}`,
      url: `${base}${STATIC_PATH}`,
      cpu: serverProcesses(true),
      usesNext: true,
    },
    {
      id: "category",
      label: "category page",
      url: `${base}${categoryPath(targets.category.slug)}`,
      cpu: serverProcesses(true),
      usesNext: true,
    },
    {
      id: "product",
      label: "product page",
      url: `${base}${productPath(targets.product.slug)}`,
      cpu: serverProcesses(true),
      usesNext: true,
    },
  ];
  interface Run {
    load: LoadResult;
    serverCpu: number;
    serverCpuMsPerRequest: number | null;
    loadAverage: number;
    cpuPressure: number | null;
  }
  const runs = new Map<TargetId, Run[]>(plan.map((p) => [p.id, []]));
  const dbPerRequest = new Map<TargetId, number | null>();
  // Within a round the Next pages take turns in a rotating order: a page measured right after another one
  // finds the server warmer and its heap fuller than one measured after the bare server's runs, so a fixed
  // order would favour whichever page comes first.
  const nextPages = plan.filter((p) => p.usesNext);
  const roundOrder = (round: number) => [
    ...plan.filter((p) => !p.usesNext),
    ...nextPages.map((_, i) => nextPages[(i + round - 1) % nextPages.length]).filter((p) => p !== undefined),
  ];
  for (let round = 1; round <= options.rounds; round++) {
    for (const item of roundOrder(round)) {
      const roundLabel = options.rounds > 1 ? ` [round ${round}/${options.rounds}]` : "";
      log(
        `load${roundLabel}: ${item.label} ${item.url} — ${options.warmup} s warm-up + ${options.duration} s, ${options.connections} connections…`,
      );
      // Database statistics need a quiet pause to settle, so they are counted in the first round only.
      const countDb = item.usesNext && round === 1;
      const xactBefore = countDb ? await databaseTransactions(db) : 0;
      const loadAverage = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
      const cpuBefore = item.cpu();
      const pressureBefore = cpuPressureMicros();
      const wallBefore = performance.now();
      const load = await runLoad(
        { url: item.url, connections: options.connections, duration: options.duration, warmup: options.warmup },
        `${item.id}-${round}`,
      );
      const cpuUsed = item.cpu() - cpuBefore;
      const wallSeconds = (performance.now() - wallBefore) / 1000;
      const serverCpu = Math.round((cpuUsed / wallSeconds) * 100) / 100;
      const pressureAfter = cpuPressureMicros();
      const cpuPressure =
        pressureBefore === null || pressureAfter === null
          ? null
          : Math.round(Math.min(1, (pressureAfter - pressureBefore) / 1e6 / wallSeconds) * 100) / 100;
      const responses = load.requests + load.non2xx + load.warmupRequests;
      const serverCpuMsPerRequest = responses ? Math.round(((cpuUsed * 1000) / responses) * 100) / 100 : null;
      runs.get(item.id)?.push({ load, serverCpu, serverCpuMsPerRequest, loadAverage, cpuPressure });
      if (countDb) {
        await sleep(STATS_SETTLE_MS);
        // Our own two statistics queries are transactions too.
        const delta = Math.max(0, (await databaseTransactions(db)) - xactBefore - 2);
        const served = load.requests + load.non2xx + load.warmupRequests;
        dbPerRequest.set(item.id, served ? Math.round((delta / served) * 1000) / 1000 : null);
      }
      if (load.requests === 0) log("  warning: no successful response during the measured run");
      if (load.non2xx || load.errors || load.timeouts) {
        log(
          `  warning: ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts (status codes ${JSON.stringify(load.statusCodes)})`,
        );
      }
      log(
        `  ${fmtRps(load.requestsPerSecond)} req/s, p50 ${fmt(load.latencyMs.p50)} ms, p95 ${fmt(load.latencyMs.p95)} ms, p99 ${fmt(load.latencyMs.p99)} ms` +
          ` (server CPU ${pct(serverCpu)}, load generator CPU ${pct(load.loadGeneratorCpu)}, load average ${loadAverage}` +
          (cpuPressure === null ? ")" : `, CPU pressure ${pct(cpuPressure)})`),
      );
    }
  }
  const reports: TargetReport[] = plan.map((item) => {
    const all = runs.get(item.id) ?? [];
    const sorted = [...all].sort((a, b) => a.load.requestsPerSecond - b.load.requestsPerSecond);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    if (!median) throw new Error(`No run recorded for ${item.label}`);
    return {
      id: item.id,
      label: item.label,
      url: item.url,
      load: median.load,
      serverCpu: median.serverCpu,
      serverCpuMsPerRequest: median.serverCpuMsPerRequest,
      loadAverage: median.loadAverage,
      cpuPressure: median.cpuPressure,
      roundsRequestsPerSecond: all.map((r) => r.load.requestsPerSecond),
      dbTransactionsPerRequest: dbPerRequest.get(item.id) ?? null,
    };
  });

  // 6. Lighthouse, against the same server once the load is over (one run at a time, on the load core).
  let lighthouse: LighthouseResult[] = [];
  if (options.skipLighthouse) log("lighthouse: skipped (--skip-lighthouse)");
  else {
    const searchTerm = (targets.category.name.split(/\s+/)[0] ?? "gift").toLowerCase();
    log(`lighthouse: ${LIGHTHOUSE_PACKAGE}, ${options.lighthouseRuns} runs per page (npx installs it on first use)…`);
    // The framework floor first: the bare App Router page, served on the same core the same way.
    const floor = await startFloorPage().catch((error: unknown) => {
      log(`lighthouse: the bare Next page could not be built or started, so the framework floor is left out: ${String(error)}`);
      return null;
    });
    if (floor) cleanupTasks.push(floor.stop);
    lighthouse = await runLighthouse(
      [
        ...(floor ? [{ id: "floor" as const, label: "bare Next page (framework floor)", url: floor.url }] : []),
        { id: "static", label: "static page (reference)", url: `${base}${STATIC_PATH}` },
        { id: "home", label: "home", url: `${base}/` },
        { id: "category", label: "category", url: `${base}${categoryPath(targets.category.slug)}` },
        { id: "product", label: "product", url: `${base}${productPath(targets.product.slug)}` },
        { id: "search", label: "search", url: `${base}/search?q=${encodeURIComponent(searchTerm)}` },
      ],
      options.lighthouseRuns,
    );
    await floor?.stop();
  }

  // 7. Search latency at the server: the search use-case called in-process by concurrent clients.
  log(`search: ${options.searchConcurrency} clients at once, ${options.warmup} s warm-up + ${options.duration} s, then autocomplete…`);
  const search = await runSearchBench({
    databaseUrl,
    concurrency: options.searchConcurrency,
    durationSeconds: options.duration,
    warmupSeconds: options.warmup,
    suggestSeconds: Math.max(3, Math.round(options.duration / 2)),
    smallPoolSize: 2,
  });
  log(
    `  ${search.searchesPerSecond} searches/s, p50 ${search.latencyMs.p50} ms, p95 ${search.latencyMs.p95} ms` +
      (search.suggest ? `; autocomplete p50 ${search.suggest.latencyMs.p50} ms, p95 ${search.suggest.latencyMs.p95} ms` : "") +
      (search.errors ? `, ${search.errors} errors` : ""),
  );
  log(
    `  alone: p50 ${search.alone.latencyMs.p50} ms, p95 ${search.alone.latencyMs.p95} ms, mean ${search.alone.meanMs} ms` +
      (search.smallPool ? `; ${search.concurrency} clients over ${search.smallPool.poolSize} connections: ${search.smallPool.searchesPerSecond}/s, p95 ${search.smallPool.latencyMs.p95} ms` : ""),
  );

  // 7b. The search page through the storefront: each search once (a miss), then repeated ones from the cache.
  log(`search pages: each search of the mix once, then ${options.searchConcurrency} connections repeating them for ${options.duration} s…`);
  const searchPages = await benchSearchPages(db, base, { connections: options.searchConcurrency, duration: options.duration }, runLoad);
  log(
    `  ${searchPages.searches} searches; first request p50 ${searchPages.firstRequestMs.p50} ms, p95 ${searchPages.firstRequestMs.p95} ms; ` +
      `repeated: ${fmtRps(searchPages.repeated.requestsPerSecond)} req/s, p50 ${fmt(searchPages.repeated.latencyMs.p50)} ms, p95 ${fmt(searchPages.repeated.latencyMs.p95)} ms`,
  );

  // 8. Checkout: orders placed per second under concurrency (the web server is idle meanwhile).
  log(`checkout: ${options.checkoutConcurrency.join(" and ")} shoppers at once, ${options.warmup} s warm-up + ${options.duration} s each…`);
  const checkout = await runCheckoutBench({
    databaseUrl,
    concurrency: options.checkoutConcurrency,
    durationSeconds: options.duration,
    warmupSeconds: options.warmup,
  });
  for (const r of checkout.runs)
    log(
      `  ${r.concurrency} at once: ${r.checkoutsPerSecond} checkouts/s (${r.sellerOrdersPerSecond} seller orders/s), p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms` +
        (Object.keys(r.failures).length ? `, failures ${JSON.stringify(r.failures)}` : ""),
    );

  // 8b. Forum pages: a thread with 1,000 posts and the index over 10,000 threads, rendered one at a time.
  const forum = options.forumRequests > 0 ? await runForumBench(db, base, { requests: options.forumRequests }) : null;

  // 9. Report.
  await writeResults({
    lighthouse,
    search,
    searchPages,
    checkout,
    forum,
    options,
    affinity,
    seed,
    build,
    targets,
    pages: { static: pages.static.capture, category: pages.category.capture, product: pages.product.capture },
    reports,
  });
}

const cleanupTasks: (() => Promise<void>)[] = [];

async function cleanup() {
  while (cleanupTasks.length) {
    const task = cleanupTasks.pop();
    try {
      await task?.();
    } catch (error) {
      console.error(`[bench] cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

let interrupted = false;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    // Signal the process groups at once: the embedded PostgreSQL's own exit hook may end this process soon.
    for (const entry of managed) signalGroup(entry, "SIGTERM");
    console.error(`\n[bench] ${signal}: stopping…`);
    void cleanup().then(() => process.exit(130));
  });
}

main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(`\n[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(`\n${HELP}`);
    await cleanup();
    process.exit(error instanceof UsageError ? 2 : 1);
  });
