"use client";

import { cn } from "@agora/ui/cn";
import { useEffect, useState } from "react";

/**
 * A quantity as − [n] +: the buttons step at once, a typed number is committed on Enter or when the
 * field loses focus, and the arrow keys step in the field. Typing beyond [min, max] is brought back into
 * range. Unavailable buttons are marked aria-disabled rather than disabled, so keyboard focus stays
 * where it was while a change is saved or when a limit is reached.
 */
export function QuantityStepper({
  id,
  itemName,
  value,
  min,
  max,
  onChange,
  disabled = false,
  invalid = false,
  describedBy,
  size = "md",
}: {
  id: string;
  /** Names the item in the accessible labels ("Quantity of Market tote"); leave out where it is obvious. */
  itemName?: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /** While true nothing can be changed (e.g. a change is being saved). */
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  size?: "sm" | "md";
}) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);

  const canDecrease = !disabled && value > min;
  const canIncrease = !disabled && value < max;

  function commit(raw: string) {
    if (raw === String(value)) return;
    const n = Number.parseInt(raw, 10);
    const next = Number.isFinite(n) ? Math.min(Math.max(n, min), Math.max(max, min)) : value;
    setDraft(String(next));
    if (next !== value && !disabled) onChange(next);
  }

  const of = itemName ? ` of ${itemName}` : "";
  const button = cn(
    "flex shrink-0 items-center justify-center text-stone-700 focus-visible:outline-offset-[-2px]",
    "hover:bg-stone-100 hover:text-ink aria-disabled:cursor-not-allowed aria-disabled:text-stone-300 aria-disabled:hover:bg-transparent",
    size === "sm" ? "size-9" : "size-11",
  );
  return (
    <div
      className={cn(
        "inline-flex items-stretch rounded-lg border bg-white focus-within:border-brand-600 [&>button:first-child]:rounded-l-lg [&>button:last-child]:rounded-r-lg",
        invalid ? "border-red-500" : "border-stone-300",
      )}
    >
      <button
        type="button"
        className={button}
        onClick={() => canDecrease && onChange(value - 1)}
        aria-disabled={!canDecrease || undefined}
        aria-label={`Decrease quantity${of}`}
      >
        <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden>
          <path d="M4 9.25h12v1.5H4z" />
        </svg>
      </button>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        aria-label={`Quantity${of}`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={draft}
        readOnly={disabled}
        onChange={(e) => setDraft(e.currentTarget.value.replace(/[^0-9]/g, "").slice(0, 3))}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit(e.currentTarget.value);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            if (canIncrease) onChange(value + 1);
          } else if (e.key === "ArrowDown") {
            e.preventDefault();
            if (canDecrease) onChange(value - 1);
          }
        }}
        className={cn(
          "w-12 border-x border-stone-200 bg-transparent text-center text-[15px] font-medium text-ink tabular-nums focus:bg-brand-50 focus:outline-none",
          size === "sm" ? "h-9" : "h-11",
        )}
      />
      <button
        type="button"
        className={button}
        onClick={() => canIncrease && onChange(value + 1)}
        aria-disabled={!canIncrease || undefined}
        aria-label={`Increase quantity${of}`}
      >
        <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden>
          <path d="M9.25 4h1.5v5.25H16v1.5h-5.25V16h-1.5v-5.25H4v-1.5h5.25z" />
        </svg>
      </button>
    </div>
  );
}
