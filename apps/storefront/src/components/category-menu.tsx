"use client";

import { cn } from "@agora/ui/cn";
import { usePathname } from "next/navigation";
import { Suspense, useCallback, useEffect, useId, useState } from "react";
import { IntentLink } from "./intent-link";
import { useDismissable } from "./use-dismissable";

/** Slugs double as React keys: the page data carries no database ids it does not need (~1.2 KB a page). */
export interface MenuCategory {
  slug: string;
  name: string;
  children: { slug: string; name: string }[];
}

/**
 * Top-level categories as a scrollable strip, plus an "All categories" panel with the whole tree.
 * The address only highlights the current category, so the strip is sent once, without the highlight,
 * and marks the current category once scripts run. Reading the address while rendering made the whole
 * strip wait for it (a route's address may be known per request only), and the server then sent it twice:
 * the waiting copy and the finished one, ~8 KB of every page.
 */
export function CategoryMenu({ tree }: { tree: MenuCategory[] }) {
  const { open, setOpen, rootRef, buttonRef } = useDismissable<HTMLElement>();
  const [currentSlug, setCurrentSlug] = useState<string | undefined>();
  const panelId = useId();
  // Both updates are no-ops on most pages (no category, menu closed): nothing renders again then.
  const onAddress = useCallback(
    (pathname: string) => {
      setCurrentSlug(/^\/c\/([^/?]+)/.exec(pathname)?.[1]);
      setOpen(false);
    },
    [setOpen],
  );

  const activeTop = currentSlug ? tree.find((t) => t.slug === currentSlug || t.children.some((c) => c.slug === currentSlug))?.slug : undefined;

  return (
    <nav ref={rootRef} aria-label="Categories" className="relative border-t border-stone-200">
      <div className="mx-auto flex max-w-7xl items-center gap-1 overflow-x-auto px-2 [scrollbar-width:none] sm:px-4">
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          className={cn(
            "my-1 inline-flex min-h-10 shrink-0 items-center gap-1.5 rounded-lg px-3 text-sm font-semibold text-ink hover:bg-stone-100",
            open && "bg-stone-100",
          )}
        >
          <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
            <path d="M3 5h14M3 10h14M3 15h14" strokeLinecap="round" />
          </svg>
          All categories
        </button>
        <ul role="list" className="flex items-center gap-1">
          {tree.map((top) => (
            <li key={top.slug} className="shrink-0">
              <IntentLink
                href={`/c/${top.slug}`}
                aria-current={activeTop === top.slug && currentSlug === top.slug ? "page" : undefined}
                // The hidden copy of the name in the heavier weight (::after, zero height) keeps the link
                // as wide as when it is highlighted: marking it after hydration moves nothing.
                data-label={top.name}
                className={cn(
                  "my-1 inline-flex min-h-10 flex-col items-center justify-center rounded-lg px-3 text-sm whitespace-nowrap text-stone-700 hover:bg-stone-100 hover:text-ink",
                  "after:invisible after:h-0 after:overflow-hidden after:font-medium after:content-[attr(data-label)] after:select-none",
                  activeTop === top.slug && "bg-brand-50 font-medium text-brand-900",
                )}
              >
                {top.name}
              </IntentLink>
            </li>
          ))}
        </ul>
      </div>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-40 max-h-[75dvh] overflow-y-auto border-y border-stone-200 bg-white shadow-lg"
      >
        <div className="mx-auto grid max-w-7xl grid-cols-2 gap-x-6 gap-y-6 px-4 py-6 sm:grid-cols-3 xl:grid-cols-6">
          {tree.map((top) => (
            <section key={top.slug} aria-labelledby={`${panelId}-${top.slug}`}>
              <h2 id={`${panelId}-${top.slug}`} className="text-sm font-semibold text-ink">
                <IntentLink href={`/c/${top.slug}`} className="hover:text-brand-700 hover:underline">
                  {top.name}
                </IntentLink>
              </h2>
              <ul role="list" className="mt-2 space-y-1">
                {top.children.map((child) => (
                  <li key={child.slug}>
                    <IntentLink
                      href={`/c/${child.slug}`}
                      aria-current={currentSlug === child.slug ? "page" : undefined}
                      className="inline-flex min-h-8 items-center text-sm text-stone-600 hover:text-brand-700 hover:underline aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
                    >
                      {child.name}
                    </IntentLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
      <Suspense fallback={null}>
        <AddressReader onAddress={onAddress} />
      </Suspense>
    </nav>
  );
}

/** Renders nothing; tells the menu the address once hydrated and after each navigation. */
function AddressReader({ onAddress }: { onAddress: (pathname: string) => void }) {
  const pathname = usePathname();
  useEffect(() => onAddress(pathname), [pathname, onAddress]);
  return null;
}
