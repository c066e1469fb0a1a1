/**
 * Runs Agora: `start` (production build), `dev` (hot reload), `seed`, or `db` (only the database).
 * Without DATABASE_URL it starts the embedded PostgreSQL under .data/ and stops it on exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { hashPassword, notificationSettings, renderMarkdown } from "@agora/core";
import { createDb } from "@agora/db";
import { DEMO_ACCOUNTS, isSeeded, seedBulkListings, seedDemo } from "@agora/db/seed";
import { dataDir, localAuthSecret, openDatabase, root } from "./lib/runtime";

const command = process.argv[2] ?? "start";
const listingsArg = process.argv.indexOf("--listings");
const listingsTarget = listingsArg > 0 ? Number(process.argv[listingsArg + 1]) : undefined;
if (listingsTarget !== undefined && (!Number.isInteger(listingsTarget) || listingsTarget < 1)) {
  console.error("--listings needs a positive whole number, e.g. --listings 100000");
  process.exit(2);
}

const mediaDir = process.env.MEDIA_DIR ?? path.join(dataDir, "media");
const children: ChildProcess[] = [];

/**
 * Each app runs in a process group of its own (npm → sh → next), stopped as a whole: signalling npm
 * alone left the Next servers running, holding their ports, when Agora was stopped by `kill` rather
 * than Ctrl+C (which reaches the terminal's whole group).
 */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  children.push(child);
  return child;
}

function stopChildren() {
  for (const c of children) {
    if (c.pid === undefined || c.exitCode !== null || c.signalCode !== null) continue;
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function main() {
  const database = await openDatabase();
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    stopChildren();
    await new Promise((r) => setTimeout(r, 500));
    await database.server?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const { db, close } = createDb(database.url, { max: 4 });
  const deps = { hashPassword, renderMarkdown, mediaDir, log: (m: string) => console.log(`[seed] ${m}`) };
  if (!(await isSeeded(db))) {
    console.log("[agora] seeding demo data…");
    await seedDemo(db, deps);
  }
  if (listingsTarget) await seedBulkListings(db, deps, listingsTarget);
  await close();

  if (command === "db") {
    console.log(`[agora] database ready: DATABASE_URL=${database.url}\n[agora] Ctrl+C stops it.`);
    return;
  }
  if (command === "seed") {
    console.log("[agora] seed done");
    return stop(0);
  }

  const secret = localAuthSecret();
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: secret,
    MEDIA_DIR: mediaDir,
    STOREFRONT_URL: process.env.STOREFRONT_URL ?? "http://localhost:3000",
    SELLER_URL: process.env.SELLER_URL ?? "http://localhost:3001",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  if (command === "start") {
    if (!process.argv.includes("--no-build")) {
      console.log("[agora] building both apps (skip with --no-build)…");
      const build = run(npm, ["run", "build", "--", "--filter=./apps/*"], env);
      const code = await new Promise<number>((r) => build.on("exit", (c) => r(c ?? 1)));
      if (code !== 0) return stop(code);
    }
  }
  // Also checks the e-mail and SMS settings before anything starts.
  const devInbox = notificationSettings().devInbox;
  const task = command === "dev" ? "dev" : "start";
  const started = {
    storefront: run(npm, ["run", task, "-w", "@agora/storefront"], env),
    seller: run(npm, ["run", task, "-w", "@agora/seller"], env),
    // Delivers the order e-mails and text messages the apps write to the outbox.
    worker: run(process.execPath, ["--import", "tsx", path.join("scripts", "worker.ts")], env),
  };
  for (const [name, child] of Object.entries(started)) {
    child.on("exit", (code) => {
      if (!stopping) {
        console.error(`[agora] ${name} exited (${code}); stopping`);
        void stop(code ?? 1);
      }
    });
  }
  console.log(`
  Agora is starting:
    storefront  ${env.STOREFRONT_URL}
    seller      ${env.SELLER_URL}   (operator console at ${env.SELLER_URL}/admin)${devInbox ? `\n    messages    ${env.STOREFRONT_URL}/dev/inbox   (development inbox: no SMTP or SMS provider is configured)` : ""}
  Demo accounts (password ${DEMO_ACCOUNTS.buyer.password}):
    ${DEMO_ACCOUNTS.buyer.email}, ${DEMO_ACCOUNTS.seller.email}, ${DEMO_ACCOUNTS.operator.email}
  Press Ctrl+C to stop.`);
}

main().catch((error) => {
  console.error(error);
  stopChildren();
  process.exit(1);
});
