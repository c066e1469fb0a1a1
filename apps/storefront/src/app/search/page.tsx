import type { SearchResult } from "@agora/validators";
import { cn } from "@agora/ui/cn";
import { EmptyState } from "@agora/ui/empty-state";
import type { Metadata } from "next";
import { Suspense } from "react";
import { PaintedLink } from "~/components/painted-link";
import { ProductGrid } from "~/components/product-card";
import { cachedCategoryTree } from "~/lib/catalog";
import { runSearch } from "~/lib/search";
import { deliveryLabel, hasFilters, parseSearchParams, priceLabel, ratingFacetLabel, searchHref, type SearchState } from "~/lib/search-params";
import { SearchFilters, SortForm } from "./search-filters";
import { PendingRegion, SearchTransitionProvider } from "./search-transition";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const state = parseSearchParams(await searchParams);
  // Result pages are for people: search engines should follow their links, not index them.
  return { title: state.q ? `Results for “${state.q}”` : "Search", robots: { index: false, follow: true } };
}

export default function SearchPage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-7xl px-4 pt-5 pb-12 sm:pt-8">
      <Suspense fallback={<ResultsSkeleton />}>
        <SearchResults searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

/** Results depend on each request's address, so they render per request inside the static shell. */
async function SearchResults({ searchParams }: Props) {
  const state = parseSearchParams(await searchParams);
  if (!state.q && !hasFilters(state)) return <StartSearching />;
  const result = await runSearch(state);
  const filtered = hasFilters(state);
  // Nothing to narrow down and nothing chosen: the no-results help takes the whole width.
  const showFilters = result.total > 0 || filtered || result.facets.availability.all > 0;
  const heading = state.q ? (
    <>
      Results for <span className="text-brand-800">“{state.q}”</span>
    </>
  ) : (
    "Filtered products"
  );
  const activeCount =
    state.categories.length +
    state.sellers.length +
    state.prices.length +
    (state.deliveryWithin ? 1 : 0) +
    (state.minRating ? 1 : 0) +
    (state.pickup ? 1 : 0) +
    (state.includeOutOfStock ? 1 : 0);

  return (
    <SearchTransitionProvider>
      <h1 className="text-2xl font-bold tracking-tight break-words text-ink sm:text-3xl">{heading}</h1>
      {result.corrections.length > 0 && result.total > 0 && (
        <p className="mt-2 text-sm text-stone-700">
          Including results for{" "}
          {result.corrections.map((c, i) => (
            <span key={c.word}>
              {i > 0 && ", "}
              <strong className="font-semibold">{c.suggestion}</strong>
            </span>
          ))}
          .
        </p>
      )}

      <div className={cn("mt-5", showFilters && "lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8")}>
        {showFilters && (
          <aside aria-label="Filters" className="hidden lg:block">
            <SearchFilters
              state={state}
              facets={result.facets}
              idPrefix="side"
              submitLabel="Apply filters"
              alwaysShowSubmit={false}
            />
          </aside>
        )}

        <PendingRegion>
          <div className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3">
            <p className="text-sm text-muted" role="status" aria-live="polite">
              {resultCountText(result)}
            </p>
            {result.total > 1 && <SortForm state={state} idPrefix="top" />}
          </div>

          {/* Phones and tablets: the filters fold into a panel that opens above the results. */}
          {showFilters && (
            <details className="group mt-3 rounded-xl border border-stone-200 bg-white lg:hidden">
              <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-4 text-sm font-semibold text-ink [&::-webkit-details-marker]:hidden">
                <span className="inline-flex items-center gap-2">
                  <svg viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.7} aria-hidden>
                    <path d="M3 5h14M6 10h8M8.5 15h3" strokeLinecap="round" />
                  </svg>
                  Filters
                  {activeCount > 0 && (
                    <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white">{activeCount}</span>
                  )}
                </span>
                <svg
                  viewBox="0 0 20 20"
                  className="size-4 transition-transform group-open:rotate-180"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={2}
                  aria-hidden
                >
                  <path d="m5 8 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              </summary>
              <div className="border-t border-stone-200 px-4 pt-4 pb-4">
                <SearchFilters
                  state={state}
                  facets={result.facets}
                  idPrefix="panel"
                  submitLabel={result.total === 1 ? "Show 1 result" : `Show ${result.total.toLocaleString("en-US")} results`}
                  alwaysShowSubmit
                />
              </div>
            </details>
          )}

          {filtered && <ActiveFilters state={state} result={result} />}

          {result.items.length > 0 ? (
            <div className="mt-5">
              <ProductGrid
                items={result.items}
                label={state.q ? `Results for ${state.q}` : "Filtered products"}
                eagerFirstRow={!state.cursor}
              />
              <Pager state={state} result={result} />
            </div>
          ) : (
            <NoResults state={state} result={result} />
          )}
        </PendingRegion>
      </div>
    </SearchTransitionProvider>
  );
}

function resultCountText(result: SearchResult): string {
  const n = result.total.toLocaleString("en-US");
  if (result.total === 0) return "No results";
  if (result.total <= result.items.length && result.range.from === 1) return result.total === 1 ? "1 result" : `${n} results`;
  return `${result.range.from.toLocaleString("en-US")}–${result.range.to.toLocaleString("en-US")} of ${n} results`;
}

/** One removable chip per active filter, and a way to clear them all. */
function ActiveFilters({ state, result }: { state: SearchState; result: SearchResult }) {
  const { facets } = result;
  const chips: { key: string; label: string; href: string }[] = [
    ...state.categories.map((slug) => ({
      key: `c:${slug}`,
      label: facets.categories.find((c) => c.slug === slug)?.name ?? slug,
      href: searchHref(state, { categories: state.categories.filter((c) => c !== slug) }),
    })),
    ...state.sellers.map((slug) => ({
      key: `s:${slug}`,
      label: facets.sellers.find((s) => s.slug === slug)?.name ?? slug,
      href: searchHref(state, { sellers: state.sellers.filter((s) => s !== slug) }),
    })),
    ...state.prices.map((key) => {
      const bucket = facets.prices.find((p) => p.key === key);
      return {
        key: `p:${key}`,
        label: bucket ? priceLabel(bucket) : key,
        href: searchHref(state, { prices: state.prices.filter((p) => p !== key) }),
      };
    }),
    ...(state.deliveryWithin !== null
      ? [{ key: "d", label: deliveryLabel(state.deliveryWithin), href: searchHref(state, { deliveryWithin: null }) }]
      : []),
    ...(state.minRating !== null ? [{ key: "rating", label: ratingFacetLabel(state.minRating), href: searchHref(state, { minRating: null }) }] : []),
    ...(state.pickup ? [{ key: "pickup", label: "Pickup available now", href: searchHref(state, { pickup: false }) }] : []),
    ...(state.includeOutOfStock
      ? [{ key: "stock", label: "Including sold out", href: searchHref(state, { includeOutOfStock: false }) }]
      : []),
  ];
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      <h2 className="sr-only">Active filters</h2>
      <ul role="list" className="contents">
        {chips.map((chip) => (
          <li key={chip.key}>
            <PaintedLink
              href={chip.href}
              scroll={false}
              aria-label={`Remove filter: ${chip.label}`}
              className="inline-flex min-h-9 items-center gap-1.5 rounded-full bg-brand-50 py-1 pr-2.5 pl-3.5 text-sm font-medium text-brand-900 ring-1 ring-brand-200 hover:bg-brand-100"
            >
              {chip.label}
              <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
                <path d="m6 6 8 8M14 6l-8 8" strokeLinecap="round" />
              </svg>
            </PaintedLink>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <PaintedLink
          href={searchHref(state, {
            categories: [],
            sellers: [],
            prices: [],
            deliveryWithin: null,
            minRating: null,
            pickup: false,
            includeOutOfStock: false,
          })}
          scroll={false}
          className="inline-flex min-h-9 items-center px-2 text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
        >
          Clear all filters
        </PaintedLink>
      )}
    </div>
  );
}

/** Cursor paging: the address holds an opaque position, so a page never skips or repeats results. */
function Pager({ state, result }: { state: SearchState; result: SearchResult }) {
  const { nextCursor, prevCursor } = result.pageInfo;
  if (!nextCursor && !prevCursor) return null;
  const item =
    "inline-flex min-h-11 items-center justify-center gap-1 rounded-lg px-4 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-50";
  return (
    <nav aria-label="Result pages" className="mt-8 flex flex-wrap items-center justify-center gap-3">
      {prevCursor ? (
        <PaintedLink href={searchHref(state, { cursor: prevCursor })} rel="prev" className={item}>
          <span aria-hidden>←</span> Previous
        </PaintedLink>
      ) : (
        state.cursor && (
          <PaintedLink href={searchHref(state)} className={item}>
            First page
          </PaintedLink>
        )
      )}
      <span className="text-sm text-muted tabular-nums">
        {result.range.from.toLocaleString("en-US")}–{result.range.to.toLocaleString("en-US")} of{" "}
        {result.total.toLocaleString("en-US")}
      </span>
      {nextCursor && (
        <PaintedLink href={searchHref(state, { cursor: nextCursor })} rel="next" className={item}>
          Next <span aria-hidden>→</span>
        </PaintedLink>
      )}
    </nav>
  );
}

function NoResults({ state, result }: { state: SearchState; result: SearchResult }) {
  const help = result.noResults;
  const soldOut = result.facets.availability.all - result.facets.availability.inStock;
  // The words find products; only the chosen filters left none.
  const withoutFilters = state.q && hasFilters(state) ? (help?.withoutFilters ?? 0) : 0;
  const link = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900";
  const title = !state.q
    ? "No products match these filters"
    : withoutFilters > 0
      ? `No results for “${state.q}” with these filters`
      : `No results for “${state.q}”`;
  return (
    <div className="mt-6">
      <EmptyState title={title}>
        <div className="space-y-3">
          {help && help.didYouMean.length > 0 && (
            <p>
              Did you mean{" "}
              {help.didYouMean.map((q, i) => (
                <span key={q}>
                  {i > 0 && (i === help.didYouMean.length - 1 ? " or " : ", ")}
                  <PaintedLink href={searchHref(state, { q })} className={link}>
                    {q}
                  </PaintedLink>
                </span>
              ))}
              ?
            </p>
          )}
          {!state.includeOutOfStock && soldOut > 0 && (
            <p>
              {soldOut === 1 ? "1 sold-out product matches." : `${soldOut.toLocaleString("en-US")} sold-out products match.`}{" "}
              <PaintedLink href={searchHref(state, { includeOutOfStock: true })} className={link}>
                Show sold-out products
              </PaintedLink>
            </p>
          )}
          {withoutFilters > 0 && (
            <p>
              <PaintedLink
                href={searchHref({
                  ...state,
                  categories: [],
                  sellers: [],
                  prices: [],
                  deliveryWithin: null,
                  minRating: null,
                  pickup: false,
                  includeOutOfStock: false,
                })}
                className={link}
              >
                {withoutFilters === 1
                  ? `See the 1 result for “${state.q}”`
                  : `See all ${withoutFilters.toLocaleString("en-US")} results for “${state.q}”`}
              </PaintedLink>{" "}
              without filters.
            </p>
          )}
          {!help?.didYouMean.length && state.q && withoutFilters === 0 && (
            <p>Check the spelling, or try fewer or more general words.</p>
          )}
        </div>
      </EmptyState>
      {help && help.popularCategories.length > 0 && (
        <section aria-labelledby="popular-categories" className="mt-8">
          <h2 id="popular-categories" className="text-base font-semibold text-ink">
            Popular categories
          </h2>
          <CategoryLinks categories={help.popularCategories} />
        </section>
      )}
    </div>
  );
}

function CategoryLinks({ categories }: { categories: { slug: string; name: string; count?: number }[] }) {
  return (
    <ul role="list" className="mt-3 flex flex-wrap gap-2">
      {categories.map((c) => (
        <li key={c.slug}>
          <PaintedLink
            href={`/c/${c.slug}`}
            className="inline-flex min-h-10 items-center gap-2 rounded-full bg-white px-4 text-sm font-medium text-stone-700 ring-1 ring-stone-200 hover:bg-stone-50 hover:text-ink hover:ring-stone-300"
          >
            {c.name}
            {c.count !== undefined && <span className="text-xs text-muted tabular-nums">{c.count.toLocaleString("en-US")}</span>}
          </PaintedLink>
        </li>
      ))}
    </ul>
  );
}

/** No words and no filters yet: a search field (it also serves phones without scripts) and ways in. */
async function StartSearching() {
  const tree = await cachedCategoryTree();
  return (
    <div className="mx-auto max-w-2xl py-6 text-center sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Search Agora</h1>
      <p className="mt-2 text-sm text-muted">Find products by name, brand, material or anything in their description.</p>
      <form role="search" method="get" action="/search" className="mt-6 flex gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search products
        </label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          required
          maxLength={200}
          placeholder="e.g. rain jacket, coffee grinder"
          className="h-12 min-w-0 flex-1 rounded-xl border border-stone-300 bg-white px-4 text-base text-ink focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
        <button
          type="submit"
          className="h-12 shrink-0 rounded-xl bg-brand-600 px-5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Search
        </button>
      </form>
      <section aria-labelledby="browse-categories" className="mt-10 text-left">
        <h2 id="browse-categories" className="text-base font-semibold text-ink">
          Or browse a category
        </h2>
        <CategoryLinks categories={tree.map((c) => ({ slug: c.slug, name: c.name }))} />
      </section>
    </div>
  );
}

function ResultsSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only" role="status">
        Searching…
      </span>
      <div className="h-8 w-64 animate-pulse rounded-lg bg-stone-100" />
      <div className="mt-5 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <div className="hidden space-y-3 lg:block">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-24 animate-pulse rounded-xl bg-stone-100" />
          ))}
        </div>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="aspect-[3/4] animate-pulse rounded-xl bg-stone-100" />
          ))}
        </div>
      </div>
    </div>
  );
}
