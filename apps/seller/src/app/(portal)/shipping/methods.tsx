"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import type { DeliveryTiming } from "@agora/core/delivery";
import { Alert } from "@agora/ui/alert";
import { Badge } from "@agora/ui/badge";
import { Button } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import { TextField } from "@agora/ui/field";
import { MAX_SHIPPING_METHODS, shippingMethodSchema, updateShippingMethodSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { MoneyField } from "~/components/money-field";
import { useFormFeedback } from "~/components/use-form-feedback";
import { useNow } from "@agora/ui/use-now";
import { formatMoneyInput, parseMoneyInput } from "~/lib/money";
import { arrivalText, priceLabel, transitLabel } from "./format";

export interface MethodRow {
  id: string;
  name: string;
  transitDaysMin: number;
  transitDaysMax: number;
  priceMinor: number;
  freeOverMinor: number | null;
  active: boolean;
}

interface MethodValues {
  name: string;
  transitDaysMin: string;
  transitDaysMax: string;
  price: string;
  freeOver: string;
}

const empty: MethodValues = { name: "", transitDaysMin: "", transitDaysMax: "", price: "", freeOver: "" };

const wholeNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** Money typed as "4.95" becomes whole cents here; an empty free-over amount means "never free". */
const toInput = (v: MethodValues) => ({
  name: v.name,
  transitDaysMin: wholeNumber(v.transitDaysMin),
  transitDaysMax: wholeNumber(v.transitDaysMax),
  priceMinor: parseMoneyInput(v.price),
  freeOverMinor: v.freeOver.trim() === "" ? null : parseMoneyInput(v.freeOver),
});

const toValues = (m: MethodRow): MethodValues => ({
  name: m.name,
  transitDaysMin: String(m.transitDaysMin),
  transitDaysMax: String(m.transitDaysMax),
  price: formatMoneyInput(m.priceMinor),
  freeOver: formatMoneyInput(m.freeOverMinor),
});

function Preview({ timing, transit }: { timing: DeliveryTiming; transit: { transitDaysMin: number; transitDaysMax: number } }) {
  const now = useNow();
  return (
    <p className="flex items-start gap-2 text-sm text-ink">
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        className="mt-0.5 size-4 shrink-0 text-brand-700"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      >
        <path d="M2 5h10v8H2zM12 8h3.5L18 10.5V13h-6z" />
        <circle cx="5.5" cy="14.5" r="1.5" />
        <circle cx="14.5" cy="14.5" r="1.5" />
      </svg>
      <span>
        An order placed now would arrive <span className="font-medium">{arrivalText(timing, transit, now)}</span>
      </span>
    </p>
  );
}

function MethodForm({
  initial,
  existing,
  timing,
  submitLabel,
  onDone,
  onCancel,
}: {
  initial: MethodValues;
  existing?: MethodRow;
  timing: DeliveryTiming | null;
  submitLabel: string;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.seller.shipping.createMethod.mutationOptions());
  const update = useMutation(trpc.seller.shipping.updateMethod.mutationOptions());
  const pending = create.isPending || update.isPending;
  const { formRef, errors, message, invalid, failed, touch, clear } = useFormFeedback();
  const [values, setValues] = useState(initial);

  const set = (field: keyof MethodValues, path: string) => (value: string) => {
    touch(path);
    setValues((v) => ({ ...v, [field]: value }));
  };

  const input = toInput(values);
  const previewable =
    Number.isInteger(input.transitDaysMin) &&
    Number.isInteger(input.transitDaysMax) &&
    input.transitDaysMin >= 0 &&
    input.transitDaysMin <= input.transitDaysMax &&
    input.transitDaysMax <= 60;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (existing) {
      const parsed = updateShippingMethodSchema.safeParse({ ...input, id: existing.id, active: existing.active });
      if (!parsed.success) return invalid(parsed.error);
      clear();
      update.mutate(parsed.data, { onSuccess: () => onDone(`Saved ${parsed.data.name}.`), onError: failed });
    } else {
      const parsed = shippingMethodSchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error);
      clear();
      create.mutate(parsed.data, {
        onSuccess: () => {
          setValues(empty);
          onDone(`Added ${parsed.data.name}.`);
        },
        onError: failed,
      });
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField
        label="Name"
        value={values.name}
        onChange={(e) => set("name", "name")(e.target.value)}
        error={errors.name}
        maxLength={60}
        hint="Shoppers see this at checkout, e.g. Standard or Express."
      />
      <fieldset>
        <legend className="text-sm font-medium text-ink">Transit time (business days)</legend>
        <div className="mt-1 grid grid-cols-2 gap-3 sm:max-w-sm">
          <TextField
            label={<span className="font-normal text-muted">Fastest</span>}
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            step={1}
            value={values.transitDaysMin}
            onChange={(e) => set("transitDaysMin", "transitDaysMin")(e.target.value)}
            error={errors.transitDaysMin}
          />
          <TextField
            label={<span className="font-normal text-muted">Slowest</span>}
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            step={1}
            value={values.transitDaysMax}
            onChange={(e) => set("transitDaysMax", "transitDaysMax")(e.target.value)}
            error={errors.transitDaysMax}
          />
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <MoneyField
          label="Price"
          value={values.price}
          onChange={set("price", "priceMinor")}
          error={errors.priceMinor}
          hint="0.00 for free shipping."
        />
        <MoneyField
          label="Free over (optional)"
          value={values.freeOver}
          onChange={set("freeOver", "freeOverMinor")}
          error={errors.freeOverMinor}
          placeholder=""
          hint="Free when an order from your store reaches this amount."
        />
      </div>
      <div className="min-h-5">{timing && previewable && <Preview timing={timing} transit={input} />}</div>
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function ArrowButton({
  direction,
  name,
  disabled,
  onClick,
}: {
  direction: "up" | "down";
  name: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      data-move={direction}
      onClick={onClick}
      disabled={disabled}
      aria-label={`Move ${name} ${direction}`}
      className="inline-flex size-9 items-center justify-center rounded-lg text-stone-600 hover:bg-stone-100 hover:text-ink focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-30 disabled:hover:bg-transparent"
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
        <path d={direction === "up" ? "M8 13V3M3.5 7.5L8 3l4.5 4.5" : "M8 3v10M3.5 8.5L8 13l4.5-4.5"} />
      </svg>
    </button>
  );
}

function MethodCard({
  method,
  timing,
  isFirst,
  isLast,
  onMove,
  onChanged,
  onDeleted,
}: {
  method: MethodRow;
  timing: DeliveryTiming | null;
  isFirst: boolean;
  isLast: boolean;
  /** Ignored while a move is being saved (the arrows stay enabled so keyboard focus is not lost). */
  onMove: (direction: "up" | "down") => void;
  onChanged: (message: string) => void;
  onDeleted: (message: string) => void;
}) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete">("view");
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.seller.shipping.deleteMethod.mutationOptions());
  const toggle = useMutation(trpc.seller.shipping.setMethodActive.mutationOptions());
  const headingId = useId();
  const cardRef = useRef<HTMLLIElement>(null);
  // Shown at once; kept until the refreshed list from the server agrees (an older refresh cannot undo it).
  const [override, setOverride] = useState<boolean | null>(null);
  const active = override ?? method.active;
  useEffect(() => setOverride((shown) => (shown === method.active ? null : shown)), [method.active]);
  const focusEdit = () => requestAnimationFrame(() => cardRef.current?.querySelector<HTMLButtonElement>("[data-edit]")?.focus());

  function toggleActive() {
    if (toggle.isPending) return;
    const next = !active;
    setError(null);
    setOverride(next);
    toggle.mutate(
      { id: method.id, active: next },
      {
        onSuccess: () =>
          onChanged(
            next ? `${method.name} is offered to shoppers again.` : `${method.name} is paused: shoppers no longer see it.`,
          ),
        onError: (e) => {
          setOverride(null);
          setError(formErrorsOf(e).message);
        },
      },
    );
  }

  function confirmDelete() {
    setError(null);
    remove.mutate(
      { id: method.id },
      {
        onSuccess: () => onDeleted(`Deleted ${method.name}.`),
        onError: (e) => {
          setError(formErrorsOf(e).message);
          setMode("view");
        },
      },
    );
  }

  return (
    <li
      ref={cardRef}
      aria-labelledby={headingId}
      data-method={method.id}
      className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5"
    >
      {mode === "edit" ? (
        <>
          <h3 id={headingId} className="mb-4 font-semibold">
            Edit {method.name}
          </h3>
          <MethodForm
            initial={toValues(method)}
            existing={method}
            timing={timing}
            submitLabel="Save method"
            onCancel={() => {
              setMode("view");
              focusEdit();
            }}
            onDone={(m) => {
              setMode("view");
              focusEdit();
              onChanged(m);
            }}
          />
        </>
      ) : (
        <>
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <h3 id={headingId} className="font-semibold break-words">
                {method.name}
              </h3>
              <p className="mt-0.5 text-sm text-muted">
                {transitLabel(method)} · {priceLabel(method)}
              </p>
            </div>
            {active ? (
              <Badge tone="green" className="shrink-0">
                Offered
              </Badge>
            ) : (
              <Badge className="shrink-0">Paused</Badge>
            )}
          </div>
          <div className="mt-3 min-h-5">
            {!active ? (
              <p className="text-sm text-muted">Paused: shoppers do not see this method.</p>
            ) : timing ? (
              <Preview timing={timing} transit={method} />
            ) : (
              <p className="text-sm text-muted">Save your dispatch settings to see delivery dates.</p>
            )}
          </div>
          {error && (
            <Alert tone="error" className="mt-3">
              {error}
            </Alert>
          )}
          {mode === "confirm-delete" ? (
            <div
              role="group"
              aria-label={`Confirm deleting ${method.name}`}
              className="mt-4 rounded-lg border border-red-200 bg-red-50 p-3"
            >
              <p className="text-sm text-red-900">
                Delete {method.name}? Shoppers who chose it in their cart will be asked to choose again. Past orders keep their
                details.
              </p>
              <div className="mt-3 flex flex-wrap gap-2">
                <Button type="button" variant="danger" size="sm" loading={remove.isPending} onClick={confirmDelete}>
                  Delete method
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  disabled={remove.isPending}
                  onClick={() => {
                    setMode("view");
                    requestAnimationFrame(() => cardRef.current?.querySelector<HTMLButtonElement>("[data-delete]")?.focus());
                  }}
                  autoFocus
                >
                  Keep it
                </Button>
              </div>
            </div>
          ) : (
            <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-3">
              <button
                type="button"
                role="switch"
                aria-checked={active}
                aria-busy={toggle.isPending || undefined}
                onClick={toggleActive}
                className="inline-flex min-h-9 items-center gap-2 rounded-lg px-2 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-600 aria-busy:opacity-60"
              >
                <span
                  aria-hidden
                  className={`relative inline-block h-5 w-9 rounded-full transition-colors ${active ? "bg-brand-600" : "bg-stone-300"}`}
                >
                  <span
                    className={`absolute top-0.5 size-4 rounded-full bg-white shadow transition-all ${active ? "left-4.5" : "left-0.5"}`}
                  />
                </span>
                Offer to shoppers
              </button>
              <div className="ml-auto flex items-center gap-1">
                <ArrowButton direction="up" name={method.name} disabled={isFirst} onClick={() => onMove("up")} />
                <ArrowButton direction="down" name={method.name} disabled={isLast} onClick={() => onMove("down")} />
                <Button data-edit type="button" variant="secondary" size="sm" className="ml-1" onClick={() => setMode("edit")}>
                  Edit
                </Button>
                <Button
                  data-delete
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="text-red-700 hover:bg-red-50"
                  onClick={() => setMode("confirm-delete")}
                >
                  Delete
                </Button>
              </div>
            </div>
          )}
        </>
      )}
    </li>
  );
}

export function MethodsSection({
  methods,
  timing,
  previewUnsaved,
  pickupCount,
  onChanged,
}: {
  methods: MethodRow[];
  /** Null until the dispatch settings are saved: no method can be offered before that. */
  timing: DeliveryTiming | null;
  /** The previews use dispatch settings that are not saved yet. */
  previewUnsaved: boolean;
  pickupCount: number;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const reorder = useMutation(trpc.seller.shipping.reorderMethods.mutationOptions());
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(methods.length === 0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // A move shows at once; the refreshed list from the server replaces it when it arrives.
  const serverOrder = methods.map((m) => m.id).join(",");
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  useEffect(() => setPendingOrder(null), [serverOrder]);
  const byId = new Map(methods.map((m) => [m.id, m]));
  const ordered = (pendingOrder ?? methods.map((m) => m.id)).flatMap((id) => byId.get(id) ?? []);

  const changed = (message: string) => {
    setError(null);
    setStatus(message);
    onChanged();
  };

  // Moves made while one is being saved are sent once it is done: only the latest order is sent, in turn.
  const queued = useRef<{ ids: string[]; message: string } | null>(null);

  function send(ids: string[], message: string) {
    reorder.mutate(
      { ids },
      {
        onSuccess: () => {
          const next = queued.current;
          queued.current = null;
          if (next) send(next.ids, next.message);
          else changed(message);
        },
        onError: (e) => {
          queued.current = null;
          setPendingOrder(null);
          setStatus("");
          setError(formErrorsOf(e).message);
        },
      },
    );
  }

  function move(id: string, direction: "up" | "down") {
    const ids = ordered.map((m) => m.id);
    const from = ids.indexOf(id);
    const to = direction === "up" ? from - 1 : from + 1;
    const other = ids[to];
    if (from < 0 || other === undefined) return;
    ids[to] = id;
    ids[from] = other;
    setError(null);
    setPendingOrder(ids);
    const message = `Moved ${byId.get(id)?.name ?? "the method"} ${direction}: position ${to + 1} of ${ids.length}.`;
    // Keep focus on the arrow that was pressed, or its twin when the method reached an end of the list.
    requestAnimationFrame(() => {
      const card = listRef.current?.querySelector(`[data-method="${id}"]`);
      const same = card?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]`);
      const twin = card?.querySelector<HTMLButtonElement>(`[data-move="${direction === "up" ? "down" : "up"}"]`);
      (same && !(to === 0 || to === ids.length - 1) ? same : twin)?.focus();
    });
    if (reorder.isPending) queued.current = { ids, message };
    else send(ids, message);
  }

  const activeCount = methods.filter((m) => m.active).length;
  const atLimit = methods.length >= MAX_SHIPPING_METHODS;

  return (
    <section aria-labelledby="methods-heading" className="space-y-4">
      <div>
        <h2 id="methods-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          Shipping methods
        </h2>
        <p className="mt-1 text-sm text-muted">
          Shoppers choose one at checkout, in this order.
          {previewUnsaved && " Dates below use your unsaved dispatch settings."}
        </p>
      </div>
      <p aria-live="polite" className={status ? "text-sm text-emerald-700" : "sr-only"}>
        {status}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {timing && methods.length > 0 && activeCount === 0 && (
        <Alert tone="warning" title="No shipping method is offered">
          {pickupCount > 0
            ? "Shoppers can only collect orders from your pickup locations until you offer a method."
            : "Shoppers cannot order for delivery until you offer a method."}
        </Alert>
      )}
      {ordered.length === 0 ? (
        <EmptyState title="No shipping methods yet">
          {timing
            ? "Add the ways you ship, such as Standard and Express, with their transit times and prices."
            : "Save your dispatch settings above, then add the ways you ship."}
        </EmptyState>
      ) : (
        <ul ref={listRef} className="space-y-3">
          {ordered.map((m, index) => (
            <MethodCard
              key={m.id}
              method={m}
              timing={timing}
              isFirst={index === 0}
              isLast={index === ordered.length - 1}
              onMove={(direction) => move(m.id, direction)}
              onChanged={changed}
              onDeleted={(message) => {
                changed(message);
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
      {timing && (
        <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold">Add a method</h3>
            {!adding && (
              <Button type="button" variant="secondary" size="sm" onClick={() => setAdding(true)} disabled={atLimit}>
                New method
              </Button>
            )}
          </div>
          {atLimit && (
            <p className="mt-2 text-sm text-muted">You have {MAX_SHIPPING_METHODS} methods, the most a store can have.</p>
          )}
          {adding && !atLimit && (
            <div className="mt-4">
              <MethodForm
                initial={empty}
                timing={timing}
                submitLabel="Add method"
                onDone={changed}
                onCancel={methods.length ? () => setAdding(false) : undefined}
              />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
