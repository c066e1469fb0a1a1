"use client";

import Link from "next/link";
import type { ComponentProps } from "react";
import { useAfterFirstPaint } from "./use-after-first-paint";

/**
 * A `<Link>` in a page's content (product cards, breadcrumbs) that prefetches like any other once it is
 * in the viewport, but only after the page's first paint: a link that has hydrated before then would
 * otherwise fetch its page (and that page's scripts) while the first frame is still waiting for the main
 * thread. Before then it is a plain client-side link (no hover prefetch); a click navigates as usual.
 */
export function PaintedLink({ prefetch, ...props }: ComponentProps<typeof Link>) {
  const painted = useAfterFirstPaint();
  return <Link {...props} prefetch={painted ? prefetch : false} />;
}
