"use client";

import { useTRPC } from "@agora/api/react";
import { useQuery } from "@tanstack/react-query";
import { useHydrated } from "~/components/discovery/use-hydrated";
import { IntentLink } from "~/components/intent-link";
import { useAfterFirstPaint } from "~/components/use-after-first-paint";

/**
 * The header's "Community" link with the member's unread notification count. The count is asked for by
 * the browser, so the cached pages around it stay the same for everyone.
 */
export function CommunityLink() {
  const trpc = useTRPC();
  const unread = useQuery({
    ...trpc.forum.unreadCount.queryOptions(),
    // Asked for once the page is on screen (see useAfterFirstPaint).
    enabled: useAfterFirstPaint(),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
  // Shown once hydrated: the server sends the link without a count (see useHydrated).
  const hydrated = useHydrated();
  const n = hydrated ? (unread.data?.count ?? 0) : 0;
  return (
    <span className="flex shrink-0 items-center">
      <IntentLink href="/community" className="rounded-lg px-2 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-ink sm:px-3">
        Community
      </IntentLink>
      {n > 0 && (
        <IntentLink
          href="/community/notifications"
          aria-label={`${n} unread community ${n === 1 ? "notification" : "notifications"}`}
          className="-ml-1 flex h-5 min-w-5 items-center justify-center rounded-full bg-brand-600 px-1 text-[11px] font-semibold text-white tabular-nums"
        >
          {n > 99 ? "99+" : n}
        </IntentLink>
      )}
    </span>
  );
}
