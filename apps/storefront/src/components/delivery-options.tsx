"use client";

import { estimateDelivery, estimatePickup, formatDateRange, type DeliveryTiming } from "@agora/core/delivery";
import { formatMoney } from "@agora/core/money";
import { useNow } from "@agora/ui/use-now";
import { useSelectedVariant } from "./selected-variant";

export interface DeliveryMethodView {
  id: string;
  name: string;
  transitDaysMin: number;
  transitDaysMax: number;
  priceMinor: number;
  freeOverMinor: number | null;
}

export interface PickupView {
  locationId: string;
  name: string;
  address: string;
  variantIds: string[];
}

const listFormat = new Intl.ListFormat("en-US", { style: "long", type: "disjunction" });

const businessDays = (min: number, max: number) =>
  min === max ? `${min} business day${min === 1 ? "" : "s"}` : `${min}–${max} business days`;

function TruckIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className="mt-0.5 size-5 shrink-0 text-stone-500"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M1.5 5h10.5v8.5H1.5zM12 8h3.6l2.9 2.8v2.7H12z" strokeLinejoin="round" />
      <circle cx="5" cy="14.5" r="1.6" fill="white" />
      <circle cx="15" cy="14.5" r="1.6" fill="white" />
    </svg>
  );
}

function StoreIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className="mt-0.5 size-5 shrink-0 text-stone-500"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M2.5 8.5V17h15V8.5M1.5 8.5 3.5 3h13l2 5.5zM8 17v-4.5h4V17" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The delivery options of a product with their dates. The page is cached, so the dates are worked out
 * here for today; the server HTML says the same promise in business days, on a line of the same height.
 */
export function DeliveryOptions({
  timing,
  methods,
  pickup,
  variants,
  initialVariantId,
  currency,
}: {
  timing: DeliveryTiming;
  methods: DeliveryMethodView[];
  pickup: PickupView[];
  variants: { id: string; priceMinor: number; available: boolean }[];
  initialVariantId: string | undefined;
  currency: string;
}) {
  const now = useNow();
  const [selectedId] = useSelectedVariant(initialVariantId);
  const selected = variants.find((v) => v.id === selectedId);
  const available = selected?.available ?? false;
  const pickupHere = pickup.filter((p) => selectedId !== undefined && p.variantIds.includes(selectedId));
  const money = (minor: number) => formatMoney(minor, currency);

  const arrival = (m: DeliveryMethodView) =>
    now
      ? `Arrives ${formatDateRange(estimateDelivery(timing, m, now))}`
      : `Arrives in ${businessDays(timing.handlingDays + m.transitDaysMin, timing.handlingDays + m.transitDaysMax)}`;
  const ready = now
    ? `Ready ${formatDateRange(estimatePickup(timing, now))}`
    : timing.handlingDays === 0
      ? "Ready the same business day"
      : `Ready in ${businessDays(timing.handlingDays, timing.handlingDays)}`;

  if (methods.length === 0 && pickup.length === 0)
    return <p className="text-sm text-stone-600">The seller has not set up delivery for this product yet.</p>;

  return (
    <>
      <ul className="divide-y divide-stone-100">
        {methods.map((m) => {
          const freeHere =
            m.priceMinor === 0 || (m.freeOverMinor !== null && selected !== undefined && selected.priceMinor >= m.freeOverMinor);
          return (
            <li key={m.id} className="flex gap-3 py-3 first:pt-0">
              <TruckIcon />
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline justify-between gap-3">
                  <p className="font-medium text-ink">{m.name}</p>
                  <p className={freeHere ? "font-medium text-emerald-700" : "font-medium text-ink"}>
                    {freeHere ? "Free" : money(m.priceMinor)}
                  </p>
                </div>
                <p className="min-h-5 text-sm text-stone-700">
                  {available ? arrival(m) : "Dates show when this option is back in stock"}
                </p>
                {m.freeOverMinor !== null && m.priceMinor > 0 && (
                  <p className="text-xs text-muted">Free over {money(m.freeOverMinor)}</p>
                )}
              </div>
            </li>
          );
        })}
        {pickupHere.map((p) => (
          <li key={p.locationId} className="flex gap-3 py-3 first:pt-0">
            <StoreIcon />
            <div className="min-w-0 flex-1">
              <div className="flex items-baseline justify-between gap-3">
                <p className="font-medium text-ink">Pick up at {p.name}</p>
                <p className="font-medium text-emerald-700">Free</p>
              </div>
              <p className="min-h-5 text-sm text-stone-700">{ready}</p>
              <p className="text-xs text-muted">{p.address}</p>
            </div>
          </li>
        ))}
      </ul>
      {pickup.length > 0 && pickupHere.length === 0 && (
        <p className="mt-3 border-t border-stone-100 pt-3 text-sm text-stone-600">
          {available
            ? `Not in stock for pickup at ${listFormat.format(pickup.map((p) => p.name))}.`
            : "Pickup is not available for this option."}
        </p>
      )}
    </>
  );
}
