/**
 * The framework floor: the smallest App Router page (bench/next-floor), built with the storefront's
 * own Next and React and served like the storefront, so Lighthouse can score it in the same run. Its
 * score is the most any page of the storefront could reach on this machine: every storefront page
 * carries the same framework, plus its own stylesheet, client components and content.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { cp, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { floorBuildDir, floorSourceDir, log, logsDir, PORTS, SERVER_CORE, tail } from "./context";
import { startPinned, stopManaged, waitForHttp, type Managed } from "./processes";
import { nextBin } from "./storefront";

export interface FloorServer {
  url: string;
  stop: () => Promise<void>;
}

/** Builds the floor page from a fresh copy and starts `next start` for it on the server core. */
export async function startFloorPage(): Promise<FloorServer> {
  await rm(floorBuildDir, { recursive: true, force: true });
  await mkdir(floorBuildDir, { recursive: true });
  await cp(path.join(floorSourceDir, "app"), path.join(floorBuildDir, "app"), { recursive: true });
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const logFile = path.join(logsDir, "next-floor-build.log");
  log(`building the bare Next page (bench/next-floor) for Lighthouse's framework floor…`);
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [nextBin(), "build"], { cwd: floorBuildDir, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  await new Promise((r) => out.end(r));
  if (code !== 0) throw new Error(`next build of bench/next-floor failed (exit ${code}):\n${tail(logFile, 30)}`);

  const server: Managed = startPinned(
    "next start (floor page)",
    SERVER_CORE,
    [process.execPath, nextBin(), "start", "-p", String(PORTS.floor), "-H", "127.0.0.1"],
    { cwd: floorBuildDir, env, logFile: path.join(logsDir, "next-floor-start.log") },
  );
  const url = `http://127.0.0.1:${PORTS.floor}/`;
  await waitForHttp(server, url, 60_000);
  return { url, stop: () => stopManaged(server) };
}
