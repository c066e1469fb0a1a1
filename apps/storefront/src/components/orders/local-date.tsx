"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

const dateOnly: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", year: "numeric" };
const dateTime: Intl.DateTimeFormatOptions = { ...dateOnly, hour: "numeric", minute: "2-digit" };

/**
 * A moment shown in the reader's own time zone. The server cannot know that zone, so the server HTML
 * (and hydration) shows UTC, and the browser switches to local time straight after.
 */
export function LocalDate({ value, withTime = false }: { value: Date | string; withTime?: boolean }) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const date = new Date(value);
  const options = withTime ? dateTime : dateOnly;
  const text = new Intl.DateTimeFormat(
    "en-US",
    inBrowser ? options : { ...options, timeZone: "UTC", timeZoneName: withTime ? "short" : undefined },
  ).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
