"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Button } from "@agora/ui/button";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** Moderators' pin and lock switches for a thread. */
export function ThreadControls({ threadId, pinned, locked }: { threadId: string; pinned: boolean; locked: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const options = { onSuccess: () => startRefresh(() => router.refresh()), onError: (e: unknown) => setError(formErrorsOf(e).message) };
  const pin = useMutation(trpc.forum.pin.mutationOptions(options));
  const lock = useMutation(trpc.forum.lock.mutationOptions(options));
  const busy = pin.isPending || lock.isPending || refreshing;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Moderation">
      <Button type="button" variant="secondary" size="sm" disabled={busy} onClick={() => pin.mutate({ threadId, on: !pinned })}>
        {pinned ? "Unpin" : "Pin"}
      </Button>
      <Button type="button" variant="secondary" size="sm" disabled={busy} onClick={() => lock.mutate({ threadId, on: !locked })}>
        {locked ? "Unlock" : "Lock"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
