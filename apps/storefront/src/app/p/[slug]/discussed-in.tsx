"use client";

import { useTRPC } from "@agora/api/react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useAfterFirstPaint } from "~/components/use-after-first-paint";

/**
 * "Discussed in N threads": community threads that link to this product. Fetched by the browser, so
 * new threads show at once while the product page itself stays cached. Nothing shows until there is one.
 */
export function DiscussedIn({ listingId }: { listingId: string }) {
  const trpc = useTRPC();
  // Asked for once the page is on screen (see useAfterFirstPaint).
  const { data } = useQuery(trpc.reviews.discussedIn.queryOptions({ listingId }, { enabled: useAfterFirstPaint() }));
  if (!data || data.total === 0) return null;
  const headingId = `discussed-${listingId}`;
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id={headingId} className="text-sm font-semibold text-ink">
        Discussed in {data.total} {data.total === 1 ? "thread" : "threads"}
      </h2>
      <ul role="list" className="mt-2 space-y-1.5">
        {data.threads.map((t) => (
          <li key={t.threadId} className="text-sm">
            <Link href={t.href} className="font-medium text-brand-700 hover:underline">
              {t.title}
            </Link>{" "}
            <span className="text-muted">
              in {t.categoryName} · {t.replyCount} {t.replyCount === 1 ? "reply" : "replies"}
            </span>
          </li>
        ))}
      </ul>
      {data.total > data.threads.length && (
        <p className="mt-2 text-xs text-muted">Showing the {data.threads.length} most recently active.</p>
      )}
    </section>
  );
}
