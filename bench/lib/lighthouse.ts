/**
 * Lighthouse (v12, mobile, simulated throttling, performance only) against the benchmark's own
 * `next start`: each page N times, one run at a time, pinned to the load generator's core (idle by
 * then), and the median of each metric kept.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LOAD_CORE, log, logsDir, resultsDir, SERVER_CORE, sleep, tail } from "./context";
import { startPinned, stopManaged } from "./processes";

const LIGHTHOUSE_CORES = `${SERVER_CORE},${LOAD_CORE}`;
import { timedFetch } from "./storefront";

/** Lighthouse 13 needs Node ≥ 22.19; 12 runs on this project's Node 20. Installed by npx on first use. */
export const LIGHTHOUSE_PACKAGE = "lighthouse@12.8.2";
/** The targets of the search/speed issue for these pages. */
export const LIGHTHOUSE_TARGETS = { score: 95, cls: 0.05 } as const;
const RUN_TIMEOUT_MS = 4 * 60_000;

export interface LighthousePage {
  /**
   * `floor`: the bare App Router page of bench/next-floor (what the framework alone scores: the ceiling of
   * every storefront page). `static`: the storefront's static page, the same reference as the load runs
   * (the framework plus the storefront's layout, stylesheet and header, with no data).
   */
  id: "floor" | "static" | "home" | "category" | "product" | "search";
  label: string;
  url: string;
}

export interface LighthouseRun {
  score: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  speedIndexMs: number;
  loadAverage: number;
}

export interface LighthouseResult {
  id: LighthousePage["id"];
  label: string;
  url: string;
  /** Why the page was not measured (it does not exist yet, or every run failed). */
  skipped: string | null;
  runs: LighthouseRun[];
  /** Median of each metric over the runs (score 0–100). */
  median: Omit<LighthouseRun, "loadAverage"> | null;
  meetsTargets: boolean | null;
  /** The full report of the run whose score is the median, relative to the repository. */
  reportFile: string | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error("Lighthouse needs Chromium: set CHROME_PATH, or install it (Debian: apt-get install -y chromium)");
  return found;
}

interface ReportJson {
  categories?: { performance?: { score?: number | null } };
  audits?: Record<string, { numericValue?: number }>;
  runtimeError?: { message?: string };
}

function readRun(file: string, loadAverage: number): LighthouseRun {
  const report = JSON.parse(readFileSync(file, "utf8")) as ReportJson;
  if (report.runtimeError?.message) throw new Error(report.runtimeError.message);
  const score = report.categories?.performance?.score;
  const audit = (id: string) => {
    const value = report.audits?.[id]?.numericValue;
    if (typeof value !== "number") throw new Error(`the report has no ${id}`);
    return value;
  };
  if (typeof score !== "number") throw new Error("the report has no performance score");
  return {
    score: Math.round(score * 100),
    lcpMs: Math.round(audit("largest-contentful-paint")),
    cls: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
    tbtMs: Math.round(audit("total-blocking-time")),
    fcpMs: Math.round(audit("first-contentful-paint")),
    speedIndexMs: Math.round(audit("speed-index")),
    loadAverage,
  };
}

async function runOnce(page: LighthousePage, index: number, outFile: string): Promise<LighthouseRun> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "agora-lighthouse-"));
  const chromeFlags = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    `--user-data-dir=${profile}`,
  ].join(" ");
  const loadAverage = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  // On both cores (the load runs are over, the server is idle but for these page loads): confined to one
  // core, Chromium's main thread shares it with its other processes and with Lighthouse itself, and the
  // simulated 4× CPU slowdown turns every millisecond of that contention into blocking time.
  const entry = startPinned(
    `lighthouse (${page.id} ${index})`,
    LIGHTHOUSE_CORES,
    [
      "npx",
      "--yes",
      LIGHTHOUSE_PACKAGE,
      page.url,
      "--only-categories=performance",
      "--form-factor=mobile",
      "--throttling-method=simulate",
      "--output=json",
      `--output-path=${outFile}`,
      `--chrome-flags=${chromeFlags}`,
      "--quiet",
    ],
    {
      cwd: os.tmpdir(),
      env: { ...process.env, CHROME_PATH: chromePath(), NODE_ENV: "production" },
      logFile: path.join(logsDir, `lighthouse-${page.id}-${index}.log`),
    },
  );
  try {
    const code = await Promise.race([entry.exited, sleep(RUN_TIMEOUT_MS).then(() => "timeout" as const)]);
    if (code === "timeout") {
      await stopManaged(entry);
      throw new Error(`no result within ${RUN_TIMEOUT_MS / 1000} s`);
    }
    if (code !== 0 || !existsSync(outFile)) throw new Error(`exit ${code}: ${tail(entry.logFile, 8)}`);
    return readRun(outFile, loadAverage);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs every page `runs` times, never two runs at once; a page that does not answer 200 is skipped. */
export async function runLighthouse(pages: LighthousePage[], runs: number): Promise<LighthouseResult[]> {
  const dir = path.join(resultsDir, "lighthouse");
  await mkdir(dir, { recursive: true });
  const results: LighthouseResult[] = [];
  for (const page of pages) {
    const base = { id: page.id, label: page.label, url: page.url };
    // The page must exist, and its first render (which fills the cache) is not what is measured.
    const probe = await timedFetch(page.url).catch((error: unknown) => ({ status: 0, error }));
    if (probe.status !== 200) {
      const why =
        probe.status === 404
          ? `skipped: ${new URL(page.url).pathname} answered 404 (the page is not built yet)`
          : `skipped: ${page.url} answered ${probe.status || "no response"}`;
      log(`lighthouse: ${page.label}: ${why}`);
      results.push({ ...base, skipped: why, runs: [], median: null, meetsTargets: null, reportFile: null });
      continue;
    }
    const done: { run: LighthouseRun; file: string }[] = [];
    const failures: string[] = [];
    for (let i = 1; i <= runs; i++) {
      const file = path.join(dir, `${page.id}-${i}.json`);
      await rm(file, { force: true });
      try {
        const run = await runOnce(page, i, file);
        done.push({ run, file });
        log(
          `lighthouse: ${page.label} run ${i}/${runs}: score ${run.score}, LCP ${run.lcpMs} ms, CLS ${run.cls}, TBT ${run.tbtMs} ms (load average ${run.loadAverage})`,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push(message);
        log(`lighthouse: ${page.label} run ${i}/${runs} failed: ${message}`);
      }
    }
    if (!done.length) {
      results.push({ ...base, skipped: `every run failed: ${failures[0] ?? "unknown error"}`, runs: [], median: null, meetsTargets: null, reportFile: null });
      continue;
    }
    const all = done.map((d) => d.run);
    const m = {
      score: median(all.map((r) => r.score)),
      lcpMs: median(all.map((r) => r.lcpMs)),
      cls: median(all.map((r) => r.cls)),
      tbtMs: median(all.map((r) => r.tbtMs)),
      fcpMs: median(all.map((r) => r.fcpMs)),
      speedIndexMs: median(all.map((r) => r.speedIndexMs)),
    };
    // Keep the full report of the median-score run; the others were only needed for their numbers.
    const kept = [...done].sort((a, b) => a.run.score - b.run.score)[Math.floor((done.length - 1) / 2)];
    const reportFile = path.join(dir, `${page.id}.json`);
    if (kept) await rename(kept.file, reportFile);
    for (const d of done) if (d !== kept) await rm(d.file, { force: true });
    results.push({
      ...base,
      skipped: null,
      runs: all,
      median: m,
      meetsTargets: m.score >= LIGHTHOUSE_TARGETS.score && m.cls < LIGHTHOUSE_TARGETS.cls,
      reportFile: kept ? path.relative(path.resolve(resultsDir, "../.."), reportFile) : null,
    });
  }
  return results;
}

export function lighthouseMarkdown(results: LighthouseResult[], runs: number): string[] {
  if (!results.length) return [];
  const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;
  const loads = results.flatMap((r) => r.runs.map((x) => x.loadAverage));
  return [
    "",
    "## Lighthouse",
    "",
    `${LIGHTHOUSE_PACKAGE}, mobile form factor, simulated throttling, performance category only, against this run's \`next start\` (after the load runs). ` +
      `Median of ${runs} runs per page, one at a time, on both cores (\`taskset -c ${LIGHTHOUSE_CORES}\`, the server idle but for these loads). Targets: score ≥ ${LIGHTHOUSE_TARGETS.score}, CLS < ${LIGHTHOUSE_TARGETS.cls}.` +
      (loads.length ? ` 1-minute load average during the runs: ${Math.min(...loads)}–${Math.max(...loads)}.` : ""),
    "",
    "| page | score | LCP | CLS | TBT | FCP | Speed Index | scores of the runs | targets |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...results.map((r) =>
      r.median
        ? `| ${r.label} \`${new URL(r.url).pathname}${new URL(r.url).search}\` | ${r.median.score} | ${ms(r.median.lcpMs)} | ${r.median.cls.toFixed(3)} | ${ms(r.median.tbtMs)} | ${ms(r.median.fcpMs)} | ${ms(r.median.speedIndexMs)} | ${r.runs.map((x) => x.score).join(", ")} | ${r.id === "floor" ? (r.meetsTargets ? "met (reference)" : "missed (reference)") : r.meetsTargets ? "met" : "**missed**"} |`
        : `| ${r.label} \`${new URL(r.url).pathname}${new URL(r.url).search}\` | — | — | — | — | — | — | ${r.skipped ?? ""} | — |`,
    ),
    "",
    ...floorNote(results),
    "Lighthouse's simulated throttling replays what it observed on this machine with a slower CPU and network: on a busy machine TBT and LCP come out higher. The full report of each page's median run is in `bench/results/lighthouse/`.",
  ];
}

/** What the framework floor says about the storefront's pages, when it was measured. */
function floorNote(results: LighthouseResult[]): string[] {
  const floor = results.find((r) => r.id === "floor")?.median;
  if (!floor) return [];
  const pages = results.filter((r) => r.id !== "floor" && r.median);
  const best = Math.max(...pages.map((r) => r.median?.score ?? 0));
  return [
    `The bare Next page (bench/next-floor: a root layout and a page of text, no stylesheet, no client component, built with the storefront's Next and React) scores ${floor.score} ` +
      `(runs ${results.find((r) => r.id === "floor")?.runs.map((x) => x.score).join(", ")}), TBT ${Math.round(floor.tbtMs)} ms: hydrating the framework's own scripts is the floor of every page here. ` +
      `The storefront's pages score ${pages.length ? `${Math.min(...pages.map((r) => r.median?.score ?? 0))}–${best}` : "—"}, ${best >= floor.score ? "at" : `${floor.score - best} or more points below`} it.`,
    "",
  ];
}
