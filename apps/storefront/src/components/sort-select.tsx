"use client";

import type { CatalogSort } from "@agora/validators";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { browseHref, sortLabels } from "~/lib/browse-params";

/**
 * Sort order as a real GET form (works before scripts load); with scripts, changing the select
 * navigates at once. Changing the order goes back to page 1.
 */
export function SortSelect({ basePath, sort }: { basePath: string; sort: CatalogSort }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <form method="get" action={basePath} className="flex items-center gap-2" aria-busy={pending || undefined}>
      <label htmlFor={id} className="text-sm whitespace-nowrap text-muted">
        Sort by
      </label>
      <select
        key={sort}
        id={id}
        name="sort"
        defaultValue={sort}
        onChange={(e) => {
          const value = e.currentTarget.value as CatalogSort;
          startTransition(() => router.push(browseHref(basePath, { sort: value }), { scroll: false }));
        }}
        className="min-h-10 rounded-lg border border-stone-300 bg-white py-1.5 pr-8 pl-3 text-sm text-ink focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
      >
        {(Object.keys(sortLabels) as CatalogSort[]).map((value) => (
          <option key={value} value={value}>
            {sortLabels[value]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="min-h-10 rounded-lg px-3 text-sm font-medium ring-1 ring-stone-300">
          Apply
        </button>
      </noscript>
    </form>
  );
}
