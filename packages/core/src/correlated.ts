import { sql, type SQL } from "@agora/db";

/**
 * A correlated subquery used as a select field. In a select from one table, drizzle prints the
 * columns of a field's top-level SQL without their table name, so `listings.id` inside
 * `(select … from variants where variants.listing_id = listings.id)` would bind to `variants.id`.
 * Nesting the fragment keeps every column qualified.
 */
export function correlated<T>(subquery: SQL): SQL<T> {
  return sql<T>`${subquery}`;
}
