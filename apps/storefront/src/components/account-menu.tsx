"use client";

import { useTRPC } from "@agora/api/react";
import { buttonClasses } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useHydrated } from "./discovery/use-hydrated";
import { IntentLink } from "./intent-link";
import { useAfterFirstPaint } from "./use-after-first-paint";
import { useDismissable } from "./use-dismissable";
import { signOutAction } from "~/app/actions";

const authPaths = ["/sign-in", "/sign-up", "/account"];

/**
 * The account corner of the header. Pages stay cacheable because the signed-in person is asked for
 * from the browser; a fixed-size slot keeps the header from shifting while that answer arrives.
 */
export function AccountMenu({ sellerUrl }: { sellerUrl: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  // Asked for once the page is on screen: the placeholder below is drawn first.
  const me = useQuery({ ...trpc.account.me.queryOptions(), enabled: useAfterFirstPaint() });
  // Until this part has hydrated it shows what the server sent (the placeholder), even if the answer
  // already arrived for another part of the header: anything else would not match the server HTML.
  const hydrated = useHydrated();

  // Signing in, out or renaming happens on these pages: ask again after leaving them.
  const previousPath = useRef(pathname);
  useEffect(() => {
    const before = previousPath.current;
    previousPath.current = pathname;
    if (before !== pathname && authPaths.some((p) => before.startsWith(p))) {
      void queryClient.invalidateQueries(trpc.account.me.queryFilter());
    }
  }, [pathname, queryClient, trpc]);

  return (
    <div className="flex h-10 w-10 shrink-0 items-center justify-end sm:w-48">
      {!hydrated || me.isPending ? (
        <span className="block size-10 animate-pulse rounded-full bg-stone-100 sm:w-40 sm:rounded-lg" aria-hidden />
      ) : me.data ? (
        <SignedInMenu viewer={me.data} sellerUrl={sellerUrl} />
      ) : (
        <SignedOutLinks />
      )}
    </div>
  );
}

function SignedOutLinks() {
  const pathname = usePathname();
  const [next, setNext] = useState<string | null>(null);
  // The page to come back to; read in the browser because cached pages know nothing of the visitor.
  useEffect(() => {
    const here = window.location.pathname + window.location.search;
    setNext(authPaths.some((p) => pathname.startsWith(p)) || here === "/" ? null : here);
  }, [pathname]);
  const query = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <>
      <IntentLink
        href={`/sign-in${query}`}
        aria-label="Sign in"
        className="inline-flex size-10 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 sm:hidden"
      >
        <PersonIcon />
      </IntentLink>
      <div className="hidden items-center gap-1 sm:flex">
        <IntentLink href={`/sign-in${query}`} className={buttonClasses("ghost", "sm")}>
          Sign in
        </IntentLink>
        <IntentLink href={`/sign-up${query}`} className={buttonClasses("primary", "sm")}>
          Sign up
        </IntentLink>
      </div>
    </>
  );
}

function SignedInMenu({ viewer, sellerUrl }: { viewer: { name: string; email: string; sellerId: string | null }; sellerUrl: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const { open, setOpen, rootRef, buttonRef } = useDismissable<HTMLDivElement>(pathname);
  const [signingOut, startSignOut] = useTransition();
  const panelId = useId();

  const firstName = viewer.name.split(/\s+/)[0] ?? viewer.name;
  const initial = (viewer.name.trim()[0] ?? "?").toUpperCase();

  function signOut() {
    startSignOut(async () => {
      await signOutAction();
      queryClient.setQueryData(trpc.account.me.queryKey(), null);
      setOpen(false);
      // Pages that belong to the person signing out are left for the home page.
      if (["/account", "/orders", "/checkout/complete"].some((p) => pathname.startsWith(p))) router.push("/");
      router.refresh();
    });
  }

  const item = "flex min-h-10 w-full items-center rounded-md px-3 text-left text-sm text-stone-700 hover:bg-stone-100 hover:text-ink";
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-10 max-w-48 items-center gap-2 rounded-full py-1 pr-1 pl-1 text-sm font-medium text-ink hover:bg-stone-100 sm:pr-3"
      >
        <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white" aria-hidden>
          {initial}
        </span>
        <span className="sr-only">Account menu for {viewer.name}</span>
        <span className="hidden truncate sm:inline" aria-hidden>
          {firstName}
        </span>
        <svg viewBox="0 0 20 20" className="hidden size-4 shrink-0 text-muted sm:block" fill="currentColor" aria-hidden>
          <path d="M5.2 7.7a.75.75 0 0 1 1.06.02L10 11.6l3.74-3.88a.75.75 0 1 1 1.08 1.04l-4.28 4.44a.75.75 0 0 1-1.08 0L5.18 8.76a.75.75 0 0 1 .02-1.06Z" />
        </svg>
      </button>
      <div id={panelId} hidden={!open} className="absolute top-full right-0 z-50 mt-2 w-64 rounded-xl border border-stone-200 bg-white p-2 shadow-lg">
        <div className="border-b border-stone-100 px-3 pt-1 pb-2">
          <p className="truncate text-sm font-semibold text-ink">{viewer.name}</p>
          <p className="truncate text-xs text-muted">{viewer.email}</p>
        </div>
        <ul role="list" className="pt-1">
          <li>
            <IntentLink href="/orders" className={item}>
              Your orders
            </IntentLink>
          </li>
          <li>
            <IntentLink href="/account" className={item}>
              Your account
            </IntentLink>
          </li>
          <li>
            <a href={sellerUrl} className={item}>
              {viewer.sellerId ? "Seller portal" : "Sell on Agora"}
            </a>
          </li>
          <li>
            <button type="button" onClick={signOut} disabled={signingOut} aria-busy={signingOut || undefined} className={cn(item, "disabled:opacity-60")}>
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

function PersonIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth={1.7} aria-hidden>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" strokeLinecap="round" />
    </svg>
  );
}
