"use client";

import { cn } from "@agora/ui/cn";
import { SelectField, TextField } from "@agora/ui/field";
import { useMemo, type ReactNode } from "react";
import { fieldIds, type AddressDraft, type CountryOption, type FieldErrors, type SavedAddressOption } from "./types";

export const NEW_ADDRESS = "new";

/**
 * Step 1: where the parcels go. A saved address (the default is preselected) or a new one, which can be
 * saved for next time. Not asked for when every seller's part is picked up.
 */
export function AddressSection({
  needed,
  addresses,
  countries,
  choice,
  onChoose,
  draft,
  onDraftChange,
  save,
  onSaveChange,
  errors,
  disabled,
}: {
  needed: boolean;
  addresses: SavedAddressOption[];
  countries: CountryOption[];
  choice: string;
  onChoose: (choice: string) => void;
  draft: AddressDraft;
  onDraftChange: (field: keyof AddressDraft, value: string) => void;
  save: boolean;
  onSaveChange: (save: boolean) => void;
  errors: FieldErrors;
  disabled: boolean;
}) {
  const names = useMemo(() => new Map(countries.map((c) => [c.code, c.name])), [countries]);
  const sectionError = errors.address ?? errors.savedAddressId;

  return (
    <section aria-labelledby="checkout-address-heading" className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5">
      <StepHeading id="checkout-address-heading" step={1}>
        Delivery address
      </StepHeading>

      {!needed ? (
        <p className="mt-3 text-sm text-stone-600">
          You are picking up everything you ordered, so no delivery address is needed. Choose a shipping option below to have
          items sent to you instead.
        </p>
      ) : (
        <div className="mt-4 space-y-4">
          {sectionError && (
            <p id="checkout-address-error" role="alert" className="text-sm text-red-700">
              {sectionError}
            </p>
          )}
          {addresses.length > 0 && (
            <fieldset disabled={disabled} aria-describedby={sectionError ? "checkout-address-error" : undefined}>
              <legend className="sr-only">Choose a delivery address</legend>
              <div className="space-y-2">
                {addresses.map((a, index) => (
                  <RadioCard
                    key={a.id}
                    id={index === 0 ? fieldIds.savedAddress : undefined}
                    name="checkout-address"
                    checked={choice === a.id}
                    onChange={() => onChoose(a.id)}
                  >
                    <span className="block font-medium text-ink">
                      {a.name}
                      {a.isDefault && <span className="ml-2 text-xs font-normal text-muted">Default</span>}
                    </span>
                    <span className="block text-stone-600">
                      {[a.line1, a.line2].filter(Boolean).join(", ")}
                      <br />
                      {[a.city, a.region, a.postalCode].filter(Boolean).join(", ")} · {names.get(a.country) ?? a.country}
                    </span>
                    {a.phone && <span className="block text-muted">{a.phone}</span>}
                  </RadioCard>
                ))}
                <RadioCard name="checkout-address" checked={choice === NEW_ADDRESS} onChange={() => onChoose(NEW_ADDRESS)}>
                  <span className="block font-medium text-ink">Use a new address</span>
                </RadioCard>
              </div>
            </fieldset>
          )}

          {choice === NEW_ADDRESS && (
            <fieldset disabled={disabled} className="space-y-4">
              <legend className={addresses.length > 0 ? "text-sm font-semibold text-ink" : "sr-only"}>New address</legend>
              <TextField
                id={fieldIds.name}
                label="Full name"
                autoComplete="shipping name"
                value={draft.name}
                onChange={(e) => onDraftChange("name", e.target.value)}
                error={errors["address.name"]}
                maxLength={100}
                required
              />
              <TextField
                id={fieldIds.line1}
                label="Street address"
                autoComplete="shipping address-line1"
                value={draft.line1}
                onChange={(e) => onDraftChange("line1", e.target.value)}
                error={errors["address.line1"]}
                maxLength={120}
                required
              />
              <TextField
                id={fieldIds.line2}
                label={
                  <>
                    Apartment, suite, etc. <span className="font-normal text-muted">(optional)</span>
                  </>
                }
                autoComplete="shipping address-line2"
                value={draft.line2}
                onChange={(e) => onDraftChange("line2", e.target.value)}
                error={errors["address.line2"]}
                maxLength={120}
              />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  id={fieldIds.city}
                  label="City"
                  autoComplete="shipping address-level2"
                  value={draft.city}
                  onChange={(e) => onDraftChange("city", e.target.value)}
                  error={errors["address.city"]}
                  maxLength={80}
                  required
                />
                <TextField
                  id={fieldIds.region}
                  label={
                    <>
                      State or region <span className="font-normal text-muted">(optional)</span>
                    </>
                  }
                  autoComplete="shipping address-level1"
                  value={draft.region}
                  onChange={(e) => onDraftChange("region", e.target.value)}
                  error={errors["address.region"]}
                  maxLength={80}
                />
                <TextField
                  id={fieldIds.postalCode}
                  label="Postal code"
                  autoComplete="shipping postal-code"
                  autoCapitalize="characters"
                  value={draft.postalCode}
                  onChange={(e) => onDraftChange("postalCode", e.target.value)}
                  error={errors["address.postalCode"]}
                  maxLength={12}
                  required
                />
                <SelectField
                  id={fieldIds.country}
                  label="Country"
                  autoComplete="shipping country"
                  value={draft.country}
                  onChange={(e) => onDraftChange("country", e.target.value)}
                  error={errors["address.country"]}
                  required
                >
                  <option value="">Choose a country</option>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </SelectField>
              </div>
              <TextField
                id={fieldIds.phone}
                type="tel"
                label={
                  <>
                    Phone <span className="font-normal text-muted">(optional)</span>
                  </>
                }
                hint="For delivery questions only. Include the country code, e.g. +14155550123."
                autoComplete="shipping tel"
                inputMode="tel"
                value={draft.phone}
                onChange={(e) => onDraftChange("phone", e.target.value)}
                error={errors["address.phone"]}
                maxLength={20}
              />
              <label className="flex items-center gap-3 text-sm text-ink">
                <input
                  type="checkbox"
                  checked={save}
                  onChange={(e) => onSaveChange(e.target.checked)}
                  className="size-4 rounded accent-brand-600"
                />
                Save this address for next time
              </label>
            </fieldset>
          )}
        </div>
      )}
    </section>
  );
}

export function StepHeading({ id, step, children }: { id: string; step: number; children: ReactNode }) {
  return (
    <h2 id={id} className="flex items-center gap-2.5 text-lg font-semibold text-ink">
      <span
        aria-hidden
        className="flex size-7 items-center justify-center rounded-full bg-brand-50 text-sm font-bold text-brand-700"
      >
        {step}
      </span>
      {children}
    </h2>
  );
}

/** A radio button as a bordered card; the whole card is the label. */
export function RadioCard({
  id,
  name,
  checked,
  onChange,
  describedBy,
  children,
  trailing,
}: {
  id?: string | undefined;
  name: string;
  checked: boolean;
  onChange: () => void;
  describedBy?: string | undefined;
  children: ReactNode;
  trailing?: ReactNode;
}) {
  return (
    <label
      className={cn(
        "flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 text-sm transition-colors",
        "has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-brand-600",
        "has-[input:disabled]:cursor-not-allowed has-[input:disabled]:opacity-70",
        checked ? "border-brand-600 bg-brand-50" : "border-stone-200 hover:border-stone-400",
      )}
    >
      <input
        id={id}
        type="radio"
        name={name}
        checked={checked}
        onChange={onChange}
        aria-describedby={describedBy}
        className="mt-0.5 size-4 shrink-0 accent-brand-600"
      />
      <span className="min-w-0 flex-1">{children}</span>
      {trailing}
    </label>
  );
}
