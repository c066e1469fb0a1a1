/**
 * `npm test`: every check, in order, stopping at the first failure — typecheck, lint, unit,
 * integration, end-to-end. Ends with a summary and the plain line `N passed, N failed` (tests counted
 * by vitest and Playwright), which CI reads. Exits non-zero when anything failed.
 *
 *   npm test                      everything
 *   npm test -- --skip e2e        leave out stages (comma-separated names)
 *   npm test -- --only unit,lint  run just these
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./lib/runtime";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Stage {
  name: string;
  /** Commands run one after the other; the stage fails at the first non-zero exit. */
  commands: { cmd: string; args: string[]; env?: NodeJS.ProcessEnv }[];
  /** Test counts from the runner's JSON report, when it has one. */
  report?: () => Counts | null;
}

const reports = mkdtempSync(path.join(os.tmpdir(), "agora-test-reports-"));
const report = (name: string) => path.join(reports, `${name}.json`);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function readJson(file: string): unknown {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return null;
  }
}

const num = (value: unknown) => (typeof value === "number" ? value : 0);

/** Vitest's JSON reporter follows Jest's result format. */
function vitestCounts(file: string): Counts | null {
  const json = readJson(file) as Record<string, unknown> | null;
  if (!json) return null;
  return {
    passed: num(json.numPassedTests),
    failed: num(json.numFailedTests),
    skipped: num(json.numPendingTests) + num(json.numTodoTests),
  };
}

/** Playwright's JSON reporter: a flaky test passed on retry, so it counts as passed. */
function playwrightCounts(file: string): Counts | null {
  const json = readJson(file) as { stats?: Record<string, unknown> } | null;
  if (!json?.stats) return null;
  const s = json.stats;
  return { passed: num(s.expected) + num(s.flaky), failed: num(s.unexpected), skipped: num(s.skipped) };
}

const vitest = (project: string) => ({
  cmd: bin("vitest"),
  args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report(project)}`],
});

const stages: Stage[] = [
  {
    name: "typecheck",
    commands: [
      { cmd: bin("turbo"), args: ["run", "typecheck", "--output-logs=errors-only"] },
      // Root scripts and configs are no workspace: tooling/tsconfig.json covers them.
      { cmd: bin("tsc"), args: ["--noEmit", "-p", "tooling"] },
    ],
  },
  { name: "lint", commands: [{ cmd: bin("eslint"), args: [".", "--max-warnings", "0"] }] },
  { name: "unit", commands: [vitest("unit")], report: () => vitestCounts(report("unit")) },
  { name: "integration", commands: [vitest("integration")], report: () => vitestCounts(report("integration")) },
  {
    name: "e2e",
    // Plain node with tsx's loader: no wrapper process between us and e2e.ts, so a stop signal reaches
    // it directly and it can shut its servers down (the tsx CLI SIGKILLs a child slow to answer).
    commands: [
      {
        cmd: process.execPath,
        args: ["--import", "tsx", path.join("scripts", "e2e.ts")],
        env: { E2E_JSON_REPORT: report("e2e") },
      },
    ],
    report: () => playwrightCounts(report("e2e")),
  },
];

function parseList(flag: string): Set<string> | null {
  const i = process.argv.indexOf(flag);
  const value = i > 0 ? process.argv[i + 1] : undefined;
  if (!value) return null;
  const names = new Set(value.split(",").map((s) => s.trim()));
  for (const n of names) {
    if (!stages.some((s) => s.name === n)) {
      console.error(`Unknown stage "${n}". Stages: ${stages.map((s) => s.name).join(", ")}`);
      process.exit(2);
    }
  }
  return names;
}

const only = parseList("--only");
const skip = parseList("--skip");

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", () => resolve(127));
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 130 : 1));
    });
  });
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${(ms / 1000).toFixed(1)}s`;
}

type Outcome = { stage: string; status: "passed" | "FAILED" | "skipped" | "not run"; ms: number; counts: Counts | null };

async function main(): Promise<number> {
  const started = Date.now();
  const outcomes: Outcome[] = [];
  let failedStage: string | null = null;

  for (const stage of stages) {
    if ((only && !only.has(stage.name)) || skip?.has(stage.name)) {
      outcomes.push({ stage: stage.name, status: "skipped", ms: 0, counts: null });
      continue;
    }
    if (failedStage) {
      outcomes.push({ stage: stage.name, status: "not run", ms: 0, counts: null });
      continue;
    }
    console.log(`\n━━ ${stage.name} ━━`);
    const t = Date.now();
    let code = 0;
    for (const c of stage.commands) {
      console.log(`$ ${path.relative(root, c.cmd) || c.cmd} ${c.args.join(" ")}`);
      code = await run(c.cmd, c.args, c.env);
      if (code !== 0) break;
    }
    const counts = stage.report?.() ?? null;
    outcomes.push({ stage: stage.name, status: code === 0 ? "passed" : "FAILED", ms: Date.now() - t, counts });
    if (code !== 0) failedStage = stage.name;
  }

  let passed = 0;
  let failed = 0;
  console.log("\n━━ summary ━━");
  for (const o of outcomes) {
    const tests = o.counts
      ? `  ${o.counts.passed} passed, ${o.counts.failed} failed${o.counts.skipped ? `, ${o.counts.skipped} skipped` : ""}`
      : "";
    console.log(`  ${o.stage.padEnd(12)} ${o.status.padEnd(8)} ${o.ms ? duration(o.ms).padStart(7) : "".padStart(7)}${tests}`);
    passed += o.counts?.passed ?? 0;
    failed += o.counts?.failed ?? 0;
    // A stage that failed without a failing test (a type error, a crash) still counts as one failure.
    if (o.status === "FAILED" && !o.counts?.failed) failed += 1;
  }
  console.log(`  total                 ${duration(Date.now() - started).padStart(7)}`);
  if (failedStage) console.log(`\nStopped: ${failedStage} failed; later stages did not run.`);
  console.log(`\n${passed} passed, ${failed} failed`);
  return failedStage ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    return 1;
  })
  .then((code) => {
    rmSync(reports, { recursive: true, force: true });
    process.exit(code);
  });
