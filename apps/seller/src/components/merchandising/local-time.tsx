"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** True once running in the browser (false during the server render and hydration). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const format = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });

/** A date and time in the reader's own time zone; rendered after hydration so server and browser agree. */
export function LocalDateTime({ value }: { value: Date }) {
  const hydrated = useHydrated();
  return <time dateTime={value.toISOString()}>{hydrated ? format.format(value) : value.toISOString().slice(0, 16).replace("T", " ") + " UTC"}</time>;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A Date as the value of an <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a datetime-local input as a Date (an invalid Date when empty or malformed). */
export function fromLocalInput(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? new Date(value) : new Date(Number.NaN);
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
