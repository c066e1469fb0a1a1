import type { CatalogSort } from "@agora/validators";
import { notFound } from "next/navigation";
import { DEFAULT_SORT, parsePage, parseSort } from "./browse-params";

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

/**
 * The segments of a browse page's plain address (`/c/tents`, `/s/alder-co`): the default sort's first
 * page. Those addresses are routes of their own (`c/[slug]/page.tsx`, `s/[slug]/page.tsx`) rather than
 * rewrites to `/c/tents/popular/1`, because evaluating the rewrite list cost a cached page ~15% of its
 * serving time; other sorts and pages are still rewritten (browse-rewrites.ts).
 */
export async function firstPageParams(params: Promise<{ slug: string }>): Promise<{ slug: string; sort: string; page: string }> {
  return { slug: (await params).slug, sort: DEFAULT_SORT, page: "1" };
}
