import { getViewer } from "@agora/auth";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { env } from "~/env";
import { api } from "~/trpc/server";
import { AccountSettings } from "./account-settings";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default function AccountPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Your account</h1>
      <Suspense fallback={<AccountSkeleton />}>
        <AccountContent />
      </Suspense>
    </div>
  );
}

async function AccountContent() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/account");
  const notifications = await (await api()).account.getNotificationPreferences();
  return (
    <AccountSettings
      viewer={{ name: viewer.name, email: viewer.email, isSeller: viewer.sellerId !== null, isOperator: viewer.roles.includes("operator") }}
      sellerUrl={env.SELLER_URL}
      notifications={notifications}
    />
  );
}

function AccountSkeleton() {
  return (
    <div aria-hidden className="mt-6 space-y-6">
      <div className="h-5 w-64 rounded bg-stone-100" />
      <div className="h-56 rounded-2xl bg-stone-100" />
      <div className="h-64 rounded-2xl bg-stone-100" />
      <div className="h-80 rounded-2xl bg-stone-100" />
    </div>
  );
}
