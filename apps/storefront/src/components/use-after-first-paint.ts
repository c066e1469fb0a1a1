"use client";

import { useSyncExternalStore } from "react";

let painted = false;
let watching = false;
const listeners = new Set<() => void>();

function markPainted() {
  if (painted) return;
  painted = true;
  for (const listener of listeners) listener();
}

function watchFirstPaint() {
  if (typeof PerformanceObserver === "undefined" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) {
    // No paint timing: a frame and then a task later, that frame has been painted.
    requestAnimationFrame(() => setTimeout(markPainted, 0));
    return;
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName("first-contentful-paint").length === 0) return;
    observer.disconnect();
    markPainted();
  });
  // Buffered: after the first page of a visit, the paint has long happened and is reported at once.
  observer.observe({ type: "paint", buffered: true });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!watching) {
    watching = true;
    watchFirstPaint();
  }
  return () => {
    listeners.delete(listener);
  };
}

/**
 * False until the browser has shown the page's first content, true from then on (for the rest of the
 * visit). Requests that only fill in details of an already drawn page, such as the header's
 * per-visitor badges, wait for it, so a phone's first frame does not queue behind them.
 */
export function useAfterFirstPaint(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => painted,
    () => false,
  );
}
