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
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { hashPassword, renderMarkdown } from "@agora/core";
import { createDb, sql, type Db } from "@agora/db";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@agora/db/embedded";
import { migrateDatabase } from "@agora/db/migrate";
import { isSeeded, seedBulkListings, seedDemo } from "@agora/db/seed";
import { RESULT_PREFIX, type LoadRequest, type LoadResult } from "./protocol";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = path.join(root, "bench");
const resultsDir = path.join(benchDir, "results");
const logsDir = path.join(resultsDir, "logs");
const storefrontDir = path.join(root, "apps/storefront");
/** The storefront is built and served from a copy, see snapshotStorefront(). */
const buildDir = path.join(root, ".data/bench-storefront");
const pgDataDir = path.join(root, ".data/bench-pg");
const mediaDir = path.join(root, ".data/bench-media");
const seedRecordFile = path.join(root, ".data/bench-seed.json");
const DATABASE = "agora";

const PORTS = { next: 3400, bareCategory: 3401, bareProduct: 3402 } as const;
const SERVER_CORE = "0";
const LOAD_CORE = "1";
const STATIC_PATH = "/about";
const categoryPath = (slug: string) => `/c/${encodeURIComponent(slug)}`;
const productPath = (slug: string) => `/p/${encodeURIComponent(slug)}`;

/** PostgreSQL flushes an idle backend's statistics after at most 10 s (PGSTAT_IDLE_INTERVAL). */
const STATS_SETTLE_MS = 11_000;

// ---------------------------------------------------------------------------------------------
// Options

const HELP = `Usage: npm run bench -- [options]

  --listings N      active listings in the benchmark database (default 100000)
  --duration S      seconds of measured load per target (default 10)
  --warmup S        seconds of unmeasured load before each measurement (default 3)
  --connections N   concurrent connections (default 50)
  --category SLUG   category page to load (default: the category with the most listings)
  --product SLUG    product page to load (default: the most viewed listing of that category)
  --rounds N        measure every target N times, interleaved, and keep each one's median run (default 1)
  --skip-build      reuse the previous benchmark build (.data/bench-storefront) instead of building
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
  };
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Small helpers

const startedAt = Date.now();
function log(message: string) {
  const t = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${t}s] ${message}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => Math.round(ms / 100) / 10;

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });
}

function cpuList(pid: number): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? "?";
  } catch {
    return "?";
  }
}

/** Pins a running process and all its threads to one core; its future children inherit it. */
function pin(pid: number, core: string) {
  execFileSync("taskset", ["-a", "-p", "-c", core, String(pid)], { stdio: "ignore" });
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds used so far by the live processes of the given process groups (a server and its
 * workers) and the given process trees (PostgreSQL's postmaster and its backends).
 */
function cpuSeconds(groups: number[], parents: number[] = []): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces: state is field 3.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      const pgrp = Number(fields[2]);
      if (!groups.includes(pgrp) && !parents.includes(ppid) && !parents.includes(pid)) continue;
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks / CLOCK_TICKS;
}

/** Microseconds during which some runnable task waited for a CPU, machine-wide (Linux PSI); null when unavailable. */
function cpuPressureMicros(): number | null {
  try {
    const some = /^some .*total=(\d+)/m.exec(readFileSync("/proc/pressure/cpu", "utf8"));
    return some ? Number(some[1]) : null;
  } catch {
    return null;
  }
}

interface Fetched {
  status: number;
  ms: number;
  body: Buffer;
  headers: Record<string, string>;
}

async function timedFetch(url: string, timeoutMs = 60_000): Promise<Fetched> {
  const started = performance.now();
  const res = await fetch(url, {
    headers: { accept: "text/html" },
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: unknown) => {
    throw new Error(`GET ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, ms: Math.round(performance.now() - started), body, headers: Object.fromEntries(res.headers) };
}

// ---------------------------------------------------------------------------------------------
// Processes we start, and stopping them

interface Managed {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

const managed = new Set<Managed>();

/** Starts `command` pinned to `core`, in its own process group so stopping it stops its children too. */
function startPinned(
  name: string,
  core: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Managed {
  const out = createWriteStream(options.logFile);
  const child = spawn("taskset", ["-c", core, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const entry: Managed = { name, child, logFile: options.logFile, exited };
  managed.add(entry);
  void exited.then(() => managed.delete(entry));
  return entry;
}

function signalGroup(entry: Managed, signal: NodeJS.Signals) {
  const pid = entry.child.pid;
  if (!pid || entry.child.exitCode !== null) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopManaged(entry: Managed) {
  signalGroup(entry, "SIGTERM");
  const done = await Promise.race([entry.exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done) {
    log(`${entry.name} did not stop within 10 s; killing it`);
    signalGroup(entry, "SIGKILL");
    await Promise.race([entry.exited, sleep(2_000)]);
  }
}

async function waitForHttp(entry: Managed, url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null)
      throw new Error(`${entry.name} exited (code ${entry.child.exitCode}) before answering:\n${tail(entry.logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${entry.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(entry.logFile)}`);
}

async function waitForLine(entry: Managed, line: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null)
      throw new Error(`${entry.name} exited (code ${entry.child.exitCode}):\n${tail(entry.logFile)}`);
    if (existsSync(entry.logFile) && readFileSync(entry.logFile, "utf8").includes(line)) return;
    await sleep(100);
  }
  throw new Error(`${entry.name} did not become ready within ${timeoutMs / 1000} s:\n${tail(entry.logFile)}`);
}

// ---------------------------------------------------------------------------------------------
// Database

interface SeedRecord {
  /** When the listings were inserted. */
  measuredAt: string;
  demoSeconds: number | null;
  bulkSeconds: number;
  listingsAdded: number;
  activeListings: number;
}

interface SeedReport {
  activeListings: number;
  reused: boolean;
  /** Timing of the seed that produced this database (this run's, or an earlier run's when reused). */
  record: SeedRecord | null;
}

async function activeListings(db: Db): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from listings where status = 'active'`);
  return row?.n ?? 0;
}

async function seedDatabase(db: Db, target: number): Promise<SeedReport> {
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

interface Targets {
  category: { slug: string; name: string; listings: number };
  product: { slug: string; title: string };
}

async function pickTargets(db: Db, options: Options): Promise<Targets> {
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

async function databaseTransactions(db: Db): Promise<number> {
  await db.execute(sql`select pg_stat_clear_snapshot()`);
  const [row] = await db.execute<{ n: string }>(sql`
    select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = ${DATABASE}`);
  return Number(row?.n ?? 0);
}

/** The whole server side shares core 0: the postmaster and its current processes, and every later backend. */
function pinPostgres(): number {
  const pid = Number(readFileSync(path.join(pgDataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  if (!pid) throw new Error("Could not read the PostgreSQL pid from postmaster.pid");
  pin(pid, SERVER_CORE);
  for (const child of childPids(pid)) pin(child, SERVER_CORE);
  return pid;
}

// ---------------------------------------------------------------------------------------------
// Next build and server

function nextBin(): string {
  const require = createRequire(path.join(storefrontDir, "package.json"));
  return path.join(path.dirname(require.resolve("next/package.json")), "dist/bin/next");
}

function nextVersion(): string {
  const require = createRequire(path.join(storefrontDir, "package.json"));
  return (require("next/package.json") as { version: string }).version;
}

interface BuildReport {
  seconds: number | null;
  /** Lines of Next's route table for the pages under test, e.g. "├ ○ /about". */
  routes: string[];
  staticPagePrerendered: boolean;
}

/** Files of apps/storefront that are not sources: build output, caches, generated types. */
const NOT_SOURCES = new Set([".next", ".turbo", "node_modules", "next-env.d.ts"]);

/**
 * Copies the storefront's sources to .data/bench-storefront, where it is built and served. Building
 * in apps/storefront would overwrite the build that `next start`/e2e runs reuse with pages rendered
 * from the benchmark database, and any other `next build` there (they take a lock and clean .next)
 * would fail this one or swap files under the running server. The copy's own .next/cache is kept
 * between runs, so rebuilds stay incremental.
 */
async function snapshotStorefront() {
  await mkdir(buildDir, { recursive: true });
  for (const entry of await readdir(buildDir)) {
    if (entry !== ".next") await rm(path.join(buildDir, entry), { recursive: true, force: true });
  }
  for (const entry of await readdir(storefrontDir)) {
    if (!NOT_SOURCES.has(entry)) await cp(path.join(storefrontDir, entry), path.join(buildDir, entry), { recursive: true });
  }
  // The app's tsconfig extends the monorepo's base by a relative path: keep it pointing there from the copy
  // (Turbopack accepts only relative paths here).
  const tsconfigFile = path.join(buildDir, "tsconfig.json");
  const tsconfig = await readFile(tsconfigFile, "utf8");
  await writeFile(
    tsconfigFile,
    tsconfig.replace(
      /("extends"\s*:\s*")(\.[^"]*)"/,
      (_, key: string, rel: string) => `${key}${path.relative(buildDir, path.resolve(storefrontDir, rel))}"`,
    ),
  );
}

async function buildStorefront(env: NodeJS.ProcessEnv, skip: boolean): Promise<BuildReport> {
  const logFile = path.join(logsDir, "next-build.log");
  let buildSeconds: number | null = null;
  if (skip) {
    if (!existsSync(path.join(buildDir, ".next/BUILD_ID"))) {
      throw new Error(
        `--skip-build: there is no earlier benchmark build in ${path.relative(root, buildDir)}; run once without it`,
      );
    }
    log("reusing the previous benchmark build of the storefront (--skip-build)");
  } else {
    log(
      `copying apps/storefront to ${path.relative(root, buildDir)} and building it (next build, log in ${path.relative(root, logFile)})…`,
    );
    await snapshotStorefront();
    const started = performance.now();
    const out = createWriteStream(logFile);
    const child = spawn(process.execPath, [nextBin(), "build"], { cwd: buildDir, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    const timer = setTimeout(() => child.kill("SIGTERM"), 15 * 60_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    await new Promise((r) => out.end(r));
    if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(logFile, 40)}`);
    buildSeconds = seconds(performance.now() - started);
    log(`built in ${buildSeconds} s`);
  }

  // Next's route table: keep the lines of the pages under test, with the sub-entries of a dynamic route
  // (which of its paths were prerendered), and the legend of the symbols.
  const lines = (existsSync(logFile) ? readFileSync(logFile, "utf8") : "").split("\n").map((l) => l.trimEnd());
  const routes: string[] = [];
  let inBlock = false;
  for (const line of lines) {
    const top = /^[┌├└]\s+(?:[○●ƒ◐]\s+)?(\S+)/.exec(line);
    if (top) inBlock = /^\/(about$|c\/\[|p\/\[)/.test(top[1] ?? "");
    else if (!line.startsWith("│")) inBlock = false;
    if (inBlock || /^[○●ƒ◐]\s+\(/.test(line)) routes.push(line);
  }
  let staticPagePrerendered = false;
  try {
    const manifest = JSON.parse(await readFile(path.join(buildDir, ".next/prerender-manifest.json"), "utf8")) as {
      routes?: Record<string, unknown>;
    };
    staticPagePrerendered = Boolean(manifest.routes && STATIC_PATH in manifest.routes);
  } catch {
    // No manifest: reported as not prerendered.
  }
  return { seconds: buildSeconds, routes, staticPagePrerendered };
}

// ---------------------------------------------------------------------------------------------
// Load runs

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

type TargetId = "bare-category" | "bare-product" | "static" | "category" | "product";

interface TargetReport {
  id: TargetId;
  label: string;
  url: string;
  /** The median run (by req/s) of this target over all rounds. */
  load: LoadResult;
  /** CPU the server side used during that run (warm-up included), as a share of its one core: Next and PostgreSQL, or the bare server. */
  serverCpu: number;
  /** Server-side CPU milliseconds per response in that run (warm-up included): the cost of one request. */
  serverCpuMsPerRequest: number | null;
  /** 1-minute load average of the machine when that run started: far above 2 means other work competed. */
  loadAverage: number;
  /** Share of that run during which some task waited for a CPU (Linux PSI "some"); null when unavailable. */
  cpuPressure: number | null;
  /** req/s of every round, in order. */
  roundsRequestsPerSecond: number[];
  /** Database transactions per request during warm-up + measurement of the first round (Next targets only). */
  dbTransactionsPerRequest: number | null;
}

interface PageCapture {
  path: string;
  bytes: number;
  firstRequestMs: number;
  secondRequestMs: number;
  cacheHeaders: Record<string, string>;
  sameBytesTwice: boolean;
  /**
   * Bytes of HTML that arrive as streamed Suspense content (`<div hidden id="S:…">` moved in by
   * `$RC`) rather than in the page's shell. In a partially prerendered route this is the part that
   * is rendered on every request.
   */
  streamedBytes: number;
}

function streamedBytes(html: string): number {
  let total = 0;
  for (let at = html.indexOf('<div hidden id="S:'); at >= 0; at = html.indexOf('<div hidden id="S:', at + 1)) {
    // React moves the segment into place with `$RC("B:n","S:n")`, in the script that follows it.
    const call = html.indexOf('$RC("', at);
    const end = call < 0 ? -1 : html.lastIndexOf("<script", call);
    if (end <= at) break;
    total += Buffer.byteLength(html.slice(at, end));
  }
  return total;
}

async function capturePage(
  url: string,
  label: string,
  expectText: string | null,
): Promise<{ capture: PageCapture; body: Buffer }> {
  const first = await timedFetch(url);
  if (first.status !== 200) {
    const hint = first.status === 404 ? " (does the route exist in apps/storefront/src/app?)" : "";
    throw new Error(`${label} ${url} answered ${first.status}${hint}; the benchmark needs a 200 page`);
  }
  const second = await timedFetch(url);
  if (second.status !== 200) throw new Error(`${label} ${url} answered ${second.status} on the second request`);
  const html = second.body.toString("utf8");
  if (expectText && !html.includes(escapeHtml(expectText)) && !html.includes(expectText)) {
    log(`warning: the ${label} HTML does not contain "${expectText}"; check bench/results/pages/`);
  }
  const cacheHeaders = Object.fromEntries(
    Object.entries(second.headers).filter(
      ([k]) => k === "cache-control" || k.startsWith("x-nextjs") || k === "etag" || k === "vary",
    ),
  );
  return {
    body: second.body,
    capture: {
      path: new URL(url).pathname,
      bytes: second.body.length,
      firstRequestMs: first.ms,
      secondRequestMs: second.ms,
      cacheHeaders,
      sameBytesTwice: first.body.equals(second.body),
      streamedBytes: streamedBytes(html),
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

// ---------------------------------------------------------------------------------------------
// Report

interface Ratios {
  rpsVsBare: number | null;
  p95VsBare: number | null;
  rpsVsStatic: number | null;
  p95VsStatic: number | null;
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? Math.round((a / b) * 1000) / 1000 : null;
}

function ratiosFor(target: TargetReport, byId: Map<TargetId, TargetReport>): Ratios {
  const bare =
    target.id === "category" ? byId.get("bare-category") : target.id === "product" ? byId.get("bare-product") : undefined;
  const stat = target.id === "category" || target.id === "product" ? byId.get("static") : undefined;
  const l = target.load;
  return {
    rpsVsBare: bare ? ratio(l.requestsPerSecond, bare.load.requestsPerSecond) : null,
    p95VsBare: bare ? ratio(l.latencyMs.p95, bare.load.latencyMs.p95) : null,
    rpsVsStatic: stat ? ratio(l.requestsPerSecond, stat.load.requestsPerSecond) : null,
    p95VsStatic: stat ? ratio(l.latencyMs.p95, stat.load.latencyMs.p95) : null,
  };
}

const fmt = (n: number | null, digits = 2) =>
  n === null ? "—" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (share: number) => `${Math.round(share * 100)}%`;
const fmtRps = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const fmtRatio = (n: number | null) => (n === null ? "—" : n >= 10 ? n.toFixed(1) : n >= 0.1 ? n.toFixed(2) : n.toFixed(3));

function tableRows(targets: TargetReport[]): string[][] {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const header = [
    "target",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "req/s ÷ bare",
    "p95 ÷ bare",
    "req/s ÷ static",
    "p95 ÷ static",
    "DB xact/req",
    "CPU ms/req",
    "server CPU",
    "autocannon CPU",
  ];
  const rows = targets.map((t) => {
    const r = ratiosFor(t, byId);
    return [
      t.label,
      fmtRps(t.load.requestsPerSecond),
      fmt(t.load.latencyMs.p50),
      fmt(t.load.latencyMs.p95),
      fmt(t.load.latencyMs.p99),
      fmtRatio(r.rpsVsBare),
      fmtRatio(r.p95VsBare),
      fmtRatio(r.rpsVsStatic),
      fmtRatio(r.p95VsStatic),
      t.dbTransactionsPerRequest === null ? "—" : fmt(t.dbTransactionsPerRequest, 3),
      fmt(t.serverCpuMsPerRequest),
      pct(t.serverCpu),
      pct(t.load.loadGeneratorCpu),
    ];
  });
  return [header, ...rows];
}

function textTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows;
  if (!head) return "";
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`,
    ...body.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** Plain-language reading of each catalog page's numbers: served from a cache, or rendered per request. */
function verdicts(targets: TargetReport[], pages: Partial<Record<TargetId, PageCapture>>): string[] {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const stat = byId.get("static");
  const out: string[] = [];
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  for (const id of ["category", "product"] as const) {
    const t = byId.get(id);
    if (!t) continue;
    if (t.load.requests === 0) {
      out.push(
        `${t.label}: no successful response during the measured run (each request took longer than the run, or failed); see bench/results/logs/.`,
      );
      continue;
    }
    const r = ratiosFor(t, byId);
    const xact = t.dbTransactionsPerRequest ?? 0;
    const share = r.rpsVsStatic === null ? "" : `${Math.round(r.rpsVsStatic * 100)}% of the static page's req/s`;
    const page = pages[id];
    const streamed =
      page && page.streamedBytes > 0
        ? ` ${kb(page.streamedBytes)} of its ${kb(page.bytes)} of HTML are streamed into the prerendered shell through a Suspense boundary, i.e. rendered on every request.`
        : "";
    const cost =
      stat?.serverCpuMsPerRequest && t.serverCpuMsPerRequest
        ? ` Each request costs the server ${fmt(t.serverCpuMsPerRequest)} ms of CPU, the static page ${fmt(stat.serverCpuMsPerRequest)} ms.`
        : "";
    if (xact >= 0.5) {
      out.push(
        `${t.label}: NOT served from a cache: every request renders again and runs ~${xact.toFixed(1)} database transactions; ${share}.${cost}${streamed}`,
      );
    } else if (streamed || (r.rpsVsStatic !== null && r.rpsVsStatic < 0.5)) {
      out.push(
        `${t.label}: its data comes from the cache (${xact.toFixed(3)} DB transactions per request), but the page is rendered per request: ${share}.${cost}${streamed}`,
      );
    } else {
      out.push(`${t.label}: served from the cache (${xact.toFixed(3)} DB transactions per request), ${share}.${cost}`);
    }
  }
  return out;
}

/** Signs that the numbers say more about the machine than about the pages. */
function noiseWarnings(targets: TargetReport[]): string[] {
  const out: string[] = [];
  const busiest = Math.max(...targets.map((t) => t.loadAverage));
  const pressures = targets.map((t) => t.cpuPressure).filter((p): p is number => p !== null);
  const worstPressure = pressures.length ? Math.max(...pressures) : null;
  // The benchmark itself keeps about two processes busy (server and load generator), one per core.
  if (busiest > os.availableParallelism() + 1 || (worstPressure !== null && worstPressure > 0.3)) {
    out.push(
      `the machine was busy (1-minute load average up to ${busiest} on ${os.availableParallelism()} cores` +
        (worstPressure !== null ? `; tasks waited for a CPU during up to ${pct(worstPressure)} of a run` : "") +
        "): other processes took CPU from the pinned server and load generator, so absolute numbers and even ratios are noisy. Rerun when the machine is quiet, or with --rounds 3.",
    );
  }
  for (const t of targets) {
    if (t.load.loadGeneratorCpu >= 0.95) {
      out.push(
        `${t.label}: autocannon used ${pct(t.load.loadGeneratorCpu)} of its core, so it, not the server, may be the limit for this target.`,
      );
    } else if (t.serverCpu < 0.85) {
      out.push(
        `${t.label}: the server side used only ${pct(t.serverCpu)} of core ${SERVER_CORE} and the load generator was not saturated: it was waiting, most likely for a CPU that other processes held.`,
      );
    }
    const spread = t.roundsRequestsPerSecond;
    if (spread.length > 1 && Math.max(...spread) > 1.25 * Math.min(...spread)) {
      out.push(`${t.label}: req/s varied between rounds (${spread.map(fmtRps).join(", ")}).`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main

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
  for (let round = 1; round <= options.rounds; round++) {
    for (const item of plan) {
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

  // 6. Report.
  const rows = tableRows(reports);
  const readings = verdicts(reports, {
    category: pages.category.capture,
    product: pages.product.capture,
    static: pages.static.capture,
  });
  const cautions = noiseWarnings(reports);
  console.log(`\n${textTable(rows)}\n`);
  for (const v of [...readings, ...cautions]) console.log(`  ${v}`);
  console.log("");

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const when = new Date();
  const stamp = when.toISOString().replace(/[:.]/g, "-");
  const seedLine = seed.record
    ? `${seed.reused ? "reused from an earlier run; that seed took" : "this run seeded"} ${seed.record.listingsAdded.toLocaleString("en-US")} bulk listings in ${seed.record.bulkSeconds} s` +
      (seed.record.demoSeconds !== null ? ` (plus ${seed.record.demoSeconds} s for the demo marketplace)` : "") +
      (seed.reused ? ` on ${seed.record.measuredAt.slice(0, 10)}` : "")
    : "reused; no timing recorded for this database (delete .data/bench-pg to measure a fresh seed)";
  const json = {
    when: when.toISOString(),
    machine: { cpu, cores: os.availableParallelism(), node: process.version, next: nextVersion() },
    method: {
      connections: options.connections,
      durationSeconds: options.duration,
      warmupSeconds: options.warmup,
      rounds: options.rounds,
      pinning: {
        server: `taskset -c ${SERVER_CORE} (next start, PostgreSQL, bare node server)`,
        loadGenerator: `taskset -c ${LOAD_CORE} (autocannon child process)`,
      },
      affinity,
      compression: "none (the load generator sends no accept-encoding)",
    },
    seed: { ...seed, line: seedLine },
    build,
    targets,
    pages: Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, v.capture])),
    results: reports.map((r) => ({ ...r, ratios: ratiosFor(r, new Map(reports.map((t) => [t.id, t]))) })),
    verdicts: readings,
    warnings: cautions,
  };
  const markdown = [
    `# Storefront benchmark — ${when.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `${cpu}, ${os.availableParallelism()} cores, Node ${process.version}, Next ${nextVersion()}. ` +
      `autocannon, ${options.connections} connections, ${options.warmup} s warm-up then ${options.duration} s per target` +
      (options.rounds > 1 ? ` in ${options.rounds} interleaved rounds (median run kept)` : "") +
      ", no compression. " +
      `Server side (next start, PostgreSQL, bare node server) pinned with \`taskset -c ${SERVER_CORE}\`; autocannon runs in a child process pinned with \`taskset -c ${LOAD_CORE}\` ` +
      `(affinity seen: next ${affinity.nextStart}, postgres ${affinity.postgres}, bare ${affinity.bareServer}).`,
    "",
    `Catalog: ${seed.activeListings.toLocaleString("en-US")} active listings. Seed: ${seedLine}.`,
    `Category page: \`${pages.category.capture.path}\` (${targets.category.name}, ${targets.category.listings.toLocaleString("en-US")} listings). Product page: \`${pages.product.capture.path}\`.`,
    "",
    markdownTable(rows),
    "",
    "Ratios are measured in this run: `req/s ÷ bare` is the page's throughput as a fraction of a bare Node server sending the same bytes; `p95 ÷ …` is how many times slower its 95th-percentile latency is. " +
      "`DB xact/req` counts database transactions per request during the load (0 = served from a cache). " +
      "`server CPU` is the share of core 0 the server's processes used during the run (below ~90% with a saturated load generator, other work competed for the core); `autocannon CPU` is the load generator's share of core 1 (near 100%, the load generator is the limit).",
    "",
    ...readings.map((v) => `- ${v}`),
    ...cautions.map((v) => `- **Caution:** ${v}`),
    "",
    "| page | bytes | streamed in Suspense boundaries | first request (fills the cache) | second request | cache headers |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...Object.entries(pages).map(
      ([name, p]) =>
        `| ${name} \`${p.capture.path}\` | ${p.capture.bytes.toLocaleString("en-US")} | ${p.capture.streamedBytes.toLocaleString("en-US")} | ${p.capture.firstRequestMs} ms | ${p.capture.secondRequestMs} ms | ${
          Object.entries(p.capture.cacheHeaders)
            .map(([k, v]) => `${k}: ${v}`)
            .join("; ") || "—"
        } |`,
    ),
    "",
    build.routes.length ? ["How `next build` classified the routes:", "", "```", ...build.routes, "```"].join("\n") : "",
    build.staticPagePrerendered
      ? ""
      : `\n**Warning:** ${STATIC_PATH} was not prerendered, so the static reference is not static.`,
  ].join("\n");
  await writeFile(path.join(resultsDir, `bench-${stamp}.json`), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(path.join(resultsDir, `bench-${stamp}.md`), `${markdown.trimEnd()}\n`);
  await writeFile(path.join(resultsDir, "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(path.join(resultsDir, "latest.md"), `${markdown.trimEnd()}\n`);
  log(`results: ${path.relative(root, path.join(resultsDir, `bench-${stamp}.md`))} (and .json, latest.md)`);
}

// ---------------------------------------------------------------------------------------------
// Stopping cleanly, on success, failure or Ctrl+C

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
