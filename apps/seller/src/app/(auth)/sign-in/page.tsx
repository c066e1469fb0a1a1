import { getViewer } from "@agora/auth";
import { AuthForm } from "@agora/ui/auth-form";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNext } from "~/lib/session";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next);
  if (await getViewer()) redirect(next);
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in to your seller account</h1>
      <p className="mt-1 mb-6 text-sm text-muted">Manage your store, listings and stock.</p>
      <AuthForm
        mode="sign-in"
        action={signInAction}
        next={next}
        switchHref={next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`}
      />
    </>
  );
}
