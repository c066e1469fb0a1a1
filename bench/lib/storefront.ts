/** Building the storefront (from a copy of its sources) and capturing its pages. */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { buildDir, log, logsDir, root, seconds, STATIC_PATH, storefrontDir, tail } from "./context";

export function nextBin(): string {
  const require = createRequire(path.join(storefrontDir, "package.json"));
  return path.join(path.dirname(require.resolve("next/package.json")), "dist/bin/next");
}

export function nextVersion(): string {
  const require = createRequire(path.join(storefrontDir, "package.json"));
  return (require("next/package.json") as { version: string }).version;
}

export interface BuildReport {
  seconds: number | null;
  /** Lines of Next's route table for the pages under test, e.g. "├ ○ /about". */
  routes: string[];
  staticPagePrerendered: boolean;
}

/** Files of apps/storefront that are not sources: build output, caches, generated types. */
const NOT_SOURCES = new Set([".next", ".turbo", "node_modules", "next-env.d.ts"]);
/** Other build outputs beside .next (next.config reads NEXT_DIST_DIR, e.g. `.next-check`). */
const OTHER_BUILD_OUTPUT = /^\.next-/;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

/**
 * Copies the storefront's sources to .data/bench-storefront, where it is built and served. Building
 * in apps/storefront would overwrite the build that `next start`/e2e runs reuse with pages rendered
 * from the benchmark database, and any other `next build` there (they take a lock and clean .next)
 * would fail this one or swap files under the running server. The copy's own .next/cache is kept
 * between runs, so rebuilds stay incremental.
 */
export async function snapshotStorefront() {
  await mkdir(buildDir, { recursive: true });
  for (const entry of await readdir(buildDir)) {
    if (entry !== ".next") await rm(path.join(buildDir, entry), { recursive: true, force: true });
  }
  for (const entry of await readdir(storefrontDir)) {
    if (NOT_SOURCES.has(entry) || OTHER_BUILD_OUTPUT.test(entry)) continue;
    // Tests stay behind: the build does not need them, and the repo's test runner must not find copies.
    await cp(path.join(storefrontDir, entry), path.join(buildDir, entry), {
      recursive: true,
      filter: (file) => !TEST_FILE.test(file),
    });
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

export async function buildStorefront(env: NodeJS.ProcessEnv, skip: boolean): Promise<BuildReport> {
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
    // Generous: on a shared 2-core machine under other builds a `next build` has taken over 15 minutes.
    const timer = setTimeout(() => child.kill("SIGTERM"), 45 * 60_000);
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

export interface Fetched {
  status: number;
  ms: number;
  body: Buffer;
  headers: Record<string, string>;
}

export async function timedFetch(url: string, timeoutMs = 60_000): Promise<Fetched> {
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

export interface PageCapture {
  path: string;
  bytes: number;
  firstRequestMs: number;
  secondRequestMs: number;
  cacheHeaders: Record<string, string>;
  sameBytesTwice: boolean;
  /**
   * Bytes of HTML that arrive as streamed Suspense content (`<div hidden id="S:…">` moved in by
   * `$RC`) rather than in the page's shell. In a partial prerender (response header
   * `x-nextjs-postponed: 1`) this is the part rendered on every request; in a complete static page
   * it was resolved when the page was prerendered and is served from the cache like the rest.
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

export async function capturePage(
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
