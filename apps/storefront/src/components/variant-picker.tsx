"use client";

import type { StockState } from "@agora/core/stock";
import { stockLabel } from "@agora/core/stock";
import { cn } from "@agora/ui/cn";
import { Price } from "@agora/ui/price";
import { useId, useMemo } from "react";
import { initialVariant } from "~/lib/variant-selection";
import { AddToCart } from "./add-to-cart";
import { useSelectedVariant } from "./selected-variant";

export interface PickerVariant {
  id: string;
  sku: string;
  options: { name: string; value: string }[];
  priceMinor: number;
  compareAtMinor: number | null;
  stock: StockState;
}

type Selection = Record<string, string>;

function selectionOf(variant: PickerVariant): Selection {
  return Object.fromEntries(variant.options.map((o) => [o.name, o.value]));
}

function matches(variant: PickerVariant, selection: Selection): boolean {
  return Object.entries(selection).every(([name, value]) => variant.options.some((o) => o.name === name && o.value === value));
}

/**
 * Price, options and stock for the chosen variant. Each option is a radio group named by the option
 * (e.g. "Size") whose radios are labelled by the values ("M"); combinations that are out of stock or
 * not offered stay selectable but are marked, and the stock line always describes the selection.
 */
export function VariantPicker({ variants, optionNames, currency }: { variants: PickerVariant[]; optionNames: string[]; currency: string }) {
  const baseId = useId();
  const initial = initialVariant(variants);
  const [selectedId, setSelectedId] = useSelectedVariant(initial?.id);
  const selected = variants.find((v) => v.id === selectedId) ?? initial;

  // Variants without option values (a listing sold in one form) fall back to choosing by SKU.
  const names = useMemo(() => {
    const used = optionNames.filter((n) => variants.some((v) => v.options.some((o) => o.name === n)));
    return used;
  }, [optionNames, variants]);

  if (!selected) return null;
  const current = selectionOf(selected);

  function choose(name: string, value: string) {
    const wanted = { ...current, [name]: value };
    const exact = variants.find((v) => matches(v, wanted));
    if (exact) return setSelectedId(exact.id);
    // That combination is not offered: keep the new value and pick the best variant that has it.
    const withValue = variants.filter((v) => matches(v, { [name]: value }));
    const best = withValue.find((v) => v.stock.kind !== "out_of_stock") ?? withValue[0];
    if (best) setSelectedId(best.id);
  }

  const statusId = `${baseId}-stock`;
  return (
    <div className="space-y-5">
      <div>
        <Price amountMinor={selected.priceMinor} compareAtMinor={selected.compareAtMinor} currency={currency} className="text-2xl" />
      </div>

      {names.map((name) => {
        const values = [...new Set(variants.flatMap((v) => v.options.filter((o) => o.name === name).map((o) => o.value)))];
        const others = Object.fromEntries(Object.entries(current).filter(([n]) => n !== name));
        return (
          <fieldset key={name}>
            <legend className="mb-2 text-sm font-medium text-ink">
              {name}: <span className="font-normal text-stone-600">{current[name]}</span>
            </legend>
            <div className="flex flex-wrap gap-2">
              {values.map((value) => {
                const variant = variants.find((v) => matches(v, { ...others, [name]: value }));
                const state = !variant ? "unavailable" : variant.stock.kind === "out_of_stock" ? "out" : "ok";
                const noteId = `${baseId}-${name}-${value}-note`.replace(/\s+/g, "_");
                const checked = current[name] === value;
                return (
                  <label
                    key={value}
                    className={cn(
                      "relative inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border px-4 text-sm font-medium transition-colors select-none",
                      "has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-brand-600",
                      checked && state === "ok" && "border-ink bg-ink text-white",
                      checked && state !== "ok" && "border-stone-600 bg-stone-600 text-white",
                      !checked && state === "ok" && "border-stone-300 bg-white text-ink hover:border-stone-500",
                      !checked && state !== "ok" && "border-dashed border-stone-300 bg-stone-50 text-stone-500 hover:border-stone-500",
                    )}
                  >
                    <input
                      type="radio"
                      name={`${baseId}-${name}`}
                      value={value}
                      checked={checked}
                      onChange={() => choose(name, value)}
                      aria-describedby={state === "ok" ? undefined : noteId}
                      className="sr-only"
                    />
                    <span className={cn(state !== "ok" && "line-through decoration-1")}>{value}</span>
                    {state !== "ok" && (
                      <span id={noteId} className="sr-only">
                        {state === "out" ? "Out of stock" : "Not available in this combination"}
                      </span>
                    )}
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}

      {names.length === 0 && variants.length > 1 && (
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-ink">Option</legend>
          <div className="flex flex-wrap gap-2">
            {variants.map((v) => (
              <label
                key={v.id}
                className={cn(
                  "inline-flex min-h-11 cursor-pointer items-center rounded-lg border px-4 text-sm font-medium has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-brand-600",
                  v.id === selected.id ? "border-ink bg-ink text-white" : "border-stone-300 bg-white text-ink",
                  v.stock.kind === "out_of_stock" && "line-through",
                )}
              >
                <input type="radio" name={`${baseId}-sku`} checked={v.id === selected.id} onChange={() => setSelectedId(v.id)} className="sr-only" />
                {v.sku}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <div className="space-y-1">
        <p id={statusId} aria-live="polite" className="flex items-center gap-2 text-sm font-medium">
          <span
            aria-hidden
            className={cn(
              "size-2.5 rounded-full",
              selected.stock.kind === "in_stock" ? "bg-emerald-500" : selected.stock.kind === "low_stock" ? "bg-amber-500" : "bg-stone-400",
            )}
          />
          <span
            className={cn(
              selected.stock.kind === "in_stock" ? "text-emerald-800" : selected.stock.kind === "low_stock" ? "text-amber-800" : "text-stone-600",
            )}
          >
            {stockLabel(selected.stock)}
          </span>
        </p>
        <p className="text-xs text-muted">SKU {selected.sku}</p>
      </div>

      <AddToCart key={selected.id} variant={selected} />
    </div>
  );
}
