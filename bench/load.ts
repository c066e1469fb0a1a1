/**
 * The load generator: one autocannon warm-up then one measured run against one URL, in this process.
 * The parent starts it pinned to its own core (`taskset -c 1`), so it never competes with the server
 * under test, and reads the single `BENCH_RESULT {json}` line it prints.
 *
 * Latencies are collected per response here because autocannon's own summary has no p95.
 */
import autocannon, { type Result } from "autocannon";
import { RESULT_PREFIX, type LoadRequest, type LoadResult } from "./protocol";

/** Per-request timeout in seconds: a cold render can be slow, a hung one must not stall the run. */
const REQUEST_TIMEOUT_S = 10;

class LatencyRecorder {
  private values = new Float64Array(1 << 16);
  private count = 0;
  bytes = 0;

  add(ms: number, bytes: number) {
    this.bytes += bytes;
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = ms;
  }

  summary() {
    const sorted = this.values.slice(0, this.count).sort();
    const at = (q: number) =>
      sorted.length ? (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0) : 0;
    let sum = 0;
    for (const v of sorted) sum += v;
    const round = (v: number) => Math.round(v * 100) / 100;
    return {
      mean: round(sorted.length ? sum / sorted.length : 0),
      p50: round(at(0.5)),
      p95: round(at(0.95)),
      p99: round(at(0.99)),
      max: round(sorted[sorted.length - 1] ?? 0),
    };
  }
}

function run(request: LoadRequest, duration: number, recorder?: LatencyRecorder): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        connections: request.connections,
        duration,
        timeout: REQUEST_TIMEOUT_S,
        headers: { accept: "text/html" },
        ...(request.paths?.length ? { requests: request.paths.map((path) => ({ method: "GET" as const, path })) } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (recorder) {
      instance.on("response", (_client, statusCode, resBytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) recorder.add(responseTime, resBytes);
      });
    }
    const stop = () => instance.stop();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}

async function main() {
  const raw = process.argv[2];
  if (!raw) throw new Error("usage: load.ts '<LoadRequest as JSON>'");
  const request = JSON.parse(raw) as LoadRequest;

  const warmup = request.warmup > 0 ? await run(request, request.warmup) : null;
  const recorder = new LatencyRecorder();
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const result = await run(request, request.duration, recorder);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);

  const requests = result["2xx"];
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const output: LoadResult = {
    url: request.url,
    connections: request.connections,
    durationSeconds: result.duration,
    requests,
    requestsPerSecond: Math.round((requests / result.duration) * 10) / 10,
    latencyMs: recorder.summary(),
    bytesPerResponse: requests ? Math.round(recorder.bytes / requests) : 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    warmupRequests: warmup ? warmup["2xx"] + warmup.non2xx : 0,
    loadGeneratorCpu: Math.round(cpuShare * 100) / 100,
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
