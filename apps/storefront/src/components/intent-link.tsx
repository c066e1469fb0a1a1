"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, MouseEvent, TouchEvent } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string };

/**
 * A link of the page chrome (header, menus, footer) or of a directory of many links (the home page's
 * and a category's subcategory lists) that prefetches its page when the visitor shows they may follow
 * it (pointer over it, a touch, keyboard focus) instead of as soon as it is on screen.
 * A default `<Link>` prefetches every link in the viewport once the page has hydrated: the chrome
 * alone sent about twenty page payloads (one of 31 KB) on every page load, a phone's bandwidth and
 * main thread spent on pages the visitor mostly never opens. `prefetch={false}` alone would also drop
 * Next's hover prefetch, so the intent events ask the router for the same prefetch themselves.
 */
export function IntentLink({ href, onMouseEnter, onTouchStart, onFocus, ...props }: IntentLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(e: MouseEvent<HTMLAnchorElement>) => {
        onMouseEnter?.(e);
        prefetch();
      }}
      onTouchStart={(e: TouchEvent<HTMLAnchorElement>) => {
        onTouchStart?.(e);
        prefetch();
      }}
      onFocus={(e: FocusEvent<HTMLAnchorElement>) => {
        onFocus?.(e);
        prefetch();
      }}
    />
  );
}
