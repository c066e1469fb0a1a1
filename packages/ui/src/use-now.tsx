"use client";

import { useSyncExternalStore } from "react";

const MINUTE = 60_000;

function subscribe(onChange: () => void) {
  const timer = setInterval(onChange, MINUTE / 2);
  return () => clearInterval(timer);
}

// The same number for a whole minute, so React sees a stable snapshot between ticks.
const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;
const onServer = () => null;

/**
 * The current time in the browser, refreshed every half minute; null while rendering on the server and
 * hydrating, so server HTML never carries a time that differs from the browser's.
 */
export function useNow(): Date | null {
  const minute = useSyncExternalStore(subscribe, currentMinute, onServer);
  return minute === null ? null : new Date(minute);
}
