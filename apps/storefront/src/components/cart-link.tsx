"use client";

import { useTRPC } from "@agora/api/react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useHydrated } from "./discovery/use-hydrated";
import { IntentLink } from "./intent-link";
import { useAfterFirstPaint } from "./use-after-first-paint";

/**
 * The header's cart link with the number of items. Asked for from the browser, so cached catalog pages
 * stay the same for every visitor; asked again when the person signs in or out (their cart changes).
 */
export function CartLink() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Asked for once the page is on screen: the empty link is drawn first, the count fills it in.
  const enabled = useAfterFirstPaint();
  const count = useQuery({ ...trpc.cart.count.queryOptions(), enabled });
  const me = useQuery({ ...trpc.account.me.queryOptions(), enabled });

  const viewerId = me.isPending ? undefined : (me.data?.id ?? null);
  const previousViewer = useRef(viewerId);
  useEffect(() => {
    if (previousViewer.current !== undefined && previousViewer.current !== viewerId)
      void queryClient.invalidateQueries(trpc.cart.pathFilter());
    previousViewer.current = viewerId;
  }, [viewerId, queryClient, trpc]);

  // The server sends the empty link; the count shows once this part has hydrated (see useHydrated).
  const known = useHydrated() && !count.isPending;
  const n = known ? (count.data?.itemCount ?? 0) : 0;
  const label = !known ? "Cart" : n === 0 ? "Cart, empty" : `Cart, ${n} ${n === 1 ? "item" : "items"}`;
  return (
    <IntentLink
      href="/cart"
      aria-label={label}
      className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 hover:text-ink"
    >
      <svg
        viewBox="0 0 24 24"
        className="size-6"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.7}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden
      >
        <path d="M3 4h2l2.2 10.2a1.5 1.5 0 0 0 1.5 1.2h8.6a1.5 1.5 0 0 0 1.5-1.1L20.5 8H6.1" />
        <circle cx="9.5" cy="19.5" r="1.3" />
        <circle cx="17" cy="19.5" r="1.3" />
      </svg>
      {n > 0 && (
        <span
          aria-hidden
          className="absolute -top-0.5 -right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-brand-600 px-1 text-[11px] font-semibold text-white tabular-nums ring-2 ring-white"
        >
          {n > 99 ? "99+" : n}
        </span>
      )}
    </IntentLink>
  );
}
