"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { TextField } from "./field";

export type AuthFormResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };
type Action = (previous: AuthFormResult | null, formData: FormData) => Promise<AuthFormResult>;

/** Sign-in and sign-up form shared by both apps; the server action does the work and returns errors. */
export function AuthForm({ mode, action, next = "/", switchHref }: { mode: "sign-in" | "sign-up"; action: Action; next?: string; switchHref: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled so a failed attempt keeps what was typed (React resets uncontrolled fields after an action).
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  useEffect(() => {
    if (state?.ok) {
      router.replace(next);
      router.refresh();
    }
  }, [state, next, router]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const signUp = mode === "sign-up";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {signUp && (
        <TextField name="name" label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
      )}
      <TextField
        name="email"
        type="email"
        label="E-mail"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={errors.email}
      />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete={signUp ? "new-password" : "current-password"}
        required
        hint={signUp ? "At least 10 characters, mixing letters with digits or symbols." : undefined}
        error={errors.password}
      />
      <Button type="submit" loading={pending} className="w-full">
        {signUp ? "Create account" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-muted">
        {signUp ? "Already have an account? " : "New to Agora? "}
        <Link href={switchHref} className="font-medium text-brand-700 underline">
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}
