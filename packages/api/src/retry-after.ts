import type { TRPCError } from "@trpc/server";
import { DomainError } from "@agora/core";

/**
 * The HTTP side of rate limits: a RATE_LIMITED domain error already answers 429 (its tRPC code is
 * TOO_MANY_REQUESTS); this adds `Retry-After` with the seconds until the next attempt may succeed, the
 * longest wait when a batch holds several.
 */
export function retryAfterMeta({ errors }: { errors: readonly TRPCError[] }): { headers?: Headers } {
  let seconds = 0;
  for (const error of errors) {
    const cause = error.cause;
    if (cause instanceof DomainError && cause.code === "RATE_LIMITED") seconds = Math.max(seconds, cause.retryAfterSeconds ?? 1);
  }
  return seconds > 0 ? { headers: new Headers({ "retry-after": String(seconds) }) } : {};
}
