/** Starting pinned processes, stopping them, and watching what they cost in CPU. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { log, sleep, tail } from "./context";

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });
}

export function cpuList(pid: number): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? "?";
  } catch {
    return "?";
  }
}

/** Pins a running process and all its threads to one core; its future children inherit it. */
export function pin(pid: number, core: string) {
  execFileSync("taskset", ["-a", "-p", "-c", core, String(pid)], { stdio: "ignore" });
}

export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds used so far by the live processes of the given process groups (a server and its
 * workers) and the given process trees (PostgreSQL's postmaster and its backends).
 */
export function cpuSeconds(groups: number[], parents: number[] = []): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces: state is field 3.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      const pgrp = Number(fields[2]);
      if (!groups.includes(pgrp) && !parents.includes(ppid) && !parents.includes(pid)) continue;
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks / CLOCK_TICKS;
}

/** Microseconds during which some runnable task waited for a CPU, machine-wide (Linux PSI); null when unavailable. */
export function cpuPressureMicros(): number | null {
  try {
    const some = /^some .*total=(\d+)/m.exec(readFileSync("/proc/pressure/cpu", "utf8"));
    return some ? Number(some[1]) : null;
  } catch {
    return null;
  }
}

export interface Managed {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

export const managed = new Set<Managed>();

/** Starts `command` pinned to `core`, in its own process group so stopping it stops its children too. */
export function startPinned(
  name: string,
  core: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Managed {
  const out = createWriteStream(options.logFile);
  const child = spawn("taskset", ["-c", core, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const entry: Managed = { name, child, logFile: options.logFile, exited };
  managed.add(entry);
  void exited.then(() => managed.delete(entry));
  return entry;
}

export function signalGroup(entry: Managed, signal: NodeJS.Signals) {
  const pid = entry.child.pid;
  if (!pid || entry.child.exitCode !== null) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export async function stopManaged(entry: Managed) {
  signalGroup(entry, "SIGTERM");
  const done = await Promise.race([entry.exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done) {
    log(`${entry.name} did not stop within 10 s; killing it`);
    signalGroup(entry, "SIGKILL");
    await Promise.race([entry.exited, sleep(2_000)]);
  }
}

export async function waitForHttp(entry: Managed, url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null)
      throw new Error(`${entry.name} exited (code ${entry.child.exitCode}) before answering:\n${tail(entry.logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${entry.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(entry.logFile)}`);
}

export async function waitForLine(entry: Managed, line: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null)
      throw new Error(`${entry.name} exited (code ${entry.child.exitCode}):\n${tail(entry.logFile)}`);
    if (existsSync(entry.logFile) && readFileSync(entry.logFile, "utf8").includes(line)) return;
    await sleep(100);
  }
  throw new Error(`${entry.name} did not become ready within ${timeoutMs / 1000} s:\n${tail(entry.logFile)}`);
}
