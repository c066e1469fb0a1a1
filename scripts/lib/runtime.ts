import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres, type EmbeddedServer } from "@agora/db/embedded";
import { migrateDatabase } from "@agora/db/migrate";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const dataDir = path.join(root, ".data");

/** A stable secret for local runs, so sessions survive restarts; production sets AUTH_SECRET. */
export function localAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

export interface Database {
  url: string;
  server: EmbeddedServer | null;
}

/**
 * DATABASE_URL when set (production); otherwise the embedded PostgreSQL with its data under
 * `dir` (default .data/pg). Migrations are applied either way.
 */
export async function openDatabase(options: { dir?: string; ephemeral?: boolean; name?: string } = {}): Promise<Database> {
  let url = process.env.DATABASE_URL;
  let server: EmbeddedServer | null = null;
  if (!url) {
    const dir = options.dir ?? path.join(dataDir, "pg");
    console.log(`[agora] starting embedded PostgreSQL (data in ${path.relative(root, dir) || dir})`);
    server = await startEmbeddedPostgres({
      dataDir: dir,
      ephemeral: options.ephemeral ?? false,
      // A fixed port for the local data directory, so `DATABASE_URL` is predictable while developing.
      port: options.dir ? undefined : Number(process.env.AGORA_DB_PORT ?? 54329),
    });
    const name = options.name ?? "agora";
    await server.createDatabase(name);
    url = server.url(name);
  }
  await migrateDatabase(url);
  return { url, server };
}
