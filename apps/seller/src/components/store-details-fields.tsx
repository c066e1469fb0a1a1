"use client";

import { TextAreaField, TextField } from "@agora/ui/field";
import type { ReactNode } from "react";

export type StoreDetailsValues = {
  name: string;
  description: string;
  contactEmail: string;
  contactPhone: string;
  returnPolicy: string;
};

/** Store name, description, contact and return-policy fields shared by the application and profile forms. */
export function StoreDetailsFields({
  values,
  errors,
  set,
  withNames = false,
  afterName,
  descriptionHint,
  descriptionRows,
  returnPolicyHint,
}: {
  values: StoreDetailsValues;
  errors: Record<string, string>;
  set: (field: keyof StoreDetailsValues) => (value: string) => void;
  /** Adds `name` (and `autoComplete="organization"`) attributes to the inputs. */
  withNames?: boolean;
  /** Rendered between the store name and the description. */
  afterName?: ReactNode;
  descriptionHint: string;
  descriptionRows: number;
  returnPolicyHint?: string;
}) {
  const nameOf = (field: keyof StoreDetailsValues) => (withNames ? field : undefined);
  return (
    <>
      <TextField
        label="Store name"
        name={nameOf("name")}
        value={values.name}
        onChange={(e) => set("name")(e.target.value)}
        error={errors.name}
        maxLength={80}
        autoComplete={withNames ? "organization" : undefined}
        required
      />
      {afterName}
      <TextAreaField
        label="Description"
        name={nameOf("description")}
        value={values.description}
        onChange={(e) => set("description")(e.target.value)}
        error={errors.description}
        hint={descriptionHint}
        maxLength={2000}
        rows={descriptionRows}
        required
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="Contact e-mail"
          name={nameOf("contactEmail")}
          type="email"
          value={values.contactEmail}
          onChange={(e) => set("contactEmail")(e.target.value)}
          error={errors.contactEmail}
          autoComplete="email"
          required
        />
        <TextField
          label="Phone (optional)"
          name={nameOf("contactPhone")}
          type="tel"
          value={values.contactPhone}
          onChange={(e) => set("contactPhone")(e.target.value)}
          error={errors.contactPhone}
          autoComplete="tel"
          maxLength={30}
        />
      </div>
      <TextAreaField
        label="Return policy"
        name={nameOf("returnPolicy")}
        value={values.returnPolicy}
        onChange={(e) => set("returnPolicy")(e.target.value)}
        error={errors.returnPolicy}
        hint={returnPolicyHint}
        maxLength={5000}
        rows={4}
        required
      />
    </>
  );
}
