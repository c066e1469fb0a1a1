import type { ListingDelivery } from "@agora/core";
import type { StockState } from "@agora/core/stock";
import { initialVariant } from "~/lib/variant-selection";
import { DeliveryOptions } from "./delivery-options";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const listFormat = new Intl.ListFormat("en-US", { style: "long", type: "conjunction" });
const MAX_COUNTRIES_NAMED = 4;

function shipsToText(codes: string[]): string {
  const names = codes.map((c) => regionNames.of(c) ?? c);
  if (names.length <= MAX_COUNTRIES_NAMED) return `Ships to ${listFormat.format(names)}`;
  const rest = names.length - (MAX_COUNTRIES_NAMED - 1);
  return `Ships to ${listFormat.format([...names.slice(0, MAX_COUNTRIES_NAMED - 1), `${rest} more countries`])}`;
}

function hourText(hour: number): string {
  if (hour === 0) return "midnight";
  if (hour === 12) return "noon";
  return `${hour % 12} ${hour < 12 ? "am" : "pm"}`;
}

/** Any fixed day will do: generic zone names ("Pacific Time") do not change with daylight saving. */
const SOME_DAY = new Date(Date.UTC(2025, 0, 15));

/** "Pacific Time" for America/Los_Angeles; the zone's own name when there is no common one. */
function zoneName(timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longGeneric" })
      .formatToParts(SOME_DAY)
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** The seller's dispatch rule in words: no clock needed, so it is the same on every day the page is served. */
function dispatchText({ handlingDays, cutoffHour, timeZone }: ListingDelivery["timing"]): string {
  const cutoff = `${hourText(cutoffHour)} ${zoneName(timeZone)}`;
  if (handlingDays === 0) return `Leaves the seller the same business day when ordered by ${cutoff}.`;
  return `Leaves the seller within ${handlingDays} business day${handlingDays === 1 ? "" : "s"}. Orders after ${cutoff} count from the next business day.`;
}

/** How and when this product reaches the shopper: the seller's shipping methods and pickup where the chosen option is in stock. */
export function DeliveryBox({
  delivery,
  variants,
  currency,
  headingId,
}: {
  delivery: ListingDelivery;
  variants: { id: string; priceMinor: number; stock: StockState }[];
  currency: string;
  /** Unique per page: earlier pages stay mounted (hidden) after client navigation. */
  headingId: string;
}) {
  const offersShipping = delivery.methods.length > 0;
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white p-5">
      <h2 id={headingId} className="text-base font-semibold text-ink">
        Delivery
      </h2>
      {offersShipping && delivery.shipsTo.length > 0 && (
        <p className="mt-0.5 text-sm text-muted">{shipsToText(delivery.shipsTo)}</p>
      )}
      <div className="mt-4">
        <DeliveryOptions
          timing={delivery.timing}
          methods={delivery.methods}
          pickup={delivery.pickup}
          variants={variants.map((v) => ({ id: v.id, priceMinor: v.priceMinor, available: v.stock.kind !== "out_of_stock" }))}
          initialVariantId={initialVariant(variants)?.id}
          currency={currency}
        />
      </div>
      {(offersShipping || delivery.pickup.length > 0) && (
        <p className="mt-3 border-t border-stone-100 pt-3 text-xs text-muted">
          {dispatchText(delivery.timing)} Business days are Monday to Friday.
        </p>
      )}
    </section>
  );
}
