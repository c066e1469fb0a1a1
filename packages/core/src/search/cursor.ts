import type { SearchSort } from "@agora/validators";

/**
 * A position in a sorted result list: the sort key and id of the row it points at, and whether the
 * page wanted is the one after that row or the one before it. Ordering is always (key, id), a total
 * order, so paging never skips or repeats a row even when many share a price or a score.
 */
export interface SearchCursor {
  sort: SearchSort;
  /** The row's sort key as a decimal integer (score, price in minor units or microseconds since 1970). */
  key: string;
  id: string;
  direction: "after" | "before";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INTEGER = /^-?\d{1,19}$/;
const SORTS: readonly SearchSort[] = ["relevance", "price-asc", "price-desc", "newest"];

/** Opaque to clients: base64url of a compact JSON array. */
export function encodeCursor(cursor: SearchCursor): string {
  const json = JSON.stringify([1, cursor.sort, cursor.key, cursor.id, cursor.direction === "after" ? "a" : "b"]);
  return Buffer.from(json, "utf8").toString("base64url");
}

/** Null for anything that is not a cursor this code wrote (tampered, truncated, or from another version). */
export function decodeCursor(value: string | null | undefined): SearchCursor | null {
  if (!value || value.length > 400 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return null;
  const [version, sort, key, id, direction] = parsed as unknown[];
  if (version !== 1) return null;
  if (typeof sort !== "string" || !SORTS.includes(sort as SearchSort)) return null;
  if (typeof key !== "string" || !INTEGER.test(key)) return null;
  if (typeof id !== "string" || !UUID.test(id)) return null;
  if (direction !== "a" && direction !== "b") return null;
  return { sort: sort as SearchSort, key, id, direction: direction === "a" ? "after" : "before" };
}
