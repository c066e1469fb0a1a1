"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Badge } from "@agora/ui/badge";
import { Button } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import { TextField } from "@agora/ui/field";
import { stockLocationSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useFormFeedback } from "~/components/use-form-feedback";

export interface LocationRow {
  id: string;
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  pickupEnabled: boolean;
}

type Values = Omit<LocationRow, "id">;
const empty: Values = { name: "", line1: "", city: "", postalCode: "", country: "", pickupEnabled: false };

function LocationForm({
  initial,
  submitLabel,
  onDone,
  onCancel,
  existingId,
}: {
  initial: Values;
  submitLabel: string;
  onDone: (message: string) => void;
  onCancel?: () => void;
  existingId?: string;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.seller.locations.create.mutationOptions());
  const update = useMutation(trpc.seller.locations.update.mutationOptions());
  const pending = create.isPending || update.isPending;
  const { formRef, errors, message, invalid, failed, touch, clear } = useFormFeedback();
  const [values, setValues] = useState(initial);
  const pickupId = useId();

  const set = (field: Exclude<keyof Values, "pickupEnabled">) => (value: string) => {
    touch(field);
    setValues((v) => ({ ...v, [field]: value }));
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const parsed = stockLocationSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error);
    clear();
    const onSuccess = () => {
      if (!existingId) setValues(empty);
      onDone(existingId ? `Saved ${parsed.data.name}.` : `Added ${parsed.data.name}.`);
    };
    if (existingId) update.mutate({ id: existingId, ...parsed.data }, { onSuccess, onError: failed });
    else create.mutate(parsed.data, { onSuccess, onError: failed });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField
        label="Location name"
        value={values.name}
        onChange={(e) => set("name")(e.target.value)}
        error={errors.name}
        maxLength={80}
        hint="For example: Main warehouse"
      />
      <TextField
        label="Street address"
        value={values.line1}
        onChange={(e) => set("line1")(e.target.value)}
        error={errors.line1}
        autoComplete="address-line1"
        maxLength={200}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem_8rem]">
        <TextField
          label="City"
          value={values.city}
          onChange={(e) => set("city")(e.target.value)}
          error={errors.city}
          autoComplete="address-level2"
          maxLength={100}
        />
        <TextField
          label="Postal code"
          value={values.postalCode}
          onChange={(e) => set("postalCode")(e.target.value)}
          error={errors.postalCode}
          autoComplete="postal-code"
          maxLength={20}
        />
        <TextField
          label="Country code"
          value={values.country}
          onChange={(e) => set("country")(e.target.value.toUpperCase())}
          error={errors.country}
          autoComplete="country"
          maxLength={2}
          hint="e.g. US"
          autoCapitalize="characters"
        />
      </div>
      <div className="flex items-start gap-3">
        <input
          id={pickupId}
          type="checkbox"
          checked={values.pickupEnabled}
          onChange={(e) => setValues((v) => ({ ...v, pickupEnabled: e.target.checked }))}
          className="mt-0.5 size-5 rounded border-stone-300 accent-brand-600"
        />
        <label htmlFor={pickupId} className="text-sm">
          <span className="font-medium">Offer pickup here</span>
          <span className="block text-muted">Shoppers can collect their orders from this address.</span>
        </label>
      </div>
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

function LocationCard({ location, onChanged }: { location: LocationRow; onChanged: (message: string) => void }) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete">("view");
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.seller.locations.delete.mutationOptions());
  const toggle = useMutation(trpc.seller.locations.update.mutationOptions());
  const headingId = useId();
  const { id, ...values } = location;
  // Shown at once; the server's answer (or a refresh) settles it.
  const [pickup, setPickup] = useState(values.pickupEnabled);

  function togglePickup() {
    if (toggle.isPending) return;
    const next = !pickup;
    setError(null);
    setPickup(next);
    toggle.mutate(
      { id, ...values, pickupEnabled: next },
      {
        onSuccess: () => onChanged(next ? `Pickup turned on at ${values.name}.` : `Pickup turned off at ${values.name}.`),
        onError: (e) => {
          setPickup(!next);
          setError(formErrorsOf(e).message);
        },
      },
    );
  }

  function confirmDelete() {
    setError(null);
    remove.mutate(
      { id },
      {
        onSuccess: () => onChanged(`Deleted ${values.name}.`),
        onError: (e) => {
          setError(formErrorsOf(e).message);
          setMode("view");
        },
      },
    );
  }

  return (
    <li aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5">
      {mode === "edit" ? (
        <>
          <h3 id={headingId} className="mb-4 font-semibold">
            Edit {values.name}
          </h3>
          <LocationForm
            initial={values}
            existingId={id}
            submitLabel="Save location"
            onCancel={() => setMode("view")}
            onDone={(m) => {
              setMode("view");
              onChanged(m);
            }}
          />
        </>
      ) : (
        <>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h3 id={headingId} className="font-semibold break-words">
                {values.name}
              </h3>
              <p className="mt-1 text-sm text-muted">
                {values.line1}, {values.postalCode} {values.city}, {values.country}
              </p>
            </div>
            {pickup ? <Badge tone="green">Pickup available</Badge> : <Badge>No pickup</Badge>}
          </div>
          {error && (
            <Alert tone="error" className="mt-3">
              {error}
            </Alert>
          )}
          {mode === "confirm-delete" ? (
            <div
              role="group"
              aria-label={`Confirm deleting ${values.name}`}
              className="mt-4 rounded-lg border border-red-200 bg-red-50 p-3"
            >
              <p className="text-sm text-red-900">Delete {values.name}? This cannot be undone.</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <Button type="button" variant="danger" size="sm" loading={remove.isPending} onClick={confirmDelete}>
                  Delete location
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  disabled={remove.isPending}
                  onClick={() => setMode("view")}
                  autoFocus
                >
                  Keep it
                </Button>
              </div>
            </div>
          ) : (
            <div className="mt-4 flex flex-wrap items-center gap-2">
              <button
                type="button"
                role="switch"
                aria-checked={pickup}
                disabled={toggle.isPending}
                onClick={togglePickup}
                className="inline-flex min-h-9 items-center gap-2 rounded-lg px-2 text-sm font-medium hover:bg-stone-100 disabled:opacity-60"
              >
                <span
                  aria-hidden
                  className={`relative inline-block h-5 w-9 rounded-full transition-colors ${pickup ? "bg-brand-600" : "bg-stone-300"}`}
                >
                  <span
                    className={`absolute top-0.5 size-4 rounded-full bg-white shadow transition-all ${pickup ? "left-4.5" : "left-0.5"}`}
                  />
                </span>
                Pickup here
              </button>
              <span className="flex-1" />
              <Button type="button" variant="secondary" size="sm" onClick={() => setMode("edit")}>
                Edit
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="text-red-700 hover:bg-red-50"
                onClick={() => setMode("confirm-delete")}
              >
                Delete
              </Button>
            </div>
          )}
        </>
      )}
    </li>
  );
}

export function LocationsManager({ locations }: { locations: LocationRow[] }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [adding, setAdding] = useState(locations.length === 0);
  const [, startRefresh] = useTransition();

  const changed = (message: string) => {
    setStatus(message);
    startRefresh(() => router.refresh());
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section aria-labelledby="locations-heading">
        <h2 id="locations-heading" className="sr-only">
          Your locations
        </h2>
        <p aria-live="polite" className={status ? "mb-3 text-sm text-emerald-700" : "sr-only"}>
          {status}
        </p>
        {locations.length === 0 ? (
          <EmptyState title="No stock locations yet">
            Add the place where you keep stock; then you can enter stock per variant on your listings.
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {locations.map((l) => (
              <LocationCard
                key={`${l.id}:${l.name}:${l.pickupEnabled}:${l.line1}:${l.city}:${l.postalCode}:${l.country}`}
                location={l}
                onChanged={changed}
              />
            ))}
          </ul>
        )}
      </section>
      <section
        aria-labelledby="add-location-heading"
        className="h-fit rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5"
      >
        <div className="flex items-center justify-between gap-2">
          <h2 id="add-location-heading" className="font-semibold">
            Add a location
          </h2>
          {!adding && (
            <Button type="button" variant="secondary" size="sm" onClick={() => setAdding(true)}>
              New location
            </Button>
          )}
        </div>
        {adding && (
          <div className="mt-4">
            <LocationForm
              initial={empty}
              submitLabel="Add location"
              onDone={changed}
              onCancel={locations.length ? () => setAdding(false) : undefined}
            />
          </div>
        )}
      </section>
    </div>
  );
}
