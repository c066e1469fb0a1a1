"use client";

import type { SearchResult } from "@agora/validators";
import { useState, type ReactNode } from "react";
import { deliveryLabel, priceLabel, ratingFacetLabel, searchSortLabels, type SearchState } from "~/lib/search-params";
import { AutoSubmitForm } from "./search-transition";

type Facets = SearchResult["facets"];

/** The words and sort travel with every filter change; paging starts again. */
function CarriedState({ state, sort = true }: { state: SearchState; sort?: boolean }) {
  return (
    <>
      {state.q && <input type="hidden" name="q" value={state.q} />}
      {sort && state.sort !== "relevance" && <input type="hidden" name="sort" value={state.sort} />}
    </>
  );
}

function Count({ n }: { n: number }) {
  return <span className="ml-auto pl-2 text-xs text-muted tabular-nums">{n.toLocaleString("en-US")}</span>;
}

function Choice({
  id,
  type,
  name,
  value,
  checked,
  onToggle,
  count,
  children,
}: {
  id: string;
  type: "checkbox" | "radio";
  name: string;
  value: string;
  checked: boolean;
  onToggle: (checked: boolean) => void;
  count?: number;
  children: ReactNode;
}) {
  return (
    <li>
      <label
        htmlFor={id}
        className="flex min-h-10 cursor-pointer items-center gap-2.5 rounded-md px-1 text-sm text-stone-700 hover:bg-stone-50 hover:text-ink"
      >
        <input
          id={id}
          type={type}
          name={name}
          value={value}
          checked={checked}
          onChange={(e) => onToggle(e.target.checked)}
          className="size-4 shrink-0 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        />
        <span className="min-w-0">{children}</span>
        {count !== undefined && <Count n={count} />}
      </label>
    </li>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="border-t border-stone-200 py-4 first:border-t-0 first:pt-0">
      <legend className="mb-1 text-sm font-semibold text-ink">{legend}</legend>
      <ul role="list" className="space-y-0.5">
        {children}
      </ul>
    </fieldset>
  );
}

const VISIBLE_STORES = 8;

type Selection = Pick<SearchState, "categories" | "sellers" | "prices" | "deliveryWithin" | "minRating" | "pickup" | "includeOutOfStock">;

const selectionOf = (state: SearchState): Selection => ({
  categories: state.categories,
  sellers: state.sellers,
  prices: state.prices,
  deliveryWithin: state.deliveryWithin,
  minRating: state.minRating,
  pickup: state.pickup,
  includeOutOfStock: state.includeOutOfStock,
});

/**
 * Facets as a GET form of real checkboxes and radios (fieldsets with legends), with the number of
 * results each choice would show. The boxes follow a click at once and the address when it changes
 * (a removed chip, the back button) without being re-created, so keyboard focus stays put. Rendered
 * twice on a page (sidebar on wide screens, filter panel on phones): `idPrefix` keeps ids apart.
 */
export function SearchFilters({
  state,
  facets,
  idPrefix,
  submitLabel,
  alwaysShowSubmit,
}: {
  state: SearchState;
  facets: Facets;
  idPrefix: string;
  submitLabel: string;
  alwaysShowSubmit: boolean;
}) {
  const fromAddress = selectionOf(state);
  const [sel, setSel] = useState(fromAddress);
  const [seen, setSeen] = useState(fromAddress);
  if (JSON.stringify(seen) !== JSON.stringify(fromAddress)) {
    setSeen(fromAddress);
    setSel(fromAddress);
  }
  const flip = <K extends "categories" | "sellers" | "prices">(key: K, value: Selection[K][number], on: boolean) =>
    setSel((s) => ({ ...s, [key]: on ? [...(s[key] as string[]), value] : (s[key] as string[]).filter((v) => v !== value) }));

  // The tree of categories that have results (or are chosen), biggest first.
  const tops = facets.categories.filter((c) => c.parentSlug === null || !facets.categories.some((p) => p.slug === c.parentSlug));
  const childrenOf = (slug: string) => facets.categories.filter((c) => c.parentSlug === slug);
  const stores = facets.sellers;
  const prices = facets.prices.filter((p) => p.count > 0 || p.selected);
  const delivery = facets.delivery.filter((d) => d.count > 0 || d.selected);
  const ratings = (facets.rating ?? []).filter((r) => r.count > 0 || r.selected);
  const soldOut = facets.availability.all - facets.availability.inStock;
  const id = (...parts: string[]) => [idPrefix, ...parts].join("-");

  const category = (c: Facets["categories"][number], label: ReactNode) => (
    <Choice
      key={c.slug}
      id={id("category", c.slug)}
      type="checkbox"
      name="category"
      value={c.slug}
      checked={sel.categories.includes(c.slug)}
      onToggle={(on) => flip("categories", c.slug, on)}
      count={c.count}
    >
      {label}
    </Choice>
  );
  const store = (s: Facets["sellers"][number]) => (
    <Choice
      key={s.slug}
      id={id("seller", s.slug)}
      type="checkbox"
      name="seller"
      value={s.slug}
      checked={sel.sellers.includes(s.slug)}
      onToggle={(on) => flip("sellers", s.slug, on)}
      count={s.count}
    >
      {s.name}
    </Choice>
  );
  const submit = (
    <button
      type="submit"
      className="mt-2 inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-ink px-4 text-sm font-semibold text-white hover:bg-stone-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      {submitLabel}
    </button>
  );

  return (
    <AutoSubmitForm label="Filters" className="text-sm">
      <CarriedState state={state} />

      {tops.length > 0 && (
        <Group legend="Category">
          {tops.map((top) => (
            <li key={top.slug}>
              <ul role="list">
                {category(top, <span className="font-medium">{top.name}</span>)}
                {childrenOf(top.slug).length > 0 && (
                  <li>
                    <ul role="list" className="ml-6">
                      {childrenOf(top.slug).map((child) => category(child, child.name))}
                    </ul>
                  </li>
                )}
              </ul>
            </li>
          ))}
        </Group>
      )}

      {prices.length > 0 && (
        <Group legend="Price">
          {prices.map((p) => (
            <Choice
              key={p.key}
              id={id("price", p.key)}
              type="checkbox"
              name="price"
              value={p.key}
              checked={sel.prices.includes(p.key)}
              onToggle={(on) => flip("prices", p.key, on)}
              count={p.count}
            >
              {priceLabel(p)}
            </Choice>
          ))}
        </Group>
      )}

      <Group legend="Delivery">
        <Choice
          id={id("delivery", "any")}
          type="radio"
          name="delivery"
          value=""
          checked={sel.deliveryWithin === null}
          onToggle={(on) => on && setSel((s) => ({ ...s, deliveryWithin: null }))}
        >
          Any delivery time
        </Choice>
        {delivery.map((d) => (
          <Choice
            key={d.withinDays}
            id={id("delivery", String(d.withinDays))}
            type="radio"
            name="delivery"
            value={String(d.withinDays)}
            checked={sel.deliveryWithin === d.withinDays}
            onToggle={(on) => on && setSel((s) => ({ ...s, deliveryWithin: d.withinDays }))}
            count={d.count}
          >
            {deliveryLabel(d.withinDays)}
          </Choice>
        ))}
        {(facets.pickup.count > 0 || facets.pickup.selected) && (
          <Choice
            id={id("pickup")}
            type="checkbox"
            name="pickup"
            value="1"
            checked={sel.pickup}
            onToggle={(on) => setSel((s) => ({ ...s, pickup: on }))}
            count={facets.pickup.count}
          >
            Pickup available now
          </Choice>
        )}
      </Group>

      {ratings.length > 0 && (
        <Group legend="Customer rating">
          <Choice
            id={id("rating", "any")}
            type="radio"
            name="rating"
            value=""
            checked={sel.minRating === null}
            onToggle={(on) => on && setSel((s) => ({ ...s, minRating: null }))}
          >
            Any rating
          </Choice>
          {ratings.map((r) => (
            <Choice
              key={r.minStars}
              id={id("rating", String(r.minStars))}
              type="radio"
              name="rating"
              value={String(r.minStars)}
              checked={sel.minRating === r.minStars}
              onToggle={(on) => on && setSel((s) => ({ ...s, minRating: r.minStars as SearchState["minRating"] }))}
              count={r.count}
            >
              <span aria-hidden className="text-amber-500">
                {"★".repeat(r.minStars)}
              </span>{" "}
              {ratingFacetLabel(r.minStars)}
            </Choice>
          ))}
        </Group>
      )}

      {(soldOut > 0 || state.includeOutOfStock) && (
        <Group legend="Availability">
          <Choice
            id={id("stock")}
            type="checkbox"
            name="stock"
            value="all"
            checked={sel.includeOutOfStock}
            onToggle={(on) => setSel((s) => ({ ...s, includeOutOfStock: on }))}
          >
            Include sold-out products
            <span className="block text-xs text-muted">
              {soldOut === 0
                ? "None match right now"
                : `${soldOut.toLocaleString("en-US")} more ${soldOut === 1 ? "product" : "products"}`}
            </span>
          </Choice>
        </Group>
      )}

      {stores.length > 0 && (
        <Group legend="Store">
          {stores.slice(0, VISIBLE_STORES).map(store)}
          {stores.length > VISIBLE_STORES && (
            <li>
              <details className="group">
                <summary className="flex min-h-10 cursor-pointer items-center px-1 text-sm font-medium text-brand-700 hover:underline">
                  <span className="group-open:hidden">Show all {stores.length} stores</span>
                  <span className="hidden group-open:inline">Show fewer stores</span>
                </summary>
                <ul role="list" className="space-y-0.5">
                  {stores.slice(VISIBLE_STORES).map(store)}
                </ul>
              </details>
            </li>
          )}
        </Group>
      )}

      {/* Without scripts this applies the choices; with scripts they apply as they change. */}
      {alwaysShowSubmit ? submit : <noscript>{submit}</noscript>}
    </AutoSubmitForm>
  );
}

export function SortForm({ state, idPrefix }: { state: SearchState; idPrefix: string }) {
  const id = `${idPrefix}-sort`;
  const [sort, setSort] = useState(state.sort);
  const [seen, setSeen] = useState(state.sort);
  if (seen !== state.sort) {
    setSeen(state.sort);
    setSort(state.sort);
  }
  return (
    <AutoSubmitForm label="Sort" className="flex items-center gap-2">
      <CarriedState state={state} sort={false} />
      {state.categories.map((c) => (
        <input key={`c${c}`} type="hidden" name="category" value={c} />
      ))}
      {state.sellers.map((s) => (
        <input key={`s${s}`} type="hidden" name="seller" value={s} />
      ))}
      {state.prices.map((p) => (
        <input key={`p${p}`} type="hidden" name="price" value={p} />
      ))}
      {state.deliveryWithin !== null && <input type="hidden" name="delivery" value={state.deliveryWithin} />}
      {state.minRating !== null && <input type="hidden" name="rating" value={state.minRating} />}
      {state.pickup && <input type="hidden" name="pickup" value="1" />}
      {state.includeOutOfStock && <input type="hidden" name="stock" value="all" />}
      <label htmlFor={id} className="text-sm whitespace-nowrap text-muted">
        Sort by
      </label>
      <select
        id={id}
        name="sort"
        value={sort}
        onChange={(e) => setSort(e.target.value as SearchState["sort"])}
        className="min-h-10 rounded-lg border border-stone-300 bg-white py-1.5 pr-8 pl-3 text-sm text-ink focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
      >
        {(Object.keys(searchSortLabels) as (keyof typeof searchSortLabels)[]).map((value) => (
          <option key={value} value={value}>
            {searchSortLabels[value]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="min-h-10 rounded-lg px-3 text-sm font-medium ring-1 ring-stone-300">
          Apply
        </button>
      </noscript>
    </AutoSubmitForm>
  );
}
