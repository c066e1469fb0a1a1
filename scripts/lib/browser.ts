/**
 * Finds a Chromium for Playwright on any machine, without Playwright's own download (which cannot
 * reach its servers here). In order:
 *   1. E2E_CHROMIUM_PATH, when set;
 *   2. Debian's Chromium at /usr/bin/chromium, when installed;
 *   3. as root with apt-get: install Debian's `chromium` package (about 1–2 minutes, once per machine);
 *   4. the Chromium shipped inside the npm package @sparticuz/chromium (unpacked to /tmp on first use).
 * E2E_BROWSER=debian|sparticuz forces one of the two; E2E_NO_APT=1 skips step 3.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM_ARGS } from "../../e2e/support/browser-args";
import { root } from "./runtime";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export { CHROMIUM_ARGS };

export interface Browser {
  executablePath: string;
  source: "E2E_CHROMIUM_PATH" | "debian" | "debian (installed now)" | "@sparticuz/chromium";
  version: string;
}

type Log = (message: string) => void;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `chromium --version`, or null when the binary does not start (missing libraries, wrong arch). */
function versionOf(executablePath: string): string | null {
  const result = spawnSync(executablePath, ["--version", ...CHROMIUM_ARGS], { encoding: "utf8", timeout: 30_000 });
  if (result.status !== 0) return null;
  return result.stdout.trim().split("\n").pop()?.trim() || "unknown version";
}

function commandExists(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function installDebianChromium(log: Log): boolean {
  log("no Chromium found: installing Debian's `chromium` package with apt-get (once per machine, about 1–2 minutes)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // Another apt run (a teammate installing something) holds the lock: wait for it rather than fail.
  const lock = ["-o", "DPkg::Lock::Timeout=300"];
  const steps: string[][] = [
    ["apt-get", ...lock, "update", "-qq"],
    ["apt-get", ...lock, "install", "-y", "-qq", "chromium"],
  ];
  for (const [cmd, ...args] of steps) {
    if (!cmd) continue;
    const result = spawnSync(cmd, args, { env, stdio: ["ignore", "inherit", "inherit"], timeout: 15 * 60_000 });
    if (result.status !== 0) {
      log(`\`${cmd} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}).`);
      return false;
    }
  }
  return isExecutable(DEBIAN_CHROMIUM);
}

async function sparticuzChromium(log: Log): Promise<string | null> {
  try {
    // The package is a dependency of the e2e workspace, so resolve it from there.
    const require = createRequire(path.join(root, "e2e", "package.json"));
    const entry = require.resolve("@sparticuz/chromium");
    const esm = path.join(path.dirname(entry), "..", "esm", "index.js");
    const mod = (await import(pathToFileURL(esm).href)) as { default: { executablePath: () => Promise<string> } };
    log("using the Chromium shipped in the npm package @sparticuz/chromium (unpacking it to the temp directory)…");
    return await mod.default.executablePath();
  } catch (error) {
    log(`@sparticuz/chromium is not usable: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export async function findChromium(log: Log): Promise<Browser> {
  const forced = process.env.E2E_BROWSER;
  const fromEnv = process.env.E2E_CHROMIUM_PATH;
  if (fromEnv) {
    const version = versionOf(fromEnv);
    if (!version) throw new Error(`E2E_CHROMIUM_PATH=${fromEnv} does not start (try \`${fromEnv} --version\`).`);
    return { executablePath: fromEnv, source: "E2E_CHROMIUM_PATH", version };
  }

  if (forced !== "sparticuz") {
    if (isExecutable(DEBIAN_CHROMIUM)) {
      const version = versionOf(DEBIAN_CHROMIUM);
      if (version) return { executablePath: DEBIAN_CHROMIUM, source: "debian", version };
      log(`${DEBIAN_CHROMIUM} is installed but does not start; trying the next option.`);
    } else if (process.getuid?.() === 0 && commandExists("apt-get") && process.env.E2E_NO_APT !== "1") {
      if (installDebianChromium(log)) {
        const version = versionOf(DEBIAN_CHROMIUM);
        if (version) return { executablePath: DEBIAN_CHROMIUM, source: "debian (installed now)", version };
      }
      log("installing Debian's Chromium did not work; falling back to @sparticuz/chromium.");
    }
    if (forced === "debian") throw new Error("E2E_BROWSER=debian, but Debian's Chromium is not available.");
  }

  const executablePath = await sparticuzChromium(log);
  const version = executablePath ? versionOf(executablePath) : null;
  if (executablePath && version) return { executablePath, source: "@sparticuz/chromium", version };
  throw new Error(
    "No Chromium for the end-to-end tests. Install Debian's (`apt-get install -y chromium`, as root) " +
      "or run `npm ci` so that @sparticuz/chromium is present, or set E2E_CHROMIUM_PATH.",
  );
}
