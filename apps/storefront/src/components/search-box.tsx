"use client";

import { useTRPC } from "@agora/api/react";
import { imageSources } from "@agora/core/image-urls";
import { formatMoney } from "@agora/core/money";
import { cn } from "@agora/ui/cn";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";

const MIN_SUGGEST_LENGTH = 2;
const DEBOUNCE_MS = 180;

interface Option {
  key: string;
  kind: "query" | "category" | "listing";
  href: string;
  label: string;
  detail: string | null;
  image: { storageKey: string; widths: number[] } | null;
}

/**
 * The header's search box: a GET form to /search (so it works before scripts load) that, with
 * scripts, suggests categories and listings as the shopper types. Follows the ARIA combobox pattern:
 * the text field keeps focus, arrow keys move through the options (aria-activedescendant), Enter opens
 * the chosen one or searches for the text, Escape closes the list (or clears the field). On phones it
 * folds into a button and opens over the header row.
 */
export function SearchBox() {
  return (
    <Suspense fallback={<SearchCombobox initialQuery="" handsOver />}>
      <SearchBoxFromAddress />
    </Suspense>
  );
}

/**
 * On a page prerendered without its address, the server sends a placeholder box and the box that reads
 * the address replaces it once scripts run (the placeholder never runs any script). What the shopper
 * typed into the placeholder meanwhile is only in its field, which is still in the document while the
 * new box first renders: the new box takes the words and the focus over, so a quick shopper's words
 * are not lost and Enter still searches for them.
 */
function placeholderField(): HTMLInputElement | null {
  return typeof document === "undefined" ? null : document.querySelector<HTMLInputElement>("input[data-placeholder-box]");
}

/** On a results page the box shows what was searched for. */
function SearchBoxFromAddress() {
  const pathname = usePathname();
  const params = useSearchParams();
  const q = pathname === "/search" ? (params.get("q") ?? "") : "";
  return <SearchCombobox key={q} initialQuery={q} />;
}

function SearchCombobox({ initialQuery, handsOver = false }: { initialQuery: string; handsOver?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const inputRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Found on the first render, while the placeholder is still in the document (see placeholderField).
  const [placeholder] = useState(() => (handsOver || initialQuery ? null : placeholderField()));
  const [placeholderFocused] = useState(() => placeholder !== null && document.activeElement === placeholder);
  const [value, setValue] = useState(initialQuery || (placeholder?.value ?? ""));
  const [debounced, setDebounced] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [expanded, setExpanded] = useState(placeholderFocused || Boolean(placeholder?.value));

  useLayoutEffect(() => {
    if (!placeholder) return;
    // Now the placeholder has left the document; it still holds what was typed until this moment,
    // including between that first render and now.
    const typed = placeholder.value;
    if (typed) {
      setValue(typed);
      setExpanded(true);
    }
    if (placeholderFocused || typed) inputRef.current?.focus();
  }, [placeholder, placeholderFocused]);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  // Only once the shopper is in the box: a results page pre-fills it, and nobody needs its suggestions yet.
  const enabled = open && debounced.length >= MIN_SUGGEST_LENGTH;
  const suggestions = useQuery(
    trpc.search.suggest.queryOptions({ prefix: debounced }, { enabled, staleTime: 60_000, placeholderData: keepPreviousData }),
  );

  const text = value.trim();
  const options: Option[] = [];
  if (text)
    options.push({
      key: "query",
      kind: "query",
      href: `/search?q=${encodeURIComponent(text)}`,
      label: text,
      detail: null,
      image: null,
    });
  if (enabled && text.length >= MIN_SUGGEST_LENGTH && suggestions.data) {
    for (const c of suggestions.data.categories)
      options.push({
        key: `c:${c.slug}`,
        kind: "category",
        href: `/c/${c.slug}`,
        label: c.name,
        detail: c.parentName,
        image: null,
      });
    for (const l of suggestions.data.listings)
      options.push({
        key: `l:${l.id}`,
        kind: "listing",
        href: `/p/${l.slug}`,
        label: l.title,
        detail: formatMoney(l.priceMinor, l.currency),
        image: l.image,
      });
  }
  const showList = open && options.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  const activeIndex = active < options.length ? active : -1;
  const suggestionCount = options.length - (text ? 1 : 0);

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    setExpanded(false);
    inputRef.current?.blur();
    router.push(href);
  };

  const collapse = () => {
    setOpen(false);
    setActive(-1);
    setExpanded(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!options.length) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => {
        if (!showList) return step > 0 ? 0 : options.length - 1;
        const from = i < 0 || i >= options.length ? (step > 0 ? -1 : options.length) : i;
        return (from + step + options.length) % options.length;
      });
    } else if (e.key === "Enter") {
      const option = showList && activeIndex >= 0 ? options[activeIndex] : undefined;
      if (option) {
        e.preventDefault();
        go(option.href);
      }
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (showList) {
        setOpen(false);
        setActive(-1);
      } else if (value) {
        setValue("");
      } else if (expanded) {
        collapse();
      }
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  };

  const expand = () => {
    setExpanded(true);
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  return (
    <div className="flex min-w-0 flex-1 justify-end sm:justify-center">
      {/* Phones: a button that opens the box over the header row (a link to the search page without scripts). */}
      <a
        href="/search"
        onClick={(e) => {
          e.preventDefault();
          expand();
        }}
        aria-label="Search"
        className={cn(
          "inline-flex size-10 shrink-0 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 hover:text-ink sm:hidden",
          expanded && "invisible",
        )}
      >
        <SearchIcon className="size-6" />
      </a>
      <form
        ref={formRef}
        role="search"
        action="/search"
        method="get"
        onSubmit={(e) => {
          e.preventDefault();
          // The field itself, not state: words typed before scripts ran are only there.
          const words = (inputRef.current?.value ?? text).trim();
          go(words ? `/search?q=${encodeURIComponent(words)}` : "/search");
        }}
        onBlur={(e) => {
          if (!formRef.current?.contains(e.relatedTarget as Node | null)) {
            setOpen(false);
            setActive(-1);
            if (!value) setExpanded(false);
          }
        }}
        className={cn(
          "w-full max-w-xl items-center gap-2",
          expanded
            ? "absolute inset-x-0 top-0 z-40 flex h-16 bg-white px-4 sm:relative sm:inset-auto sm:z-auto sm:h-auto sm:bg-transparent sm:px-0"
            : "relative hidden sm:flex",
        )}
      >
        <div className="relative min-w-0 flex-1">
          <label htmlFor={`${id}-input`} className="sr-only">
            Search products
          </label>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-stone-400" />
          <input
            ref={inputRef}
            data-placeholder-box={handsOver || undefined}
            id={`${id}-input`}
            name="q"
            type="search"
            role="combobox"
            aria-expanded={showList}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={showList && activeIndex >= 0 ? optionId(activeIndex) : undefined}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={200}
            placeholder="Search products, brands and categories"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onKeyDown={onKeyDown}
            className="h-10 w-full rounded-full border border-stone-300 bg-stone-50 pr-10 pl-10 text-[15px] text-ink placeholder:text-stone-500 focus:border-brand-600 focus:bg-white focus:ring-2 focus:ring-brand-100 focus:outline-none [&::-webkit-search-cancel-button]:hidden"
          />
          {value && (
            <button
              type="button"
              aria-label="Clear search"
              onClick={() => {
                setValue("");
                setActive(-1);
                inputRef.current?.focus();
              }}
              className="absolute top-1/2 right-1.5 inline-flex size-8 -translate-y-1/2 items-center justify-center rounded-full text-stone-500 hover:bg-stone-200 hover:text-ink"
            >
              <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
                <path d="m5 5 10 10M15 5 5 15" strokeLinecap="round" />
              </svg>
            </button>
          )}
        </div>
        {expanded && (
          <button
            type="button"
            onClick={collapse}
            className="shrink-0 rounded-lg px-2 py-2 text-sm font-medium text-brand-700 sm:hidden"
          >
            Cancel
          </button>
        )}

        <div
          id={listboxId}
          role="listbox"
          aria-label="Search suggestions"
          hidden={!showList}
          className="absolute inset-x-0 top-full z-50 max-h-[70dvh] overflow-y-auto border-y border-stone-200 bg-white py-2 shadow-lg sm:mt-1.5 sm:rounded-xl sm:border"
        >
          {options.map((option, i) => (
            <div
              key={option.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => go(option.href)}
              className={cn(
                "flex min-h-11 cursor-pointer items-center gap-3 px-4 py-1.5 text-sm text-ink",
                i === activeIndex && "bg-brand-50",
                option.kind === "category" &&
                  i > 0 &&
                  options[i - 1]?.kind !== "category" &&
                  "mt-1 border-t border-stone-100 pt-2",
                option.kind === "listing" && i > 0 && options[i - 1]?.kind !== "listing" && "mt-1 border-t border-stone-100 pt-2",
              )}
            >
              <OptionBody option={option} />
            </div>
          ))}
        </div>
        <div role="status" aria-live="polite" className="sr-only">
          {open && enabled && suggestions.isSuccess
            ? suggestionCount === 0
              ? "No suggestions."
              : `${suggestionCount} ${suggestionCount === 1 ? "suggestion" : "suggestions"}. Use the up and down arrows to choose.`
            : ""}
        </div>
      </form>
    </div>
  );
}

function OptionBody({ option }: { option: Option }) {
  if (option.kind === "query")
    return (
      <>
        <SearchIcon className="size-5 shrink-0 text-stone-400" />
        <span className="min-w-0 truncate">
          Search for <span className="font-semibold">“{option.label}”</span>
        </span>
      </>
    );
  if (option.kind === "category")
    return (
      <>
        <svg
          viewBox="0 0 20 20"
          className="size-5 shrink-0 text-stone-400"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.6}
          aria-hidden
        >
          <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5h3.6l1.5 1.6h5.9A1.5 1.5 0 0 1 17 8.1v6.4a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 14.5z" />
        </svg>
        <span className="min-w-0 truncate">
          <span className="font-medium">{option.label}</span>
          <span className="text-muted">{option.detail ? ` in ${option.detail}` : " — all products"}</span>
        </span>
      </>
    );
  const src = option.image ? imageSources(option.image, 160).src : null;
  return (
    <>
      <span className="size-10 shrink-0 overflow-hidden rounded-md bg-stone-100">
        {src && <img src={src} alt="" width={40} height={40} loading="lazy" className="size-full object-cover" />}
      </span>
      <span className="min-w-0 flex-1 truncate">{option.label}</span>
      {option.detail && <span className="shrink-0 text-muted tabular-nums">{option.detail}</span>}
    </>
  );
}

function SearchIcon({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      aria-hidden
    >
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="m15.5 15.5 5 5" />
    </svg>
  );
}
