import { getViewer } from "@agora/auth";
import { notificationSettings } from "@agora/core/notification-settings";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { api } from "~/trpc/server";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Development inbox", robots: { index: false } };

export default function DevInboxPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Development inbox</h1>
      <Suspense fallback={<InboxSkeleton />}>
        <InboxContent searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

function pageFrom(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

async function InboxContent({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await connection();
  // The proxy already answers 404 when real delivery is configured; this keeps the page honest on its own.
  if (!notificationSettings().devInbox) notFound();
  const viewer = await getViewer();
  const page = pageFrom((await searchParams).page);
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(page > 1 ? `/dev/inbox?page=${page}` : "/dev/inbox")}`);
  const everyone = viewer.roles.includes("operator");
  const initial = await (await api()).notifications.inbox({ page });
  return (
    <>
      <div className="mt-3 space-y-2 text-sm text-stone-600">
        <p>
          This marketplace is running without an e-mail server or text-message provider, so the e-mails and text messages Agora
          sends are collected here instead of being delivered. Order confirmations, shipping and delay notices appear within a few
          seconds.
        </p>
        <p>
          {everyone ? (
            <>
              As an operator you see the messages sent to <strong className="font-medium text-ink">everyone</strong>, guests and
              stores included.
            </>
          ) : (
            <>
              You see the messages sent to you as <strong className="font-medium text-ink">{viewer.email}</strong>, and to your
              store if you own one.
            </>
          )}
        </p>
      </div>
      <InboxList initial={initial} page={page} canRetry={everyone} />
    </>
  );
}

function InboxSkeleton() {
  return (
    <div aria-hidden className="mt-6 space-y-4">
      <div className="h-12 rounded bg-stone-100" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-32 rounded-2xl bg-stone-100" />
      ))}
    </div>
  );
}
