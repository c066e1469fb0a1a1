import type { PgDatabase } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { databaseEnv, DEFAULT_POOL_SIZE } from "./env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database handle or an open transaction: every use-case takes one of these first. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  close: () => Promise<void>;
}

export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? DEFAULT_POOL_SIZE,
    onnotice: () => {},
  });
  const db = drizzle(client, { schema });
  return { db, close: () => client.end({ timeout: 5 }) };
}

const globalForDb = globalThis as unknown as { agoraDb?: DbHandle };

/**
 * The process-wide database, from DATABASE_URL. The launcher (`npm start` / `npm run dev`) sets it,
 * pointing at the embedded server when no URL was given.
 */
export function getDb(): Db {
  if (!globalForDb.agoraDb) {
    const { url, poolSize } = databaseEnv();
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Start Agora with `npm start` or `npm run dev`, which start the embedded PostgreSQL when no DATABASE_URL is given.",
      );
    }
    globalForDb.agoraDb = createDb(url, { max: poolSize });
  }
  return globalForDb.agoraDb.db;
}
