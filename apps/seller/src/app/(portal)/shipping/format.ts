import { estimateDelivery, estimatePickup, formatDateRange, type DeliveryTiming, type TransitDays } from "@agora/core/delivery";
import { formatMoney } from "@agora/core/money";

const days = (n: number) => `${n} business day${n === 1 ? "" : "s"}`;
const dayRange = (min: number, max: number) => (min === max ? days(min) : `${min}–${max} business days`);

export function transitLabel({ transitDaysMin, transitDaysMax }: TransitDays): string {
  if (transitDaysMax === 0) return "Delivered on the day it leaves";
  return `${dayRange(transitDaysMin, transitDaysMax)} in transit`;
}

export function priceLabel(method: { priceMinor: number; freeOverMinor: number | null }): string {
  const price = method.priceMinor === 0 ? "Free" : formatMoney(method.priceMinor);
  return method.freeOverMinor !== null && method.priceMinor > 0
    ? `${price} · free over ${formatMoney(method.freeOverMinor)}`
    : price;
}

/** 0 → "12:00 am (midnight)", 14 → "2:00 pm". */
export function hourLabel(hour: number): string {
  if (hour === 0) return "12:00 am (midnight)";
  if (hour === 12) return "12:00 pm (noon)";
  return `${hour % 12}:00 ${hour < 12 ? "am" : "pm"}`;
}

/**
 * "Thu, Dec 3 – Mon, Dec 7" once the browser's clock is known; before that (server HTML) the same
 * promise in business days, which needs no clock.
 */
export function arrivalText(timing: DeliveryTiming, transit: TransitDays, now: Date | null): string {
  if (now) return formatDateRange(estimateDelivery(timing, transit, now));
  return `in ${dayRange(timing.handlingDays + transit.transitDaysMin, timing.handlingDays + transit.transitDaysMax)}`;
}

export function pickupText(timing: DeliveryTiming, now: Date | null): string {
  if (now) return formatDateRange(estimatePickup(timing, now));
  return timing.handlingDays === 0 ? "the same business day" : `in ${days(timing.handlingDays)}`;
}
