import { getViewer } from "@agora/auth";
import { AuthForm } from "@agora/ui/auth-form";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNext } from "~/lib/session";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next);
  if (await getViewer()) redirect(next);
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-muted">Then tell us about your store and apply to sell on Agora.</p>
      <AuthForm
        mode="sign-up"
        action={signUpAction}
        next={next === "/" ? "/apply" : next}
        switchHref={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`}
      />
    </>
  );
}
