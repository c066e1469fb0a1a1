"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { TextField } from "@agora/ui/field";
import { changePasswordSchema, updateProfileSchema } from "@agora/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ZodError } from "zod";
import { PersonalisationSetting } from "~/components/discovery/personalisation-setting";
import { signOutAction } from "../actions";
import { NotificationPreferencesForm, type NotificationSettingsView } from "./notification-preferences";

type Viewer = { name: string; email: string; isSeller: boolean; isOperator: boolean };
type Status = { tone: "success" | "error"; message: string } | null;

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "_form"] ??= issue.message;
  return out;
}

const card = "rounded-2xl border border-stone-200 bg-white p-5 sm:p-6";

export function AccountSettings({ viewer, sellerUrl, notifications }: { viewer: Viewer; sellerUrl: string; notifications: NotificationSettingsView }) {
  return (
    <div className="mt-2 space-y-6">
      <p className="text-sm text-muted">
        Signed in as <span className="font-medium text-ink">{viewer.email}</span>
      </p>
      <ProfileForm name={viewer.name} email={viewer.email} />
      <NotificationPreferencesForm email={viewer.email} initial={notifications} />
      <PersonalisationSetting />
      <PasswordForm />
      <section aria-labelledby="selling-title" className={card}>
        <h2 id="selling-title" className="text-lg font-semibold text-ink">
          {viewer.isSeller ? "Your store" : "Sell on Agora"}
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          {viewer.isSeller
            ? "Manage your listings, stock and store page in the seller portal."
            : "Open a store, list your products and reach shoppers across the marketplace."}
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <a href={sellerUrl} className="inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-medium text-brand-700 ring-1 ring-brand-100 hover:bg-brand-50">
            {viewer.isSeller ? "Open the seller portal" : "Sell on Agora"}
          </a>
          {viewer.isOperator && (
            <a href={`${sellerUrl.replace(/\/$/, "")}/admin`} className="inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-medium text-stone-700 ring-1 ring-stone-200 hover:bg-stone-50">
              Operator console
            </a>
          )}
        </div>
      </section>
      <SignOut />
    </div>
  );
}

function ProfileForm({ name, email }: { name: string; email: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [value, setValue] = useState(name);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>(null);
  const update = useMutation(trpc.account.updateProfile.mutationOptions());

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (update.isPending) return;
    setStatus(null);
    const parsed = updateProfileSchema.safeParse({ name: value });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: (viewer) => {
        setValue(viewer.name);
        setStatus({ tone: "success", message: "Your name was saved." });
        void queryClient.invalidateQueries(trpc.account.me.queryFilter());
        router.refresh();
      },
      onError: (error) => {
        const { message, fieldErrors } = formErrorsOf(error);
        setErrors(fieldErrors);
        setStatus({ tone: "error", message });
      },
    });
  }

  return (
    <section aria-labelledby="profile-title" className={card}>
      <h2 id="profile-title" className="text-lg font-semibold text-ink">
        Profile
      </h2>
      <p className="mt-1 text-sm text-muted">Sellers see this name on your orders and messages.</p>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        <div aria-live="polite">{status && <Alert tone={status.tone}>{status.message}</Alert>}</div>
        <TextField
          name="name"
          label="Your name"
          autoComplete="name"
          required
          maxLength={80}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={errors.name}
        />
        <TextField name="email" label="E-mail" type="email" value={email} readOnly className="bg-stone-50 text-stone-600" hint="Your e-mail address is used to sign in and cannot be changed here." />
        <Button type="submit" loading={update.isPending}>
          Save name
        </Button>
      </form>
    </section>
  );
}

function PasswordForm() {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>(null);
  const change = useMutation(trpc.account.changePassword.mutationOptions());

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (change.isPending) return;
    const form = e.currentTarget;
    const data = new FormData(form);
    setStatus(null);
    const input = { currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") };
    const parsed = changePasswordSchema.safeParse(input);
    const found = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (!found.newPassword && input.newPassword !== String(data.get("confirmPassword") ?? "")) {
      found.confirmPassword = "The two new passwords do not match";
    }
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    change.mutate(parsed.data, {
      onSuccess: () => {
        form.reset();
        setStatus({ tone: "success", message: "Your password was changed. Any other devices signed in to your account were signed out." });
      },
      onError: (error) => {
        const { message, fieldErrors } = formErrorsOf(error);
        setErrors(fieldErrors);
        setStatus({ tone: "error", message });
      },
    });
  }

  return (
    <section aria-labelledby="password-title" className={card}>
      <h2 id="password-title" className="text-lg font-semibold text-ink">
        Password
      </h2>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        <div aria-live="polite">{status && <Alert tone={status.tone}>{status.message}</Alert>}</div>
        <TextField name="currentPassword" type="password" label="Current password" autoComplete="current-password" required error={errors.currentPassword} />
        <TextField
          name="newPassword"
          type="password"
          label="New password"
          autoComplete="new-password"
          required
          hint="At least 10 characters, mixing letters with digits or symbols."
          error={errors.newPassword}
        />
        <TextField name="confirmPassword" type="password" label="Repeat the new password" autoComplete="new-password" required error={errors.confirmPassword} />
        <Button type="submit" loading={change.isPending}>
          Change password
        </Button>
      </form>
    </section>
  );
}

function SignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby="signout-title" className={card}>
      <h2 id="signout-title" className="text-lg font-semibold text-ink">
        Sign out
      </h2>
      <p className="mt-1 text-sm text-muted">Sign out of Agora on this device.</p>
      <Button
        variant="secondary"
        className="mt-4"
        loading={pending}
        onClick={() =>
          start(async () => {
            await signOutAction();
            queryClient.setQueryData(trpc.account.me.queryKey(), null);
            router.push("/");
            router.refresh();
          })
        }
      >
        Sign out
      </Button>
    </section>
  );
}
