"use client";

import { useTRPC } from "@agora/api/react";
import type { DeliveryTiming } from "@agora/core/delivery";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { SelectField, TextField } from "@agora/ui/field";
import { shippingProfileSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { useFormFeedback } from "~/components/use-form-feedback";
import { useNow } from "@agora/ui/use-now";
import { hourLabel, pickupText } from "./format";
import { MethodsSection, type MethodRow } from "./methods";

export interface CountryOption {
  code: string;
  name: string;
}

export interface TimeZoneGroup {
  label: string;
  zones: { value: string; label: string }[];
}

interface ProfileData {
  handlingDays: number;
  cutoffHour: number;
  timeZone: string;
  shipsTo: string[];
}

interface ProfileValues {
  handlingDays: string;
  cutoffHour: string;
  timeZone: string;
  shipsTo: string[];
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

const toValues = (p: ProfileData): ProfileValues => ({
  handlingDays: String(p.handlingDays),
  cutoffHour: String(p.cutoffHour),
  timeZone: p.timeZone,
  shipsTo: [...p.shipsTo],
});

const wholeNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

const toInput = (v: ProfileValues) => ({
  handlingDays: wholeNumber(v.handlingDays),
  cutoffHour: wholeNumber(v.cutoffHour),
  timeZone: v.timeZone,
  shipsTo: v.shipsTo,
});

/** Server paths such as "shipsTo.2" belong to the ships-to picker as a whole. */
const mapProfilePath = (path: string) => (path.startsWith("shipsTo.") ? "shipsTo" : path);

function CountriesPicker({
  selected,
  countries,
  error,
  onChange,
}: {
  selected: string[];
  countries: CountryOption[];
  error: string | undefined;
  onChange: (next: string[]) => void;
}) {
  const [choice, setChoice] = useState("");
  const listRef = useRef<HTMLUListElement>(null);
  const selectId = useId();
  const errorId = `${selectId}-countries-error`;
  const nameOf = useMemo(() => new Map(countries.map((c) => [c.code, c.name])), [countries]);
  const available = countries.filter((c) => !selected.includes(c.code));

  function add() {
    if (!choice || selected.includes(choice)) return;
    onChange([...selected, choice]);
    setChoice("");
  }

  function remove(index: number) {
    const next = selected.filter((_, i) => i !== index);
    onChange(next);
    // Keep keyboard focus in the list: on the chip that took this one's place, else the picker.
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>("button");
      const target = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
      (target ?? document.getElementById(selectId))?.focus();
    });
  }

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-ink">Ships to</legend>
      <p className="text-xs text-muted">Shoppers in these countries can have orders delivered.</p>
      {selected.length > 0 ? (
        <ul ref={listRef} className="flex flex-wrap gap-2" aria-label="Countries you ship to">
          {selected.map((code, index) => (
            <li key={code} className="inline-flex items-center gap-1 rounded-full bg-stone-100 py-1 pr-1 pl-3 text-sm text-ink">
              {nameOf.get(code) ?? code}
              <button
                type="button"
                onClick={() => remove(index)}
                aria-label={`Remove ${nameOf.get(code) ?? code}`}
                className="inline-flex size-7 items-center justify-center rounded-full text-stone-500 hover:bg-stone-200 hover:text-ink focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <svg aria-hidden viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M4 4l8 8M12 4l-8 8" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No countries yet.</p>
      )}
      <div className="flex items-end gap-2">
        <SelectField
          id={selectId}
          label="Add a country"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          wrapperClassName="min-w-0 flex-1"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        >
          <option value="">Choose a country…</option>
          {available.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Button type="button" variant="secondary" onClick={add} disabled={!choice}>
          Add
        </Button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function DispatchForm({
  values,
  saved,
  countries,
  timeZones,
  onValues,
  onSaved,
}: {
  values: ProfileValues;
  saved: boolean;
  countries: CountryOption[];
  timeZones: TimeZoneGroup[];
  onValues: (update: (v: ProfileValues) => ProfileValues) => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.seller.shipping.saveProfile.mutationOptions());
  const { formRef, errors, message, invalid, failed, touch, clear } = useFormFeedback(mapProfilePath);
  const [status, setStatus] = useState("");
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  const knownZones = useMemo(() => new Set(timeZones.flatMap((g) => g.zones.map((z) => z.value))), [timeZones]);

  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setBrowserZone(knownZones.has(zone) ? zone : null);
  }, [knownZones]);

  const change = (field: keyof ProfileValues, update: (v: ProfileValues) => ProfileValues) => {
    touch(field);
    setStatus("");
    onValues(update);
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = shippingProfileSchema.safeParse(toInput(values));
    if (!parsed.success) return invalid(parsed.error);
    clear();
    save.mutate(parsed.data, {
      onSuccess: () => {
        setStatus("Dispatch settings saved.");
        onSaved();
      },
      onError: failed,
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="dispatch-heading"
      className="space-y-5 rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6"
    >
      <div>
        <h2 id="dispatch-heading" className="text-lg font-semibold">
          Dispatch
        </h2>
        <p className="mt-1 text-sm text-muted">
          {saved
            ? "How soon orders leave you. Business days are Monday to Friday."
            : "Save these first: shipping methods need them."}
        </p>
      </div>
      {message && <Alert tone="error">{message}</Alert>}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="Handling time (business days)"
          type="number"
          inputMode="numeric"
          min={0}
          max={30}
          step={1}
          value={values.handlingDays}
          onChange={(e) => change("handlingDays", (v) => ({ ...v, handlingDays: e.target.value }))}
          error={errors.handlingDays}
          hint="From the order to handing the parcel to the carrier. 0 means the same day."
          className="max-w-32"
        />
        <SelectField
          label="Order cut-off"
          value={values.cutoffHour}
          onChange={(e) => change("cutoffHour", (v) => ({ ...v, cutoffHour: e.target.value }))}
          error={errors.cutoffHour}
          hint="Orders placed after this time start the next business day."
        >
          {HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {hourLabel(h)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="space-y-1">
        <SelectField
          label="Time zone"
          value={values.timeZone}
          onChange={(e) => change("timeZone", (v) => ({ ...v, timeZone: e.target.value }))}
          error={errors.timeZone}
          hint="Your cut-off and business days follow this time zone."
        >
          {timeZones.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.zones.map((z) => (
                <option key={z.value} value={z.value}>
                  {z.label}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        {browserZone && browserZone !== values.timeZone && (
          <button
            type="button"
            onClick={() => change("timeZone", (v) => ({ ...v, timeZone: browserZone }))}
            className="min-h-9 rounded text-sm font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            Use this device’s time zone ({browserZone.replaceAll("_", " ")})
          </button>
        )}
      </div>
      <CountriesPicker
        selected={values.shipsTo}
        countries={countries}
        error={errors.shipsTo}
        onChange={(shipsTo) => change("shipsTo", (v) => ({ ...v, shipsTo }))}
      />
      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-stone-100 pt-5">
        <p aria-live="polite" className="text-sm text-emerald-700">
          {save.isPending ? "" : status}
        </p>
        <Button type="submit" loading={save.isPending}>
          Save dispatch settings
        </Button>
      </div>
    </form>
  );
}

function PickupCard({
  locations,
  timing,
}: {
  locations: { id: string; name: string; city: string }[];
  timing: DeliveryTiming | null;
}) {
  const now = useNow();
  return (
    <section aria-labelledby="pickup-heading" className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
      <h2 id="pickup-heading" className="text-lg font-semibold">
        Click and collect
      </h2>
      {locations.length > 0 ? (
        <>
          <p className="mt-1 text-sm text-muted">
            Shoppers can collect for free where the item is in stock
            {timing ? (
              <>
                . An order placed now would be ready <span className="font-medium text-ink">{pickupText(timing, now)}</span>.
              </>
            ) : (
              "."
            )}
          </p>
          <ul className="mt-3 space-y-1 text-sm">
            {locations.map((l) => (
              <li key={l.id} className="flex items-center gap-2">
                <span aria-hidden className="size-2 rounded-full bg-emerald-500" />
                {l.name}, {l.city}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-sm text-muted">None of your locations offers pickup.</p>
      )}
      <Link
        href="/locations"
        className="mt-4 inline-flex min-h-10 items-center rounded-lg px-3 text-sm font-medium text-brand-700 ring-1 ring-brand-100 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {locations.length > 0 ? "Manage pickup locations" : "Turn on pickup at a location"}
      </Link>
    </section>
  );
}

export function ShippingSettings({
  profile,
  defaultShipsTo,
  methods,
  pickupLocations,
  timeZones,
  countries,
}: {
  profile: ProfileData | null;
  defaultShipsTo: string[];
  methods: MethodRow[];
  pickupLocations: { id: string; name: string; city: string }[];
  timeZones: TimeZoneGroup[];
  countries: CountryOption[];
}) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const initial = useMemo(
    () => toValues(profile ?? { handlingDays: 1, cutoffHour: 14, timeZone: "UTC", shipsTo: defaultShipsTo }),
    [profile, defaultShipsTo],
  );
  const [values, setValues] = useState(initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  // Unsaved dispatch settings are not lost to a stray tab close or reload.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Previews follow what is typed, so a seller sees the effect of a change before saving it.
  const parsed = shippingProfileSchema.safeParse(toInput(values));
  const timing: DeliveryTiming | null = parsed.success ? parsed.data : profile;

  const refresh = () => startRefresh(() => router.refresh());

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
      <div className="min-w-0 space-y-6">
        <DispatchForm
          values={values}
          saved={profile !== null}
          countries={countries}
          timeZones={timeZones}
          onValues={setValues}
          onSaved={refresh}
        />
        <MethodsSection
          methods={methods}
          timing={profile ? timing : null}
          previewUnsaved={profile !== null && dirty && parsed.success}
          pickupCount={pickupLocations.length}
          onChanged={refresh}
        />
      </div>
      <PickupCard locations={pickupLocations} timing={timing} />
    </div>
  );
}
