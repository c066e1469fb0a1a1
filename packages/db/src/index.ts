export * from "./client";
export * as schema from "./schema";
export type { SQL } from "drizzle-orm";
export { sql, and, or, eq, ne, gt, gte, lt, lte, inArray, notInArray, isNull, isNotNull, desc, asc, count, ilike, exists } from "drizzle-orm";
export { writeSearchDocuments, type SearchDocumentScope } from "./search-documents";
