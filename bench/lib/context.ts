/** Where the benchmark keeps things, what it listens on, and small helpers shared by its modules. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const benchDir = path.join(root, "bench");
export const resultsDir = path.join(benchDir, "results");
export const logsDir = path.join(resultsDir, "logs");
export const storefrontDir = path.join(root, "apps/storefront");
/** The storefront is built and served from a copy: see snapshotStorefront(). */
export const buildDir = path.join(root, ".data/bench-storefront");
/** The bare Next page (bench/next-floor) is built and served from a copy too. */
export const floorSourceDir = path.join(benchDir, "next-floor");
export const floorBuildDir = path.join(root, ".data/bench-floor");
/** Persistent, so reruns reuse the seeded catalog. */
export const pgDataDir = path.join(root, ".data/bench-pg");
export const mediaDir = path.join(root, ".data/bench-media");
export const seedRecordFile = path.join(root, ".data/bench-seed.json");
export const DATABASE = "agora";

export const PORTS = { next: 3400, bareCategory: 3401, bareProduct: 3402, floor: 3403 } as const;
/** The server side (Next, PostgreSQL, the bare server) runs on one core, the load generator on the other. */
export const SERVER_CORE = "0";
export const LOAD_CORE = "1";

export const STATIC_PATH = "/about";
export const categoryPath = (slug: string) => `/c/${encodeURIComponent(slug)}`;
export const productPath = (slug: string) => `/p/${encodeURIComponent(slug)}`;

const startedAt = Date.now();

export function log(message: string) {
  const t = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${t}s] ${message}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const seconds = (ms: number) => Math.round(ms / 100) / 10;

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
