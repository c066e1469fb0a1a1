import type { TimelineEntry } from "@agora/core";
import { formatDateRange } from "@agora/core/delivery";
import { cn } from "@agora/ui/cn";
import type { ReactNode } from "react";
import { LocalDate } from "./local-date";

/** What cancelOrder records when the shopper gives no reason: not worth repeating back to them. */
const DEFAULT_BUYER_REASON = "Cancelled at the shopper's request.";

type Marker = "done" | "upcoming" | "delay" | "cancelled";

/** The order's story for the shopper: what happened with dates and notes, then what is still ahead. */
export function OrderTimeline({
  entries,
  sellerName,
  fulfilment,
  pickupName,
  estimate,
}: {
  entries: TimelineEntry[];
  sellerName: string;
  fulfilment: "shipping" | "pickup";
  pickupName: string | null;
  estimate: { from: string; to: string };
}) {
  const pickup = fulfilment === "pickup";
  return (
    <ol role="list" className="relative">
      {entries.map((entry, i) => {
        const last = i === entries.length - 1;
        if (entry.kind === "delay") {
          return (
            <Item key={`delay-${i}`} marker="delay" last={last}>
              <p className="font-medium text-amber-900">
                Delayed: new estimate {formatDateRange({ from: entry.estimatedFrom, to: entry.estimatedTo })}
              </p>
              <When at={entry.at} />
              {entry.note && (
                <blockquote className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
                  <p className="whitespace-pre-line">{entry.note}</p>
                  <footer className="mt-1 text-xs text-amber-800">— {sellerName}</footer>
                </blockquote>
              )}
              {entry.previousFrom && entry.previousTo && (
                <p className="mt-1 text-sm text-muted">
                  Previous estimate <s>{formatDateRange({ from: entry.previousFrom, to: entry.previousTo })}</s>
                </p>
              )}
            </Item>
          );
        }
        const done = entry.state === "done";
        const marker: Marker = entry.step === "cancelled" ? "cancelled" : done ? "done" : "upcoming";
        return (
          <Item key={entry.step} marker={marker} last={last}>
            <p className={cn("font-medium", done ? "text-ink" : "text-muted")}>
              {stepLabel(entry, sellerName, pickup)}
              {!done && <span className="sr-only"> (not yet)</span>}
            </p>
            {done && entry.at && <When at={entry.at} />}
            {entry.step === "shipped" && done && !pickup && (entry.carrier || entry.trackingNumber) && (
              <p className="mt-1 text-sm text-stone-700">
                {entry.carrier}
                {entry.carrier && entry.trackingNumber && " · "}
                {entry.trackingNumber && (
                  <>
                    Tracking number <span className="font-mono text-ink select-all">{entry.trackingNumber}</span>
                  </>
                )}
              </p>
            )}
            {entry.step === "shipped" && done && pickup && pickupName && (
              <p className="mt-1 text-sm text-stone-700">At {pickupName}</p>
            )}
            {entry.step === "cancelled" &&
              entry.note &&
              !(entry.cancelledBy === "buyer" && entry.note === DEFAULT_BUYER_REASON) && (
                <p className="mt-1 text-sm whitespace-pre-line text-stone-700">
                  {entry.cancelledBy === "buyer" ? "Your note: " : "Reason: "}
                  {entry.note}
                </p>
              )}
            {!done && entry.step === (pickup ? "shipped" : "delivered") && (
              <p className="mt-0.5 text-sm text-muted">
                {pickup ? "Expected" : "Estimated"} {formatDateRange(estimate)}
              </p>
            )}
          </Item>
        );
      })}
    </ol>
  );
}

function stepLabel(entry: Extract<TimelineEntry, { kind: "step" }>, sellerName: string, pickup: boolean): string {
  switch (entry.step) {
    case "placed":
      return "Order placed";
    case "accepted":
      return `Accepted by ${sellerName}`;
    case "shipped":
      return pickup ? "Ready for pickup" : "Shipped";
    case "delivered":
      return pickup ? "Picked up" : "Delivered";
    case "cancelled":
      return entry.cancelledBy === "buyer"
        ? "Cancelled at your request"
        : entry.cancelledBy === "seller"
          ? `Cancelled by ${sellerName}`
          : "Cancelled";
  }
}

function When({ at }: { at: Date }) {
  return (
    <p className="text-sm text-muted">
      <LocalDate value={at} withTime />
    </p>
  );
}

function Item({ marker, last, children }: { marker: Marker; last: boolean; children: ReactNode }) {
  return (
    <li className="relative flex gap-3 pb-6 last:pb-0">
      {!last && (
        <span
          aria-hidden
          className={cn("absolute top-7 bottom-0 left-[11px] w-0.5", marker === "upcoming" ? "bg-stone-200" : "bg-brand-600/40")}
        />
      )}
      <span
        aria-hidden
        className={cn(
          "relative mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-white",
          marker === "done" && "bg-brand-600",
          marker === "delay" && "bg-amber-500",
          marker === "cancelled" && "bg-red-600",
          marker === "upcoming" && "border-2 border-stone-300 bg-white",
        )}
      >
        {marker === "done" && (
          <svg viewBox="0 0 20 20" className="size-3.5" fill="currentColor">
            <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-7.5 7.5a1 1 0 0 1-1.4 0L3.3 9.7a1 1 0 1 1 1.4-1.4l3.8 3.8 6.8-6.8a1 1 0 0 1 1.4 0Z" />
          </svg>
        )}
        {marker === "delay" && <span className="text-xs leading-none font-bold">!</span>}
        {marker === "cancelled" && (
          <svg viewBox="0 0 20 20" className="size-3.5" fill="currentColor">
            <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
          </svg>
        )}
      </span>
      <div className="min-w-0 flex-1">{children}</div>
    </li>
  );
}
