"use client";

import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export interface SuspendedMember {
  userId: string;
  name: string;
  handle: string;
  /** ISO date. */
  silencedUntil: string;
  reason: string | null;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Members suspended now, each with a button that ends the suspension early. */
export function SuspendedMembers({ members }: { members: SuspendedMember[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const lift = useMutation(trpc.moderation.liftSuspension.mutationOptions());
  const [refreshing, startRefresh] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);

  return (
    <section aria-labelledby="suspended-members" className="mt-10">
      <h2 id="suspended-members" className="mb-3 text-lg font-semibold text-ink">
        Suspended members
      </h2>
      <p role="status" className={announcement ? "mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "sr-only"}>
        {announcement}
      </p>
      {error && (
        <Alert tone="error" className="mb-3">
          {error}
        </Alert>
      )}
      {members.length === 0 ? (
        <p className="text-sm text-muted">Nobody is suspended.</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white text-sm shadow-xs" aria-label="Suspended members">
          {members.map((m) => {
            const busy = (lift.isPending && lift.variables?.userId === m.userId) || refreshing;
            return (
              <li key={m.userId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-ink">
                    {m.name} <span className="font-normal text-muted">@{m.handle}</span>
                  </p>
                  <p className="text-muted">
                    Until {dateFormat.format(new Date(m.silencedUntil))}
                    {m.reason && <span className="[overflow-wrap:anywhere]"> · {m.reason}</span>}
                  </p>
                </div>
                <Button
                  size="sm"
                  variant="secondary"
                  loading={busy}
                  onClick={() => {
                    if (lift.isPending) return;
                    setError(null);
                    lift.mutate(
                      { userId: m.userId },
                      {
                        onSuccess: () => {
                          setAnnouncement(`${m.name} can take part in the community again.`);
                          startRefresh(() => router.refresh());
                        },
                        onError: (e) => setError(e.message),
                      },
                    );
                  }}
                >
                  Lift suspension<span className="sr-only"> of {m.name}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
