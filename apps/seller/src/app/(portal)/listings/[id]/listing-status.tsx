"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

type Status = "draft" | "active" | "archived";

const done: Record<Status, string> = {
  active: "Published: the listing is on the storefront.",
  draft: "Moved to drafts: shoppers no longer see it.",
  archived: "Archived: shoppers no longer see it.",
};

const explain: Record<Status, string> = {
  draft: "Draft: only you can see this listing.",
  active: "Active: shoppers can find and buy this listing.",
  archived: "Archived: hidden from shoppers and out of your way. Publish it or move it back to drafts at any time.",
};

export function ListingStatusPanel({
  listingId,
  status,
  storeStatus,
}: {
  listingId: string;
  status: Status;
  storeStatus: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const setStatus = useMutation(trpc.seller.listings.setStatus.mutationOptions());
  const [refreshing, startRefresh] = useTransition();
  const [target, setTarget] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const busy = setStatus.isPending || refreshing;

  function go(next: Status) {
    if (busy) return;
    setTarget(next);
    setError(null);
    setNotice(null);
    setStatus.mutate(
      { id: listingId, status: next },
      {
        onSuccess: () => {
          setNotice(done[next]);
          startRefresh(() => router.refresh());
        },
        onError: (e) => setError(formErrorsOf(e).message),
      },
    );
  }

  const button = (next: Status, label: string, variant: "primary" | "secondary" | "ghost") => (
    <Button type="button" variant={variant} onClick={() => go(next)} loading={busy && target === next} disabled={busy}>
      {label}
    </Button>
  );

  return (
    <section aria-labelledby="status-heading" className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h2 id="status-heading" className="font-semibold">
            Visibility
          </h2>
          <p className="text-sm text-muted">{explain[status]}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {status !== "active" && button("active", "Publish", "primary")}
          {status === "active" && button("draft", "Unpublish", "secondary")}
          {status === "archived" && button("draft", "Move to drafts", "secondary")}
          {status !== "archived" && button("archived", "Archive", "ghost")}
        </div>
      </div>
      {status !== "active" && storeStatus === "pending" && !error && (
        <p className="mt-3 text-sm text-amber-800">
          Your store is still under review. You can publish once the marketplace team approves it.
        </p>
      )}
      {status !== "active" && storeStatus === "rejected" && !error && (
        <p className="mt-3 text-sm text-red-800">Your store application was not approved, so listings cannot be published.</p>
      )}
      {error && (
        <Alert tone="error" className="mt-3">
          {error}
        </Alert>
      )}
      <p aria-live="polite" className={notice && !busy ? "mt-3 text-sm text-emerald-700" : "sr-only"}>
        {notice && !busy ? notice : ""}
      </p>
    </section>
  );
}
