"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Button } from "@agora/ui/button";
import { TextAreaField } from "@agora/ui/field";
import { sellerReplySchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";

/**
 * The store's one public reply to a review. Replying again replaces the earlier text. The reviewer is
 * told the first time. Disabled while saving, so a double click saves once.
 */
export function ReplyForm({ reviewId, existing }: { reviewId: string; existing: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(existing === null);
  const [body, setBody] = useState(existing ?? "");
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const reply = useMutation(
    trpc.reviews.sellerReply.mutationOptions({
      onSuccess: (result) => {
        setSaved(result.edited ? "Reply updated." : "Reply posted. The shopper has been told.");
        setOpen(false);
        startRefresh(() => router.refresh());
      },
      onError: (e) => {
        const { message, fieldErrors } = formErrorsOf(e);
        setError(fieldErrors.body ?? message);
      },
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (reply.isPending) return;
    const parsed = sellerReplySchema.safeParse({ reviewId, body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setSaved(null);
    reply.mutate(parsed.data);
  }
  if (!open)
    return (
      <div className="flex flex-wrap items-center gap-3">
        {saved && (
          <p role="status" className="text-sm text-emerald-800">
            {saved}
          </p>
        )}
        <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(true)} disabled={refreshing}>
          Edit reply
        </Button>
      </div>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <TextAreaField
        label={existing ? "Edit your public reply" : "Public reply"}
        hint="Shown under the review on the product page. You can reply once; replying again replaces this text."
        value={body}
        rows={3}
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
        error={error}
      />
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={reply.isPending || refreshing}>
          {existing ? "Save reply" : "Post reply"}
        </Button>
        {existing !== null && (
          <Button type="button" size="sm" variant="secondary" onClick={() => setOpen(false)} disabled={reply.isPending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
