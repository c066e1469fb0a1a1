/**
 * Test databases: one embedded PostgreSQL per test run (started by the integration project's global
 * setup), one migrated template, and a fresh copy of it for each test file.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createDb, type Db } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { migrateDatabase } from "./migrate";

const TEMPLATE = "agora_template";

/** Starts the server for a test run and returns the admin URL (database "postgres") and a stop function. */
export async function startTestServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    // An external server: the URL names its maintenance database; we create ours beside it.
    const adminUrl = process.env.TEST_DATABASE_URL;
    await recreateTemplate(adminUrl);
    return { adminUrl, stop: async () => {} };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "agora-test-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
  const adminUrl = server.url("postgres");
  await recreateTemplate(adminUrl);
  return {
    adminUrl,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(adminUrl: string, name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreateTemplate(adminUrl: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${TEMPLATE}" with (force)`);
    await sql.unsafe(`create database "${TEMPLATE}"`);
  } finally {
    await sql.end();
  }
  await migrateDatabase(withDatabase(adminUrl, TEMPLATE));
}

export interface TestDatabase {
  db: Db;
  url: string;
  drop: () => Promise<void>;
}

/** A fresh, migrated, empty database copied from the template (fast: a file copy on the server). */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${TEMPLATE}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const handle = createDb(url, { max: 60 });
  return {
    db: handle.db,
    url,
    drop: async () => {
      await handle.close();
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}
