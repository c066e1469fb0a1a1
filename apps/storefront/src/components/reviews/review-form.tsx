"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { TextAreaField, TextField } from "@agora/ui/field";
import { createReviewSchema, REVIEW_BODY_MAX, REVIEW_TITLE_MAX } from "@agora/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { StarIcon } from "./stars";

export interface ReviewDraft {
  id: string;
  rating: number;
  title: string;
  body: string;
}

const ratingWords = ["", "Poor", "Fair", "Good", "Very good", "Excellent"] as const;

/**
 * Writing or editing one's review: a star radio group (arrow keys move between stars), a title and the
 * text (markdown). Checked with the same schema as the server before sending; the server's field errors
 * appear next to their fields. The button is disabled while a save is on its way, so a double click
 * sends once (and the server refuses a second review anyway).
 */
export function ReviewForm({ listingId, existing, onDone, onCancel }: { listingId: string; existing: ReviewDraft | null; onDone: (message: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [rating, setRating] = useState(existing?.rating ?? 0);
  const [title, setTitle] = useState(existing?.title ?? "");
  const [body, setBody] = useState(existing?.body ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.reviews.list.pathFilter()), queryClient.invalidateQueries(trpc.reviews.mine.pathFilter())]);
  const failed = (error: unknown) => {
    const { message: text, fieldErrors } = formErrorsOf(error);
    setErrors(fieldErrors);
    setMessage(text);
    setFocusRequest((n) => n + 1);
  };
  const create = useMutation(trpc.reviews.create.mutationOptions({ onError: failed, onSuccess: async () => (await refresh(), onDone("Thanks! Your review is posted.")) }));
  const update = useMutation(trpc.reviews.update.mutationOptions({ onError: failed, onSuccess: async () => (await refresh(), onDone("Your review is updated.")) }));
  const remove = useMutation(trpc.reviews.delete.mutationOptions({ onError: failed, onSuccess: async () => (await refresh(), onDone("Your review is deleted.")) }));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const pending = create.isPending || update.isPending || remove.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    const parsed = createReviewSchema.safeParse({ listingId, rating, title, body });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) out[issue.path.join(".")] ??= issue.message;
      setErrors(out);
      setMessage("Check the highlighted fields.");
      setFocusRequest((n) => n + 1);
      return;
    }
    setErrors({});
    setMessage(null);
    const { rating: r, title: t, body: b } = parsed.data;
    if (existing) update.mutate({ reviewId: existing.id, rating: r, title: t, body: b });
    else create.mutate(parsed.data);
  }

  const touch = (field: string) => setErrors(({ [field]: _gone, ...rest }) => rest);
  const ids = { legend: `${baseId}-rating`, ratingError: `${baseId}-rating-error` };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 sm:p-5" aria-labelledby={`${baseId}-heading`}>
      <h3 id={`${baseId}-heading`} className="text-base font-semibold text-ink">
        {existing ? "Edit your review" : "Write a review"}
      </h3>
      {message && <Alert tone="error">{message}</Alert>}
      <fieldset aria-describedby={errors.rating ? ids.ratingError : undefined}>
        <legend id={ids.legend} className="text-sm font-medium text-ink">
          Your rating
        </legend>
        <div className="mt-1 flex items-center gap-3">
          <div className="-ml-1 flex">
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} className="group relative cursor-pointer p-1">
                <input
                  type="radio"
                  name={`${baseId}-stars`}
                  value={value}
                  checked={rating === value}
                  onChange={() => {
                    setRating(value);
                    touch("rating");
                  }}
                  aria-invalid={errors.rating && value === 1 ? true : undefined}
                  className="peer sr-only"
                />
                <span className="sr-only">
                  {value} {value === 1 ? "star" : "stars"} ({ratingWords[value]})
                </span>
                <span aria-hidden className="block rounded-md peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 peer-focus-visible:ring-offset-1">
                  <StarIcon filled={value <= rating} />
                </span>
              </label>
            ))}
          </div>
          <span className="text-sm text-muted" aria-hidden>
            {rating ? ratingWords[rating] : "Choose 1 to 5 stars"}
          </span>
        </div>
        {errors.rating && (
          <p id={ids.ratingError} role="alert" className="mt-1 text-sm text-red-700">
            {errors.rating}
          </p>
        )}
      </fieldset>
      <TextField
        label="Title"
        value={title}
        maxLength={REVIEW_TITLE_MAX}
        onChange={(e) => {
          setTitle(e.target.value);
          touch("title");
        }}
        error={errors.title}
        placeholder="Sum it up in a few words"
      />
      <TextAreaField
        label="Your review"
        value={body}
        maxLength={REVIEW_BODY_MAX}
        rows={5}
        onChange={(e) => {
          setBody(e.target.value);
          touch("body");
        }}
        error={errors.body}
        hint="What did you like or dislike? How did you use it? Markdown works: **bold**, lists, links."
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={pending}>
          {existing ? "Save changes" : "Post review"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        {existing && !confirmDelete && (
          <Button type="button" variant="ghost" className="sm:ml-auto" onClick={() => setConfirmDelete(true)} disabled={pending}>
            Delete review
          </Button>
        )}
      </div>
      {existing && confirmDelete && (
        <div role="group" aria-label="Delete your review" className="flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-3">
          <p className="w-full text-sm text-red-900 sm:w-auto sm:flex-1">Delete your review? It leaves this page and the product&apos;s rating.</p>
          {/* Focus moves here: the button that opened this step is gone. */}
          <Button type="button" variant="danger" autoFocus loading={remove.isPending} onClick={() => remove.mutate({ reviewId: existing.id })}>
            Delete
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirmDelete(false)} disabled={remove.isPending}>
            Keep it
          </Button>
        </div>
      )}
    </form>
  );
}
