"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server renders and while React hydrates, true afterwards. Rows that depend on the
 * signed-in shopper wait for it: a boundary can hydrate after the shopper's data has already arrived,
 * and rendering that data then would not match the server's HTML.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
