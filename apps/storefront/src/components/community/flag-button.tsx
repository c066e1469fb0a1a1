"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Button, buttonClasses } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { flagReasonLabels, flagReasons, type FlagReason, type FlagTargetType } from "@agora/validators";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";

const targetNames: Record<FlagTargetType, string> = {
  post: "post",
  review: "review",
  question: "question",
  answer: "answer",
  story: "story",
};

/**
 * "Report" for anything people write: a small dialog with a reason and an optional note. One report per
 * person per item; the server says so kindly when it was already reported. Signed-out visitors are asked
 * to sign in first.
 */
export function FlagButton({
  targetType,
  targetId,
  className,
}: {
  targetType: FlagTargetType;
  targetId: string;
  className?: string;
}) {
  const trpc = useTRPC();
  const baseId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const me = useQuery({ ...trpc.account.me.queryOptions(), enabled: open });
  const flag = useMutation(
    trpc.moderation.flag.mutationOptions({
      onSuccess(result) {
        setDone(
          result.alreadyFlagged
            ? "You already reported this — a moderator will look at it."
            : "Thanks — a moderator will look at it.",
        );
      },
    }),
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    setOpen(false);
    openerRef.current?.focus();
  };

  const error = flag.error ? formErrorsOf(flag.error) : null;
  const ids = { title: `${baseId}-title`, note: `${baseId}-note`, error: `${baseId}-error`, reasons: `${baseId}-reasons` };
  const what = targetNames[targetType];

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        aria-haspopup="dialog"
        className={cn("text-xs font-medium text-muted underline-offset-2 hover:text-ink hover:underline", className)}
        onClick={() => {
          setDone(null);
          flag.reset();
          setOpen(true);
        }}
      >
        Report<span className="sr-only"> this {what}</span>
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={ids.title}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-stone-200 bg-white p-0 text-ink shadow-xl backdrop:bg-black/40"
        onClose={() => setOpen(false)}
        onCancel={(e) => {
          e.preventDefault();
          close();
        }}
      >
        <div className="space-y-4 p-5">
          <h2 id={ids.title} className="text-lg font-semibold">
            Report this {what}
          </h2>
          {/* Closed, it shows nothing that depends on the visitor: the page hydrates as the server sent it. */}
          {!open || me.isPending ? (
            <p className="text-sm text-muted">Loading…</p>
          ) : !me.data ? (
            <div className="space-y-3 text-sm">
              <p>Please sign in to report content to the moderators.</p>
              <div className="flex gap-2">
                <Link href={signInHref()} className={buttonClasses("primary", "sm")}>
                  Sign in
                </Link>
                <Button type="button" variant="secondary" size="sm" onClick={close}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : done ? (
            <div className="space-y-3">
              <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
                {done}
              </p>
              <Button type="button" variant="secondary" size="sm" onClick={close}>
                Close
              </Button>
            </div>
          ) : (
            <form
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reason || flag.isPending) return;
                flag.mutate({ targetType, targetId, reason, note: note || undefined });
              }}
            >
              <fieldset className="space-y-2" aria-describedby={error ? ids.error : undefined}>
                <legend className="mb-1 text-sm font-medium">Why should a moderator look at it?</legend>
                {flagReasons.map((r) => (
                  <label key={r} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name={`${baseId}-reason`}
                      value={r}
                      checked={reason === r}
                      onChange={() => setReason(r)}
                      className="size-4 accent-brand-600"
                      required
                    />
                    {flagReasonLabels[r]}
                  </label>
                ))}
              </fieldset>
              <div className="space-y-1">
                <label htmlFor={ids.note} className="block text-sm font-medium">
                  Note for the moderators <span className="font-normal text-muted">(optional)</span>
                </label>
                <textarea
                  id={ids.note}
                  value={note}
                  maxLength={500}
                  rows={3}
                  onChange={(e) => setNote(e.target.value)}
                  className="block w-full rounded-lg border border-stone-300 px-3 py-2 text-[15px] focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
                />
              </div>
              {error && (
                <p
                  id={ids.error}
                  role="alert"
                  className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
                >
                  {error.fieldErrors.reason ?? error.fieldErrors.note ?? error.message}
                </p>
              )}
              <div className="flex gap-2">
                <Button type="submit" size="sm" disabled={!reason} loading={flag.isPending}>
                  Send report
                </Button>
                <Button type="button" variant="secondary" size="sm" onClick={close}>
                  Cancel
                </Button>
              </div>
            </form>
          )}
        </div>
      </dialog>
    </>
  );
}

function signInHref(): string {
  if (typeof window === "undefined") return "/sign-in";
  return `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}
