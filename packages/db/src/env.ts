import { z } from "zod";

/** Connections each app process keeps to PostgreSQL when DATABASE_POOL_SIZE is not set. */
export const DEFAULT_POOL_SIZE = 10;

const poolSizeSchema = z.coerce.number().int().min(1).max(100);

export interface DatabaseEnv {
  /** The server to use; unset when the launcher has not started or chosen one yet. */
  url: string | null;
  /** Connections per process (DATABASE_POOL_SIZE). */
  poolSize: number;
}

/**
 * The database settings of this process, read and checked in one place. DATABASE_POOL_SIZE caps each
 * process's connections: searches and catalog queries are CPU-bound, so more statements at once than
 * the database server has cores only makes them take turns less efficiently (bench/README.md, search).
 */
export function databaseEnv(env: Record<string, string | undefined> = process.env): DatabaseEnv {
  const rawPool = env.DATABASE_POOL_SIZE?.trim();
  let poolSize = DEFAULT_POOL_SIZE;
  if (rawPool) {
    const parsed = poolSizeSchema.safeParse(rawPool);
    if (!parsed.success) throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 100 (it is "${rawPool}").`);
    poolSize = parsed.data;
  }
  return { url: env.DATABASE_URL?.trim() || null, poolSize };
}
