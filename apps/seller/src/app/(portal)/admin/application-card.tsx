"use client";

import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { TextAreaField } from "@agora/ui/field";
import { reviewSellerSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { StoreStatusBadge } from "~/components/status-badge";
import { CHECK_FIELDS, useFormFeedback } from "~/components/use-form-feedback";

export interface ApplicationSeller {
  id: string;
  name: string;
  slug: string;
  status: "pending" | "approved" | "rejected" | "suspended";
  statusReason: string | null;
  description: string;
  contactEmail: string;
  contactPhone: string | null;
  returnPolicy: string;
  createdAt: string;
  reviewedAt: string | null;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export interface ApplicationEntry {
  seller: ApplicationSeller;
  storeUrl: string;
  listingCount: number;
}

/** The queue: cards leave it as they are decided, so the outcome is announced here, not on the card. */
export function ReviewQueue({ entries }: { entries: ApplicationEntry[] }) {
  const [announcement, setAnnouncement] = useState("");
  return (
    <>
      <p role="status" className={announcement ? "mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "sr-only"}>
        {announcement}
      </p>
      <ul className="space-y-4">
        {entries.map((e) => (
          <ApplicationCard key={e.seller.id} {...e} onReviewed={setAnnouncement} />
        ))}
      </ul>
    </>
  );
}

function ApplicationCard({
  seller,
  storeUrl,
  listingCount,
  onReviewed,
}: ApplicationEntry & { onReviewed: (message: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const review = useMutation(trpc.admin.sellers.review.mutationOptions());
  const [refreshing, startRefresh] = useTransition();
  const { formRef, errors, message, invalid, failed, touch, clear } = useFormFeedback();
  const [reason, setReason] = useState("");
  const [decision, setDecision] = useState<"approve" | "reject" | null>(null);
  const headingId = useId();
  const busy = review.isPending || refreshing;
  const canReview = seller.status !== "suspended";
  // Taking back an approval is rare and drastic: its form stays folded away until asked for.
  const [revoking, setRevoking] = useState(false);

  function submit(choice: "approve" | "reject") {
    if (busy) return;
    setDecision(choice);
    const input =
      choice === "approve"
        ? { sellerId: seller.id, decision: "approve" as const }
        : { sellerId: seller.id, decision: "reject" as const, reason };
    const parsed = reviewSellerSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    clear();
    review.mutate(parsed.data, {
      onSuccess: (s) => {
        setReason("");
        onReviewed(s.status === "approved" ? `${seller.name} is approved.` : `${seller.name} was rejected.`);
        startRefresh(() => router.refresh());
      },
      onError: failed,
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    submit(submitter?.value === "approve" ? "approve" : "reject");
  }

  return (
    <li aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-semibold break-words">
            {seller.name}
          </h2>
          <p className="text-sm break-all text-muted">{storeUrl}</p>
        </div>
        <StoreStatusBadge status={seller.status} />
      </div>

      <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">Applied</dt>
          <dd>{dateFormat.format(new Date(seller.createdAt))}</dd>
        </div>
        <div>
          <dt className="text-muted">Contact</dt>
          <dd className="[overflow-wrap:anywhere]">
            <a href={`mailto:${seller.contactEmail}`} className="text-brand-700 underline">
              {seller.contactEmail}
            </a>
            {seller.contactPhone && <span className="whitespace-nowrap text-muted"> · {seller.contactPhone}</span>}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-muted">Description</dt>
          <dd className="whitespace-pre-line">{seller.description}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-muted">Return policy</dt>
          <dd className="whitespace-pre-line">{seller.returnPolicy}</dd>
        </div>
        <div>
          <dt className="text-muted">Listings</dt>
          <dd>{listingCount}</dd>
        </div>
        {seller.reviewedAt && (
          <div>
            <dt className="text-muted">Last reviewed</dt>
            <dd>{dateFormat.format(new Date(seller.reviewedAt))}</dd>
          </div>
        )}
        {seller.statusReason && (
          <div className="sm:col-span-2">
            <dt className="text-muted">{seller.status === "rejected" ? "Reason for rejection" : "Note"}</dt>
            <dd className="whitespace-pre-line">{seller.statusReason}</dd>
          </div>
        )}
      </dl>

      {seller.status === "approved" && !revoking ? (
        <div className="mt-5 flex justify-end border-t border-stone-100 pt-4">
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="text-red-700 hover:bg-red-50"
            onClick={() => setRevoking(true)}
          >
            Revoke approval…
          </Button>
        </div>
      ) : canReview ? (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-5 space-y-3 border-t border-stone-100 pt-4">
          {message && message !== CHECK_FIELDS && <Alert tone="error">{message}</Alert>}
          {seller.status !== "rejected" && (
            <TextAreaField
              label="Reason for rejection"
              hint={
                seller.status === "approved"
                  ? "Rejecting an approved store takes its listings off the storefront. The seller sees this reason."
                  : "Required to reject. The seller sees this reason."
              }
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                touch("reason");
              }}
              error={errors.reason}
              maxLength={1000}
              rows={3}
              autoFocus={revoking}
            />
          )}
          <div className="flex flex-wrap justify-end gap-2">
            {revoking && seller.status === "approved" && (
              <Button type="button" variant="secondary" disabled={busy} onClick={() => setRevoking(false)}>
                Cancel
              </Button>
            )}
            {seller.status !== "rejected" && (
              <Button
                type="submit"
                value="reject"
                variant={seller.status === "approved" ? "danger" : "secondary"}
                loading={busy && decision === "reject"}
                disabled={busy}
              >
                Reject
              </Button>
            )}
            {seller.status !== "approved" && (
              <Button type="submit" value="approve" loading={busy && decision === "approve"} disabled={busy}>
                Approve
              </Button>
            )}
          </div>
        </form>
      ) : null}
    </li>
  );
}
