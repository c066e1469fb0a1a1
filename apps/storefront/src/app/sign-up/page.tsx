import { getViewer } from "@agora/auth";
import { AuthForm } from "@agora/ui/auth-form";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { AuthFormSkeleton, AuthShell } from "~/components/auth-shell";
import { safeNext } from "~/lib/safe-next";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default function SignUpPage({ searchParams }: Props) {
  return (
    <AuthShell title="Create your account" subtitle="One account for shopping with every seller on Agora.">
      <Suspense fallback={<AuthFormSkeleton fields={3} passwordHint="At least 10 characters, mixing letters with digits or symbols." />}>
        <SignUpForm searchParams={searchParams} />
      </Suspense>
    </AuthShell>
  );
}

async function SignUpForm({ searchParams }: Props) {
  const { next } = await searchParams;
  // The session is per request: nothing below may be prerendered.
  await connection();
  const target = safeNext(next);
  if (await getViewer()) redirect(target);
  const query = target === "/" ? "" : `?next=${encodeURIComponent(target)}`;
  return <AuthForm mode="sign-up" action={signUpAction} next={target} switchHref={`/sign-in${query}`} />;
}
