/**
 * The delivery promise, computed in one place: the product page, the cart, checkout and the order all
 * use this. Pure (no database), so client components can show it for "today" without a round trip.
 *
 * Rules: business days are Monday to Friday in the seller's time zone; an order after the seller's cut-off
 * hour (or on a weekend) starts counting on the next business day; handling days are spent before the
 * parcel leaves, then the method's transit days (also business days) apply.
 */

export interface DeliveryTiming {
  handlingDays: number;
  cutoffHour: number;
  timeZone: string;
}

export interface TransitDays {
  transitDaysMin: number;
  transitDaysMax: number;
}

/** Calendar dates as YYYY-MM-DD (no time of day: a promise is about days). */
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** The seller's local calendar date and hour at `now`. */
function localDateAndHour(now: Date, timeZone: string): { date: Date; hour: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(now);
  } catch {
    return localDateAndHour(now, "UTC");
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return { date: new Date(Date.UTC(get("year"), get("month") - 1, get("day"))), hour: get("hour") };
}

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

function nextBusinessDay(d: Date): Date {
  let next = new Date(d.getTime() + DAY_MS);
  while (isWeekend(next)) next = new Date(next.getTime() + DAY_MS);
  return next;
}

function addBusinessDays(d: Date, days: number): Date {
  let out = d;
  for (let i = 0; i < days; i++) out = nextBusinessDay(out);
  return out;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The business day on which the order starts being handled. */
function handlingStart(timing: DeliveryTiming, now: Date): Date {
  const { date, hour } = localDateAndHour(now, timing.timeZone);
  if (isWeekend(date) || hour >= timing.cutoffHour) return nextBusinessDay(date);
  return date;
}

/** The day the parcel leaves the seller (or is ready for pickup). */
export function dispatchDate(timing: DeliveryTiming, now: Date = new Date()): string {
  return isoDate(addBusinessDays(handlingStart(timing, now), timing.handlingDays));
}

/** Estimated delivery range for a shipping method. */
export function estimateDelivery(timing: DeliveryTiming, transit: TransitDays, now: Date = new Date()): DateRange {
  const dispatch = addBusinessDays(handlingStart(timing, now), timing.handlingDays);
  return { from: isoDate(addBusinessDays(dispatch, transit.transitDaysMin)), to: isoDate(addBusinessDays(dispatch, transit.transitDaysMax)) };
}

/** Click-and-collect: ready on the dispatch day. */
export function estimatePickup(timing: DeliveryTiming, now: Date = new Date()): DateRange {
  const ready = dispatchDate(timing, now);
  return { from: ready, to: ready };
}

/** Business days from today's start to the latest delivery day: used to rank and filter by delivery speed. */
export function deliveryDaysAtMost(timing: DeliveryTiming, transit: TransitDays): number {
  return timing.handlingDays + transit.transitDaysMax;
}

const dayFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/** "Thu, Dec 3" or "Thu, Dec 3 – Mon, Dec 7". */
export function formatDateRange(range: DateRange): string {
  const from = dayFormat.format(new Date(`${range.from}T00:00:00Z`));
  if (range.from === range.to) return from;
  return `${from} – ${dayFormat.format(new Date(`${range.to}T00:00:00Z`))}`;
}

/** True when `date` (YYYY-MM-DD) is a real calendar date. */
export function isIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return isoDate(new Date(`${date}T00:00:00Z`)) === date;
}
