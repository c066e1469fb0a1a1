"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

type Status = { tone: "success" | "error"; message: string } | null;

/**
 * The account setting for personalised recommendations (off until the shopper turns it on), and a way to
 * forget the products they viewed.
 */
export function PersonalisationSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const labelId = useId();
  const descriptionId = useId();
  const [status, setStatus] = useState<Status>(null);
  const consent = useQuery(trpc.discovery.getPersonalisation.queryOptions());
  const save = useMutation(
    trpc.discovery.setPersonalisation.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.discovery.getPersonalisation.queryKey(), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.discovery.forYou.pathKey() });
        setStatus({
          tone: "success",
          message: saved.granted ? "Personalised recommendations are on." : "Personalised recommendations are off. We no longer use your activity to suggest products.",
        });
      },
      onError: (error) => setStatus({ tone: "error", message: formErrorsOf(error).message }),
    }),
  );
  const clear = useMutation(
    trpc.discovery.clearRecentlyViewed.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.discovery.recentlyViewed.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.discovery.forYou.pathKey() });
        setStatus({ tone: "success", message: "Your recently viewed products were cleared." });
      },
      onError: (error) => setStatus({ tone: "error", message: formErrorsOf(error).message }),
    }),
  );

  const granted = save.isPending ? (save.variables?.granted ?? false) : (consent.data?.granted ?? false);
  const busy = save.isPending || consent.isPending;

  return (
    <section aria-labelledby="personalisation-title" className="scroll-mt-24 rounded-2xl border border-stone-200 bg-white p-5 sm:p-6">
      <h2 id="personalisation-title" className="text-lg font-semibold text-ink">
        Recommendations and privacy
      </h2>
      <div className="mt-4 flex items-start justify-between gap-4">
        <div>
          <p id={labelId} className="text-sm font-medium text-ink">
            Personalised recommendations
          </p>
          <p id={descriptionId} className="mt-1 max-w-prose text-sm text-muted">
            When this is on, we use the products you view and buy here to suggest others in a &ldquo;For you&rdquo; row on the home page.
            Nothing is shared with sellers or anyone else. It is off unless you turn it on, and you can turn it off at any time.
          </p>
        </div>
        {consent.isError ? null : (
          <button
            type="button"
            role="switch"
            aria-checked={granted}
            aria-labelledby={labelId}
            aria-describedby={descriptionId}
            disabled={busy}
            onClick={() => {
              setStatus(null);
              save.mutate({ granted: !granted });
            }}
            className={cn(
              "relative mt-0.5 inline-flex h-7 w-12 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-wait",
              granted ? "bg-brand-600" : "bg-stone-300",
              consent.isPending && "animate-pulse",
            )}
          >
            <span className={cn("inline-block size-5 rounded-full bg-white shadow transition-transform", granted ? "translate-x-6" : "translate-x-1")} aria-hidden />
          </button>
        )}
      </div>
      {consent.isError && (
        <Alert tone="error" className="mt-4">
          We could not load this setting. Reload the page to try again.
        </Alert>
      )}
      <div className="mt-5 flex flex-wrap items-center justify-between gap-3 border-t border-stone-100 pt-4">
        <p className="max-w-prose text-sm text-muted">
          Products you open are listed under &ldquo;Recently viewed&rdquo; while you are signed in, so you can find them again.
        </p>
        <Button type="button" variant="secondary" size="sm" loading={clear.isPending} onClick={() => {
          setStatus(null);
          clear.mutate();
        }}>
          Clear recently viewed
        </Button>
      </div>
      <div aria-live="polite" className="mt-4 empty:hidden">
        {status && <Alert tone={status.tone}>{status.message}</Alert>}
      </div>
    </section>
  );
}
