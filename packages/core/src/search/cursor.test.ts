import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, type SearchCursor } from "./cursor";

const cursor: SearchCursor = { sort: "price-asc", key: "2500", id: "0b5e1c1e-9d4c-4b8e-9a51-8f6a4f0c2d11", direction: "after" };

describe("search cursors", () => {
  it("round-trips every sort and direction", () => {
    for (const sort of ["relevance", "price-asc", "price-desc", "newest"] as const)
      for (const direction of ["after", "before"] as const) {
        const value = { ...cursor, sort, direction, key: "1796000000000000" };
        expect(decodeCursor(encodeCursor(value))).toEqual(value);
      }
  });

  it("is URL-safe and opaque", () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded).not.toContain(cursor.id);
  });

  it("keeps large and negative keys exact", () => {
    const value = { ...cursor, key: "-9223372036854775808" };
    expect(decodeCursor(encodeCursor(value))?.key).toBe("-9223372036854775808");
  });

  it.each([
    ["nothing", null],
    ["an empty string", ""],
    ["characters outside base64url", "abc+/="],
    ["not JSON", Buffer.from("hello").toString("base64url")],
    ["an object", Buffer.from(JSON.stringify({ sort: "newest" })).toString("base64url")],
    ["another version", Buffer.from(JSON.stringify([2, "newest", "1", cursor.id, "a"])).toString("base64url")],
    ["an unknown sort", Buffer.from(JSON.stringify([1, "popular", "1", cursor.id, "a"])).toString("base64url")],
    ["a non-integer key", Buffer.from(JSON.stringify([1, "newest", "1.5", cursor.id, "a"])).toString("base64url")],
    ["SQL in the key", Buffer.from(JSON.stringify([1, "newest", "1; drop table x", cursor.id, "a"])).toString("base64url")],
    ["a bad id", Buffer.from(JSON.stringify([1, "newest", "1", "not-a-uuid", "a"])).toString("base64url")],
    ["a bad direction", Buffer.from(JSON.stringify([1, "newest", "1", cursor.id, "x"])).toString("base64url")],
    ["an overlong value", "a".repeat(401)],
  ])("rejects %s", (_, value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});
