"use client";

import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { tooLarge, uploadWithProgress } from "~/lib/upload";
import type { StoryScope } from "./story-editor";

/** The story's cover: a 16:9 image cropped on the server; replacing it removes the old file. */
export function StoryCover({ scope, storyId, coverUrl }: { scope: StoryScope; storyId: string; coverUrl: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const remove = useMutation((scope === "seller" ? trpc.stories.seller : trpc.stories.operator).removeCover.mutationOptions());
  const busy = progress !== null || remove.isPending || refreshing;

  async function upload() {
    const file = inputRef.current?.files?.[0];
    setError(null);
    setDone(null);
    if (!file) return setError("Choose an image first.");
    const large = tooLarge(file);
    if (large) return setError(large);
    const form = new FormData();
    form.set("storyId", storyId);
    form.set("file", file);
    if (scope === "operator") form.set("scope", "operator");
    setProgress(0);
    const outcome = await uploadWithProgress<{ url: string }>("/api/uploads/story-cover", form, setProgress);
    setProgress(null);
    if (!outcome.ok) return setError(outcome.message);
    if (inputRef.current) inputRef.current.value = "";
    setDone("Cover updated.");
    startRefresh(() => router.refresh());
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      <h2 id={`${inputId}-heading`} className="text-sm font-semibold text-ink">
        Cover image
      </h2>
      {coverUrl ? (
        // Media files are already sized webp.
        <img src={coverUrl} alt="Current cover" className="aspect-[16/9] w-full max-w-md rounded-lg object-cover" />
      ) : (
        <p className="text-sm text-muted">No cover yet: the story list shows a plain tile.</p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {done && (
        <p role="status" className="text-sm text-emerald-800">
          {done}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium">
            Choose a cover image
          </label>
          <input
            id={inputId}
            ref={inputRef}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            className="block text-sm"
          />
        </div>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={busy}
          loading={progress !== null}
          onClick={() => void upload()}
        >
          {progress !== null ? `Uploading… ${Math.round(progress * 100)}%` : "Upload cover"}
        </Button>
        {coverUrl && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            disabled={busy}
            onClick={() =>
              remove.mutate(
                { id: storyId },
                {
                  onSuccess: () => {
                    setDone("Cover removed.");
                    startRefresh(() => router.refresh());
                  },
                  onError: (e) => setError(e.message),
                },
              )
            }
          >
            Remove cover
          </Button>
        )}
      </div>
      <p className="text-xs text-muted">JPEG, PNG, WebP, AVIF or GIF, at least 200×200 pixels. It is cropped to 16:9.</p>
    </section>
  );
}
