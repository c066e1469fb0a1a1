"use client";

import type { RouterOutputs } from "@agora/api";
import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { TextField } from "@agora/ui/field";
import { notificationPreferencesSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type FormEvent, type ReactNode } from "react";

export type NotificationSettingsView = RouterOutputs["account"]["getNotificationPreferences"];
type Status = { tone: "success" | "error"; message: string } | null;

const card = "rounded-2xl border border-stone-200 bg-white p-5 sm:p-6";

/** Which channels order updates arrive on: e-mail, text messages (with a mobile number), both or neither. */
export function NotificationPreferencesForm({ email, initial }: { email: string; initial: NotificationSettingsView }) {
  const trpc = useTRPC();
  const { available, devInbox } = initial;
  const [values, setValues] = useState({
    email: initial.preferences.email,
    sms: initial.preferences.sms,
    phone: initial.preferences.phone ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>(null);
  const save = useMutation(trpc.account.setNotificationPreferences.mutationOptions());

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    setStatus(null);
    const parsed = notificationPreferencesSchema.safeParse(values);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join(".") || "_form"] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: (saved) => {
        setValues({ email: saved.email, sms: saved.sms, phone: saved.phone ?? "" });
        setStatus({ tone: "success", message: "Your notification settings were saved." });
      },
      onError: (error) => {
        const { message, fieldErrors } = formErrorsOf(error);
        setErrors(fieldErrors);
        setStatus({ tone: "error", message });
      },
    });
  }

  const nothing = !values.email && !values.sms;
  return (
    <section aria-labelledby="notifications-title" className={card}>
      <h2 id="notifications-title" className="text-lg font-semibold text-ink">
        Order updates
      </h2>
      <p className="mt-1 text-sm text-muted">
        We tell you when an order is confirmed, accepted, shipped, delayed, delivered or cancelled.
      </p>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        <div aria-live="polite">{status && <Alert tone={status.tone}>{status.message}</Alert>}</div>
        <fieldset className="space-y-3">
          <legend className="sr-only">Send order updates by</legend>
          <Choice
            label="By e-mail"
            description={available.email ? <>To {email}</> : "E-mail is not available on this marketplace yet."}
            checked={values.email}
            disabled={!available.email}
            error={errors.email}
            onChange={(checked) => setValues((v) => ({ ...v, email: checked }))}
          />
          <Choice
            label="By text message (SMS)"
            description={
              available.sms
                ? "A short message with a link to the order."
                : "Text messages are not available on this marketplace yet."
            }
            checked={values.sms}
            disabled={!available.sms}
            error={errors.sms}
            onChange={(checked) => {
              setValues((v) => ({ ...v, sms: checked }));
              if (!checked) setErrors(({ phone: _phone, ...rest }) => rest);
            }}
          />
        </fieldset>
        {(values.sms || values.phone !== "") && (
          <TextField
            name="phone"
            type="tel"
            label="Mobile number"
            autoComplete="tel"
            inputMode="tel"
            maxLength={32}
            placeholder="+1 415 555 0123"
            required={values.sms}
            value={values.phone}
            onChange={(e) => {
              const phone = e.currentTarget.value;
              setValues((v) => ({ ...v, phone }));
            }}
            hint="Start with + and your country code, e.g. +1 415 555 0123 or +44 7700 900123."
            error={errors.phone}
            wrapperClassName="sm:max-w-xs"
          />
        )}
        {nothing && (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            With both off you get no order updates; you can still follow your orders from your account.
          </p>
        )}
        <Button type="submit" loading={save.isPending}>
          Save notification settings
        </Button>
      </form>
      {devInbox && (
        <p className="mt-4 border-t border-stone-200 pt-4 text-sm text-stone-600">
          This marketplace does not send real e-mails or text messages yet: they are collected in the{" "}
          <Link href="/dev/inbox" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            development inbox
          </Link>
          .
        </p>
      )}
    </section>
  );
}

function Choice({
  label,
  description,
  checked,
  disabled,
  error,
  onChange,
}: {
  label: string;
  description: ReactNode;
  checked: boolean;
  disabled: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.currentTarget.checked)}
          aria-describedby={`${id}-description${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 size-5 shrink-0 rounded border-stone-300 accent-brand-600 disabled:opacity-50"
        />
        <label htmlFor={id} className="text-sm">
          <span className={disabled ? "font-medium text-stone-500" : "font-medium text-ink"}>{label}</span>
          <span id={`${id}-description`} className="block break-words text-muted">
            {description}
          </span>
        </label>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 ml-8 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
