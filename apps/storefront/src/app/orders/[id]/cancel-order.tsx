"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { TextAreaField } from "@agora/ui/field";
import { buyerCancelSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";

/**
 * Cancelling before the shop ships: one button opens a confirm step with an optional note for the shop.
 * The panel stays mounted after the order is cancelled so its confirmation is still read out.
 */
export function CancelOrder({
  orderId,
  number,
  sellerName,
  cancellable,
}: {
  orderId: string;
  number: number;
  sellerName: string;
  cancellable: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const sectionRef = useRef<HTMLElement>(null);
  // A double click lands before React re-renders the disabled button: checked synchronously.
  const inFlight = useRef(false);
  const focus = (selector: string) =>
    requestAnimationFrame(() => sectionRef.current?.querySelector<HTMLElement>(selector)?.focus());
  const cancel = useMutation(trpc.orders.cancel.mutationOptions());
  const busy = cancel.isPending || refreshing;

  if (!cancellable && !done && !error) return null;

  function open() {
    setConfirming(true);
    setError(null);
    focus("textarea");
  }

  function close() {
    setConfirming(false);
    setFieldError(undefined);
    setError(null);
    focus("[data-cancel-open]");
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const parsed = buyerCancelSchema.safeParse({ orderId, reason: reason.trim() || undefined });
    if (!parsed.success) {
      setFieldError(parsed.error.issues.find((i) => i.path[0] === "reason")?.message ?? parsed.error.issues[0]?.message);
      focus("textarea");
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    setFieldError(undefined);
    setError(null);
    cancel.mutate(parsed.data, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: () => {
        setDone(true);
        setConfirming(false);
        startRefresh(() => router.refresh());
      },
      onError: (err) => {
        const { message, fieldErrors } = formErrorsOf(err);
        setFieldError(fieldErrors.reason);
        setError(message);
        // The order may have moved on (e.g. it just shipped): show it as it is now.
        startRefresh(() => router.refresh());
      },
    });
  }

  return (
    <section ref={sectionRef} aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5">
      <h2 id={headingId} className="text-lg font-semibold text-ink">
        {done ? "Order cancelled" : "Cancel this order"}
      </h2>
      <div aria-live="polite">
        {done && (
          <Alert tone="success" className="mt-3">
            Order #{number} is cancelled. The hold on your card was released, so you are not charged.
          </Alert>
        )}
        {error && (
          <Alert tone="error" className="mt-3">
            {error}
          </Alert>
        )}
      </div>
      {cancellable && !done && !confirming && (
        <>
          <p className="mt-1 text-sm text-muted">You can cancel until {sellerName} ships it. You will not be charged.</p>
          <Button
            data-cancel-open
            type="button"
            variant="secondary"
            className="mt-4 w-full text-red-700 ring-red-200 hover:bg-red-50 sm:w-auto"
            onClick={open}
          >
            Cancel order
          </Button>
        </>
      )}
      {cancellable && !done && confirming && (
        <form onSubmit={submit} noValidate className="mt-3 space-y-4">
          <p className="text-sm text-stone-700">
            Cancel order #{number} from {sellerName}? This cannot be undone; the items go back on sale.
          </p>
          <TextAreaField
            name="reason"
            label="Reason (optional)"
            hint={`${sellerName} sees this note.`}
            maxLength={500}
            rows={3}
            className="min-h-20"
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setFieldError(undefined);
            }}
            error={fieldError}
            disabled={busy}
          />
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button type="submit" variant="danger" loading={busy}>
              Yes, cancel order
            </Button>
            <Button type="button" variant="secondary" onClick={close} disabled={busy}>
              Keep order
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
