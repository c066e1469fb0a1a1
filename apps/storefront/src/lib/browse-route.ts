import type { CatalogSort } from "@agora/validators";
import { notFound } from "next/navigation";
import { parsePage, parseSort } from "./browse-params";

/**
 * Reads the internal sort/page segments the browse rewrites produced. Anything they would not have
 * produced (someone typing the internal path) is a 404 rather than another cache entry.
 */
export function browseSegments(params: { sort: string; page: string }): { sort: CatalogSort; page: number } {
  const sort = parseSort(params.sort);
  const page = parsePage(params.page);
  if (sort !== params.sort || String(page) !== params.page) notFound();
  return { sort, page };
}
