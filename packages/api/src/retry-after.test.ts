import { DomainError } from "@agora/core";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { retryAfterMeta } from "./retry-after";

const limited = (seconds?: number) => new TRPCError({ code: "TOO_MANY_REQUESTS", cause: new DomainError("RATE_LIMITED", "Wait", { retryAfterSeconds: seconds }) });

describe("retryAfterMeta", () => {
  it("adds Retry-After for a rate-limited call, the longest wait of a batch", () => {
    expect(retryAfterMeta({ errors: [limited(30)] }).headers?.get("retry-after")).toBe("30");
    expect(retryAfterMeta({ errors: [limited(30), limited(90), new TRPCError({ code: "NOT_FOUND" })] }).headers?.get("retry-after")).toBe("90");
    expect(retryAfterMeta({ errors: [limited()] }).headers?.get("retry-after")).toBe("1");
  });
  it("adds nothing otherwise", () => {
    expect(retryAfterMeta({ errors: [] })).toEqual({});
    expect(retryAfterMeta({ errors: [new TRPCError({ code: "FORBIDDEN", cause: new DomainError("FORBIDDEN") })] })).toEqual({});
  });
});
