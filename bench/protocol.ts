/** What the orchestrator (run.ts) and the load generator child (load.ts) exchange. */

export interface LoadRequest {
  url: string;
  connections: number;
  /** Seconds of measured load. */
  duration: number;
  /** Seconds of unmeasured load first (JIT, connection set-up, caches). 0 skips it. */
  warmup: number;
  /** Paths on `url`'s origin that each connection requests in turn (instead of `url` itself). */
  paths?: string[];
}

export interface LoadResult {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Successful (2xx) responses in the measured run. */
  requests: number;
  requestsPerSecond: number;
  /** Over successful responses of the measured run. */
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Responses of any status during the warm-up. */
  warmupRequests: number;
  /** CPU the load generator used during the measured run, as a share of one core (near 1 = it may be the bottleneck). */
  loadGeneratorCpu: number;
}

/** The child prints exactly one line starting with this, followed by the LoadResult as JSON. */
export const RESULT_PREFIX = "BENCH_RESULT ";
