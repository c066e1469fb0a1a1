"use client";

import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { SelectField, TextField } from "@agora/ui/field";
import {
  MAX_PIN_POSITION,
  MAX_PIN_QUERY_LENGTH,
  merchandisingRuleSchema,
  type MerchandisingPlacement,
  type MerchandisingRuleInput,
  type MerchandisingSegment,
} from "@agora/validators";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useFormFeedback } from "../use-form-feedback";
import { browserTimeZone, fromLocalInput, toLocalInput } from "./local-time";
import type { CategoryOption, ChosenListing, PinRule, PinsApi } from "./types";

export interface PinValues {
  listing: ChosenListing | null;
  placement: MerchandisingPlacement;
  categoryId: string;
  query: string;
  segment: MerchandisingSegment;
  position: string;
  startsAt: string;
  endsAt: string;
}

const DAY = 86_400_000;

/** A new pin: from now for a week, in first place. */
export function newPinValues(mode: PinsApi["mode"], now: Date = new Date()): PinValues {
  const start = new Date(now);
  start.setSeconds(0, 0);
  return {
    listing: null,
    placement: mode === "operator" ? "home_carousel" : "category",
    categoryId: "",
    query: "",
    segment: "everyone",
    position: "1",
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(new Date(start.getTime() + 7 * DAY)),
  };
}

export function pinValuesOf(rule: PinRule): PinValues {
  return {
    listing: { id: rule.listing.id, title: rule.listing.title, sellerName: rule.listing.sellerName, category: rule.listing.category, parentCategory: rule.listing.parentCategory },
    placement: rule.placement,
    categoryId: rule.categoryId ?? "",
    query: rule.query ?? "",
    segment: rule.segment,
    position: String(rule.position),
    startsAt: toLocalInput(rule.startsAt),
    endsAt: toLocalInput(rule.endsAt),
  };
}

function toInput(v: PinValues) {
  // On a category page every shopper is browsing that category: the segment is always "everyone" there.
  const segment = v.placement === "category" ? "everyone" : v.segment;
  return {
    listingId: v.listing?.id ?? "",
    placement: v.placement,
    categoryId: v.categoryId || null,
    query: v.query,
    segment,
    position: v.position.trim() === "" ? Number.NaN : Number(v.position),
    startsAt: fromLocalInput(v.startsAt),
    endsAt: fromLocalInput(v.endsAt),
  };
}

const placements: { value: MerchandisingPlacement; label: string; description: string; operatorOnly?: boolean }[] = [
  { value: "home_carousel", label: "Home page", description: "The Featured row on the home page.", operatorOnly: true },
  { value: "category", label: "Category page", description: "The Featured row at the top of a category page." },
  { value: "search", label: "Search results", description: "The results of a search for particular words." },
];

function RadioCard({ name, value, checked, onChange, label, description }: { name: string; value: string; checked: boolean; onChange: () => void; label: string; description: ReactNode }) {
  const id = useId();
  return (
    <label
      htmlFor={id}
      className={cn(
        "flex cursor-pointer gap-3 rounded-lg border p-3 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
        checked ? "border-brand-600 bg-brand-50/60" : "border-stone-200 bg-white hover:border-stone-300",
      )}
    >
      <input id={id} type="radio" name={name} value={value} checked={checked} onChange={onChange} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
      <span>
        <span className="block text-sm font-medium text-ink">{label}</span>
        <span className="block text-sm text-muted">{description}</span>
      </span>
    </label>
  );
}

/** Finds a listing by title words and picks it with a radio button; the choice can be changed. */
function ListingPicker({ api, chosen, onChoose, error }: { api: PinsApi; chosen: ChosenListing | null; onChoose: (listing: ChosenListing | null) => void; error?: string }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const errorId = useId();
  const resultsId = useId();
  const root = useRef<HTMLDivElement>(null);
  // The control that was used disappears when the choice changes: keep keyboard focus in the picker.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    root.current?.querySelector<HTMLElement>(chosen ? "[data-change-listing]" : 'input[type="search"]')?.focus();
  }, [chosen]);
  const choose = (listing: ChosenListing | null) => {
    moved.current = true;
    onChoose(listing);
  };
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({
    queryKey: ["pinnable-listings", api.mode, q],
    queryFn: () => api.search(q),
    enabled: !chosen,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  if (chosen)
    return (
      <div ref={root} className="space-y-1">
        <p className="text-sm font-medium text-ink">Listing</p>
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-stone-50 p-3">
          <div className="min-w-0">
            <p className="font-medium break-words text-ink">{chosen.title}</p>
            <p className="text-sm text-muted">
              {api.mode === "operator" ? `${chosen.sellerName} · ` : ""}
              {chosen.parentCategory ? `${chosen.parentCategory.name} › ` : ""}
              {chosen.category.name}
            </p>
          </div>
          <Button type="button" variant="secondary" size="sm" data-change-listing onClick={() => choose(null)}>
            Change listing
          </Button>
        </div>
        {error && (
          <p id={errorId} role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    );

  const items = results.data ?? [];
  return (
    <div ref={root} className="space-y-2">
      <TextField
        label="Listing"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Search by title"
        hint={api.mode === "operator" ? "Any listing of an approved store." : "One of your listings."}
        error={error}
        aria-controls={resultsId}
        autoComplete="off"
        maxLength={100}
      />
      <div id={resultsId} aria-live="polite" aria-busy={results.isFetching}>
        {results.isError ? (
          <p className="text-sm text-red-700">Listings could not be loaded. Try again.</p>
        ) : results.isPending ? (
          <p className="text-sm text-muted">Loading listings…</p>
        ) : items.length === 0 ? (
          <p className="text-sm text-muted">{q ? `No listings match “${q}”.` : "No listings yet."}</p>
        ) : (
          <fieldset>
            <legend className="sr-only">Choose the listing to pin</legend>
            <ul role="list" className={cn("max-h-72 divide-y divide-stone-100 overflow-y-auto rounded-lg border border-stone-200 bg-white", results.isFetching && "opacity-70")}>
              {items.map((l) => (
                <li key={l.id}>
                  <label className="flex cursor-pointer items-start gap-3 px-3 py-2.5 hover:bg-stone-50 has-[:focus-visible]:bg-brand-50">
                    <input type="radio" name="pin-listing" value={l.id} onChange={() => choose(l)} className="mt-1 size-4 shrink-0 accent-brand-600" />
                    <span className="min-w-0">
                      <span className="block text-sm font-medium break-words text-ink">{l.title}</span>
                      <span className="block text-xs text-muted">
                        {api.mode === "operator" ? `${l.sellerName} · ` : ""}
                        {l.category.name}
                        {l.status !== "active" ? " · Not published" : l.available === 0 ? " · Sold out" : ""}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </div>
    </div>
  );
}

function CategorySelect({
  mode,
  label,
  hint,
  value,
  onChange,
  error,
  listing,
  categories,
}: {
  mode: PinsApi["mode"];
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  listing: ChosenListing | null;
  categories: CategoryOption[];
}) {
  if (mode === "seller") {
    const own = listing ? [listing.category, ...(listing.parentCategory ? [listing.parentCategory] : [])] : [];
    return (
      <SelectField label={label} hint={listing ? (hint ?? "Your listing's category, or the category above it.") : "Choose a listing first."} value={value} onChange={(e) => onChange(e.target.value)} error={error} disabled={!listing}>
        <option value="">Choose a category</option>
        {own.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
    );
  }
  return (
    <SelectField label={label} hint={hint} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      <option value="">Choose a category</option>
      {categories.map((top) => (
        <optgroup key={top.id} label={top.name}>
          <option value={top.id}>{top.name} (all)</option>
          {top.children.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

/** Creates a pin, or edits one. Checked with the shared schema before sending; the server checks again. */
export function PinForm({
  api,
  categories,
  initial,
  existing,
  afterSave,
  onDone,
  onCancel,
}: {
  api: PinsApi;
  categories: CategoryOption[];
  initial: PinValues;
  existing?: PinRule;
  /** Runs before the form reports success, e.g. reloading the list, so the page never shows stale pins. */
  afterSave: () => Promise<unknown>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { formRef, errors, message, invalid, failed, touch, clear } = useFormFeedback();
  const [values, setValues] = useState(initial);
  const save = useMutation({
    mutationFn: async (input: MerchandisingRuleInput) => {
      const saved = existing ? await api.update({ ...input, id: existing.id }) : await api.create(input);
      await afterSave();
      return saved;
    },
  });
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => setTimeZone(browserTimeZone()), []);

  const set = <K extends keyof PinValues>(field: K, path: string = field) => (value: PinValues[K]) => {
    touch(path);
    setValues((v) => ({ ...v, [field]: value }));
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = merchandisingRuleSchema.safeParse(toInput(values));
    if (!parsed.success) return invalid(parsed.error);
    clear();
    const title = values.listing?.title ?? "The listing";
    save.mutate(parsed.data, { onSuccess: () => onDone(existing ? `Saved the pin of ${title}.` : `Pinned ${title}.`), onError: failed });
  }

  const showSegment = values.placement !== "category";
  const needsCategory = values.placement === "category" || (showSegment && values.segment === "category_browsers");

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      {message && <Alert tone="error">{message}</Alert>}

      <ListingPicker
        api={api}
        chosen={values.listing}
        onChoose={(listing) => {
          touch("listingId");
          // A seller's category choices follow the listing.
          setValues((v) => ({ ...v, listing, categoryId: api.mode === "seller" ? "" : v.categoryId }));
        }}
        error={errors.listingId}
      />

      <fieldset>
        <legend className="text-sm font-medium text-ink">Where</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-3">
          {placements
            .filter((p) => api.mode === "operator" || !p.operatorOnly)
            .map((p) => (
              <RadioCard
                key={p.value}
                name="pin-placement"
                value={p.value}
                checked={values.placement === p.value}
                onChange={() => set("placement")(p.value)}
                label={p.label}
                description={p.description}
              />
            ))}
        </div>
        {errors.placement && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {errors.placement}
          </p>
        )}
      </fieldset>

      {values.placement === "search" && (
        <TextField
          label="Search words"
          value={values.query}
          onChange={(e) => set("query")(e.target.value)}
          error={errors.query}
          maxLength={MAX_PIN_QUERY_LENGTH}
          hint="Shown when a shopper searches for exactly these words. Capitals, accents and punctuation do not matter."
        />
      )}

      {showSegment && (
        <fieldset>
          <legend className="text-sm font-medium text-ink">Who sees it</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            <RadioCard
              name="pin-segment"
              value="everyone"
              checked={values.segment === "everyone"}
              onChange={() => set("segment")("everyone")}
              label="Everyone"
              description={values.placement === "search" ? "Every shopper who searches these words." : "Every visitor of the home page."}
            />
            <RadioCard
              name="pin-segment"
              value="category_browsers"
              checked={values.segment === "category_browsers"}
              onChange={() => set("segment")("category_browsers")}
              label="Shoppers browsing a category"
              description={
                values.placement === "search"
                  ? "Only when the search is narrowed to that category."
                  : "Shown in the “For you” row of shoppers who browse that category and allowed personalised recommendations."
              }
            />
          </div>
        </fieldset>
      )}

      {needsCategory && (
        <CategorySelect
          mode={api.mode}
          label={values.placement === "category" ? "Category page" : "Browsed category"}
          value={values.categoryId}
          onChange={set("categoryId")}
          error={errors.categoryId}
          listing={values.listing}
          categories={categories}
        />
      )}

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Position"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PIN_POSITION}
          step={1}
          value={values.position}
          onChange={(e) => set("position")(e.target.value)}
          error={errors.position}
          hint={`1 is the first place; up to ${MAX_PIN_POSITION}.`}
        />
        <TextField label="Starts" type="datetime-local" value={values.startsAt} onChange={(e) => set("startsAt")(e.target.value)} error={errors.startsAt} hint={timeZone ? `Your time (${timeZone}).` : undefined} />
        <TextField label="Ends" type="datetime-local" value={values.endsAt} onChange={(e) => set("endsAt")(e.target.value)} error={errors.endsAt} />
      </div>

      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel} disabled={save.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending}>
          {existing ? "Save changes" : "Pin listing"}
        </Button>
      </div>
    </form>
  );
}
