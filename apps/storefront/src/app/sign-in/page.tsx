import { getViewer } from "@agora/auth";
import { AuthForm } from "@agora/ui/auth-form";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { AuthFormSkeleton, AuthShell } from "~/components/auth-shell";
import { safeNext } from "~/lib/safe-next";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default function SignInPage({ searchParams }: Props) {
  return (
    <AuthShell title="Sign in" subtitle="Welcome back. Sign in to your Agora account.">
      <Suspense fallback={<AuthFormSkeleton fields={2} />}>
        <SignInForm searchParams={searchParams} />
      </Suspense>
    </AuthShell>
  );
}

async function SignInForm({ searchParams }: Props) {
  const { next } = await searchParams;
  // The session is per request: nothing below may be prerendered.
  await connection();
  const target = safeNext(next);
  if (await getViewer()) redirect(target);
  const query = target === "/" ? "" : `?next=${encodeURIComponent(target)}`;
  return <AuthForm mode="sign-in" action={signInAction} next={target} switchHref={`/sign-up${query}`} />;
}
