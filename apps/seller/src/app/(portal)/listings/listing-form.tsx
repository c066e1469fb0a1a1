"use client";

import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { SelectField, TextField } from "@agora/ui/field";
import { listingInputSchema, type ListingInput } from "@agora/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { MarkdownField } from "~/components/markdown-field";
import { useFormFeedback } from "~/components/use-form-feedback";
import { formDataFromListing, type CategoryGroup, type ListingFormData, type LocationOption } from "~/lib/listing-form-data";
import { formatMoneyInput, parseMoneyInput } from "~/lib/money";

const MAX_OPTIONS = 3;

interface VariantRow {
  key: string;
  id?: string;
  sku: string;
  options: string[];
  price: string;
  compareAt: string;
  stock: Record<string, string>;
  reserved: Record<string, number>;
}

interface AttributeRow {
  key: string;
  name: string;
  value: string;
}

interface FormState {
  title: string;
  brand: string;
  categoryId: string;
  condition: ListingInput["condition"];
  description: string;
  attributes: AttributeRow[];
  optionNames: string[];
  variants: VariantRow[];
}

// Rows the server rendered get keys from their position (the same on both sides); rows added later count up.
let rowCounter = 0;
const newKey = () => `new-${++rowCounter}`;

function emptyVariant(optionCount: number, template?: VariantRow, key = newKey()): VariantRow {
  return {
    key,
    sku: "",
    options: Array.from({ length: optionCount }, () => ""),
    price: template?.price ?? "",
    compareAt: template?.compareAt ?? "",
    stock: {},
    reserved: {},
  };
}

function toState(data: ListingFormData | undefined, prefix = "initial"): FormState {
  if (!data)
    return {
      title: "",
      brand: "",
      categoryId: "",
      condition: "new",
      description: "",
      attributes: [],
      optionNames: [],
      variants: [emptyVariant(0, undefined, `${prefix}-v0`)],
    };
  return {
    title: data.title,
    brand: data.brand ?? "",
    categoryId: data.categoryId,
    condition: data.condition,
    description: data.description,
    attributes: data.attributes.map((a, i) => ({ key: `${prefix}-a${i}`, ...a })),
    optionNames: [...data.optionNames],
    variants: data.variants.map((v, i) => ({
      key: `${prefix}-v${i}`,
      id: v.id,
      sku: v.sku,
      options: data.optionNames.map((_, k) => v.options[k] ?? ""),
      price: formatMoneyInput(v.priceMinor),
      compareAt: formatMoneyInput(v.compareAtMinor),
      stock: Object.fromEntries(v.stock.map((s) => [s.locationId, String(s.onHand)])),
      reserved: Object.fromEntries(v.stock.map((s) => [s.locationId, s.reserved])),
    })),
  };
}

/** What the shared schema checks: money typed as "19.99" becomes whole cents here, nowhere else. */
function toInput(state: FormState, locations: LocationOption[]) {
  return {
    title: state.title,
    brand: state.brand,
    description: state.description,
    categoryId: state.categoryId,
    condition: state.condition,
    attributes: state.attributes.map((a) => ({ name: a.name, value: a.value })),
    optionNames: state.optionNames,
    variants: state.variants.map((v) => ({
      ...(v.id ? { id: v.id } : {}),
      sku: v.sku,
      options: v.options.slice(0, state.optionNames.length),
      priceMinor: parseMoneyInput(v.price),
      compareAtMinor: v.compareAt.trim() === "" ? null : parseMoneyInput(v.compareAt),
      stock: locations.map((l) => {
        const text = (v.stock[l.id] ?? "").trim();
        return { locationId: l.id, onHand: text === "" ? 0 : Number(text) };
      }),
    })),
  };
}

const stripListingPrefix = (path: string) => path.replace(/^listing\./, "");

function MoneyField({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <div className="relative">
        <span aria-hidden className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-muted">
          $
        </span>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
          className={cn(
            "block w-full rounded-lg border bg-white py-2 pr-3 pl-7 text-[15px] text-ink tabular-nums shadow-xs placeholder:text-stone-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none",
            error ? "border-red-500" : "border-stone-300",
          )}
        />
      </div>
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function GroupError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {message}
    </p>
  );
}

function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      <div className="mt-5 space-y-5">{children}</div>
    </section>
  );
}

export function ListingForm({
  categories,
  locations,
  initial,
  listingId,
  live = false,
}: {
  categories: CategoryGroup[];
  locations: LocationOption[];
  initial?: ListingFormData;
  listingId?: string;
  /** The listing is on the storefront: saving changes it for shoppers at once. */
  live?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.seller.listings.create.mutationOptions());
  const update = useMutation(trpc.seller.listings.update.mutationOptions());
  const { formRef, errors, message, invalid, failed, clear, touch, setMessage } = useFormFeedback(stripListingPrefix);
  const [state, setState] = useState<FormState>(() => toState(initial));
  const [saved, setSaved] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const pending = create.isPending || update.isPending || leaving;
  const lastAdded = useRef<string | null>(null);

  // Unsaved work is not lost to a stray tab close or reload.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // A newly added row gets focus, so keyboard users continue where the new inputs are.
  useEffect(() => {
    if (!lastAdded.current) return;
    formRef.current?.querySelector<HTMLElement>(`[data-row="${lastAdded.current}"] input`)?.focus();
    lastAdded.current = null;
  });

  function change(mutator: (s: FormState) => FormState, path?: string) {
    if (path) touch(path);
    setSaved(null);
    setDirty(true);
    setState(mutator);
  }

  const setField =
    <K extends "title" | "brand" | "categoryId" | "description">(field: K) =>
    (value: string) =>
      change((s) => ({ ...s, [field]: value }), field);

  const setVariant = (index: number, patch: (v: VariantRow) => VariantRow, path?: string) =>
    change((s) => ({ ...s, variants: s.variants.map((v, i) => (i === index ? patch(v) : v)) }), path);

  function addOption() {
    change((s) =>
      s.optionNames.length >= MAX_OPTIONS
        ? s
        : { ...s, optionNames: [...s.optionNames, ""], variants: s.variants.map((v) => ({ ...v, options: [...v.options, ""] })) },
    );
    touch("optionNames");
  }

  function removeOption(k: number) {
    change((s) => ({
      ...s,
      optionNames: s.optionNames.filter((_, i) => i !== k),
      variants: s.variants.map((v) => ({ ...v, options: v.options.filter((_, i) => i !== k) })),
    }));
    touch("optionNames");
  }

  function addVariant() {
    const row = emptyVariant(state.optionNames.length, state.variants[state.variants.length - 1]);
    lastAdded.current = row.key;
    change((s) => ({ ...s, variants: [...s.variants, row] }));
    touch("variants");
  }

  function addAttribute() {
    const row = { key: newKey(), name: "", value: "" };
    lastAdded.current = row.key;
    change((s) => ({ ...s, attributes: [...s.attributes, row] }));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setSaved(null);
    const parsed = listingInputSchema.safeParse(toInput(state, locations));
    if (!parsed.success) {
      invalid(parsed.error);
      return;
    }
    clear();
    if (!listingId) {
      create.mutate(parsed.data, {
        onSuccess: (listing) => {
          setDirty(false);
          setLeaving(true);
          router.push(`/listings/${listing.id}?created=1`);
        },
        onError: failed,
      });
      return;
    }
    update.mutate(
      { id: listingId, listing: parsed.data },
      {
        onSuccess: async () => {
          setDirty(false);
          setSaved(live ? "Saved. Shoppers see the changes now." : "Saved.");
          // Fresh ids for new variants and the stock as stored, so the next save edits the same rows.
          try {
            const fresh = await queryClient.fetchQuery({
              ...trpc.seller.listings.get.queryOptions({ id: listingId }),
              staleTime: 0,
            });
            setState(toState(formDataFromListing(fresh), newKey()));
          } catch {
            setMessage("Saved, but the form could not reload. Refresh the page before editing again.");
          }
          router.refresh();
        },
        onError: failed,
      },
    );
  }

  const optionLabel = (k: number) => state.optionNames[k]?.trim() || `Option ${k + 1}`;
  const variantsError = errors.variants;
  const optionNamesError = errors.optionNames;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      {message && <Alert tone="error">{message}</Alert>}

      <Section title="Details">
        <TextField
          label="Title"
          value={state.title}
          onChange={(e) => setField("title")(e.target.value)}
          error={errors.title}
          maxLength={150}
          required
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Brand"
            value={state.brand}
            onChange={(e) => setField("brand")(e.target.value)}
            error={errors.brand}
            maxLength={60}
            hint="Optional"
          />
          <SelectField
            label="Condition"
            value={state.condition}
            onChange={(e) => change((s) => ({ ...s, condition: e.target.value as FormState["condition"] }), "condition")}
            error={errors.condition}
          >
            <option value="new">New</option>
            <option value="used">Used</option>
            <option value="refurbished">Refurbished</option>
          </SelectField>
        </div>
        <SelectField
          label="Category"
          value={state.categoryId}
          onChange={(e) => setField("categoryId")(e.target.value)}
          error={errors.categoryId && !state.categoryId ? "Choose a category." : errors.categoryId}
          required
        >
          <option value="">Choose a category</option>
          {categories.map((top) =>
            top.children.length ? (
              <optgroup key={top.id} label={top.name}>
                {top.children.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={top.id} value={top.id}>
                {top.name}
              </option>
            ),
          )}
        </SelectField>
        <MarkdownField
          label="Description"
          value={state.description}
          onValueChange={setField("description")}
          error={errors.description}
          maxLength={20000}
          rows={8}
        />
      </Section>

      <Section title="Attributes" description="Facts shoppers compare, like Material or Weight.">
        {state.attributes.length === 0 && <p className="text-sm text-muted">No attributes yet.</p>}
        <ul className="space-y-3">
          {state.attributes.map((a, i) => (
            <li key={a.key} data-row={a.key}>
              <fieldset className="grid grid-cols-[1fr_auto] items-start gap-3 sm:grid-cols-[12rem_1fr_auto]">
                <legend className="sr-only">Attribute {i + 1}</legend>
                <TextField
                  label="Attribute name"
                  value={a.name}
                  onChange={(e) =>
                    change(
                      (s) => ({ ...s, attributes: s.attributes.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) }),
                      `attributes.${i}.name`,
                    )
                  }
                  error={errors[`attributes.${i}.name`]}
                  maxLength={40}
                  wrapperClassName="col-span-2 sm:col-span-1"
                />
                <TextField
                  label="Attribute value"
                  value={a.value}
                  onChange={(e) =>
                    change(
                      (s) => ({ ...s, attributes: s.attributes.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) }),
                      `attributes.${i}.value`,
                    )
                  }
                  error={errors[`attributes.${i}.value`]}
                  maxLength={200}
                />
                <Button
                  type="button"
                  variant="ghost"
                  className="mt-6 text-red-700 hover:bg-red-50"
                  aria-label={`Remove attribute ${i + 1}${a.name ? ` (${a.name})` : ""}`}
                  onClick={() => change((s) => ({ ...s, attributes: s.attributes.filter((_, j) => j !== i) }))}
                >
                  Remove
                </Button>
              </fieldset>
            </li>
          ))}
        </ul>
        <GroupError message={errors.attributes} />
        <Button type="button" variant="secondary" size="sm" onClick={addAttribute} disabled={state.attributes.length >= 30}>
          Add attribute
        </Button>
      </Section>

      <Section
        title="Options and variants"
        description="Options are what shoppers choose between, like Size or Colour. A product without options has one variant."
      >
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Options</legend>
          {state.optionNames.length === 0 && <p className="text-sm text-muted">No options: this listing has a single variant.</p>}
          <ul className="space-y-3">
            {state.optionNames.map((name, k) => (
              <li key={k} className="flex items-start gap-3">
                <TextField
                  label={`Option ${k + 1} name`}
                  value={name}
                  placeholder={["Size", "Colour", "Material"][k]}
                  onChange={(e) =>
                    change(
                      (s) => ({ ...s, optionNames: s.optionNames.map((n, j) => (j === k ? e.target.value : n)) }),
                      `optionNames.${k}`,
                    )
                  }
                  error={errors[`optionNames.${k}`]}
                  maxLength={30}
                  wrapperClassName="flex-1"
                />
                <Button
                  type="button"
                  variant="ghost"
                  className="mt-6 text-red-700 hover:bg-red-50"
                  aria-label={`Remove option ${k + 1}${name ? ` (${name})` : ""}`}
                  onClick={() => removeOption(k)}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <GroupError message={optionNamesError} />
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={addOption}
            disabled={state.optionNames.length >= MAX_OPTIONS}
          >
            Add option
          </Button>
          {state.optionNames.length >= MAX_OPTIONS && (
            <p className="text-xs text-muted">A listing can have up to {MAX_OPTIONS} options.</p>
          )}
        </fieldset>

        <div className="space-y-3">
          <h3 className="text-sm font-semibold">Variants</h3>
          {locations.length === 0 && (
            <Alert tone="warning">
              You have no stock locations, so these variants will have no stock.{" "}
              <Link href="/locations" className="font-medium underline">
                Add a location
              </Link>{" "}
              first to enter stock.
            </Alert>
          )}
          <GroupError message={variantsError} />
          <ol className="space-y-4">
            {state.variants.map((v, i) => {
              const rowErrors = (suffix: string) => errors[`variants.${i}.${suffix}`];
              return (
                <li key={v.key} data-row={v.key}>
                  <fieldset className="rounded-lg border border-stone-200 bg-stone-50/60 p-3 sm:p-4">
                    <legend className="px-1 text-sm font-semibold">Variant {i + 1}</legend>
                    {state.optionNames.length > 0 && (
                      <div className="mb-4 space-y-2">
                        <div className="grid gap-3 sm:grid-cols-3">
                          {state.optionNames.map((_, k) => (
                            <TextField
                              key={k}
                              label={optionLabel(k)}
                              value={v.options[k] ?? ""}
                              onChange={(e) =>
                                setVariant(
                                  i,
                                  (x) => ({ ...x, options: x.options.map((o, j) => (j === k ? e.target.value : o)) }),
                                  `variants.${i}.options.${k}`,
                                )
                              }
                              error={rowErrors(`options.${k}`)}
                              maxLength={40}
                            />
                          ))}
                        </div>
                        <GroupError message={rowErrors("options")} />
                      </div>
                    )}
                    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                      <TextField
                        wrapperClassName="col-span-2 sm:col-span-1"
                        label="SKU"
                        value={v.sku}
                        onChange={(e) => setVariant(i, (x) => ({ ...x, sku: e.target.value }), `variants.${i}.sku`)}
                        error={rowErrors("sku")}
                        maxLength={64}
                        autoCapitalize="characters"
                        spellCheck={false}
                      />
                      <MoneyField
                        label="Price"
                        value={v.price}
                        onChange={(value) => setVariant(i, (x) => ({ ...x, price: value }), `variants.${i}.priceMinor`)}
                        error={rowErrors("priceMinor")}
                      />
                      <MoneyField
                        label="Compare-at price"
                        value={v.compareAt}
                        onChange={(value) => setVariant(i, (x) => ({ ...x, compareAt: value }), `variants.${i}.compareAtMinor`)}
                        error={rowErrors("compareAtMinor")}
                        hint="Optional: the earlier, higher price."
                      />
                    </div>
                    {locations.length > 0 && (
                      <fieldset className="mt-4">
                        <legend className="text-sm font-medium">Stock on hand</legend>
                        <div className="mt-2 grid grid-cols-2 items-end gap-3 sm:grid-cols-3">
                          {locations.map((l, j) => {
                            const reserved = v.reserved[l.id] ?? 0;
                            return (
                              <TextField
                                key={l.id}
                                label={`Stock at ${l.name}`}
                                type="number"
                                inputMode="numeric"
                                min={0}
                                step={1}
                                value={v.stock[l.id] ?? ""}
                                placeholder="0"
                                onChange={(e) =>
                                  setVariant(
                                    i,
                                    (x) => ({ ...x, stock: { ...x.stock, [l.id]: e.target.value } }),
                                    `variants.${i}.stock.${j}.onHand`,
                                  )
                                }
                                error={rowErrors(`stock.${j}.onHand`) ?? rowErrors(`stock.${j}`)}
                                hint={reserved > 0 ? `${reserved} reserved for orders` : undefined}
                                className="tabular-nums"
                              />
                            );
                          })}
                        </div>
                        <GroupError message={rowErrors("stock")} />
                      </fieldset>
                    )}
                    <GroupError message={errors[`variants.${i}`]} />
                    {state.variants.length > 1 && (
                      <div className="mt-3 flex justify-end">
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          className="text-red-700 hover:bg-red-50"
                          onClick={() => change((s) => ({ ...s, variants: s.variants.filter((_, j) => j !== i) }))}
                        >
                          Remove variant {i + 1}
                        </Button>
                      </div>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <Button type="button" variant="secondary" size="sm" onClick={addVariant} disabled={state.variants.length >= 100}>
            Add variant
          </Button>
          {state.optionNames.length === 0 && state.variants.length > 1 && (
            <p className="text-xs text-muted">
              Name an option above (for example Size) so shoppers can tell these variants apart.
            </p>
          )}
        </div>
      </Section>

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-end gap-3 border-t border-stone-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border">
        <p aria-live="polite" className="mr-auto text-sm">
          {saved ? (
            <span className="text-emerald-700">{saved}</span>
          ) : dirty ? (
            <span className="text-muted">Unsaved changes{live ? " — saving updates the live listing" : ""}</span>
          ) : null}
        </p>
        <Button type="submit" loading={pending}>
          Save listing
        </Button>
      </div>
    </form>
  );
}
