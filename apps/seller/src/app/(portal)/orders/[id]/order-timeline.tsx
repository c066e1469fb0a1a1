import type { TimelineEntry } from "@agora/core";
import { formatDateRange } from "@agora/core/delivery";
import { cn } from "@agora/ui/cn";
import type { ReactNode } from "react";

function formatAt(at: Date, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  };
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).format(at);
  }
}

/** The order's history as the seller sees it: every step with its date, delays with the note the shopper read. */
export function SellerOrderTimeline({
  entries,
  buyerName,
  pickup,
  timeZone,
}: {
  entries: TimelineEntry[];
  buyerName: string | null;
  pickup: boolean;
  /** The store's time zone: sellers read times as their own working day. */
  timeZone: string;
}) {
  return (
    <ol role="list">
      {entries.map((entry, i) => {
        const last = i === entries.length - 1;
        if (entry.kind === "delay")
          return (
            <Item key={`delay-${i}`} tone="delay" last={last}>
              <p className="font-medium text-amber-900">
                Delay posted: new estimate {formatDateRange({ from: entry.estimatedFrom, to: entry.estimatedTo })}
              </p>
              <When at={entry.at} timeZone={timeZone} />
              {entry.previousFrom && entry.previousTo && (
                <p className="text-sm text-muted">
                  Was <s>{formatDateRange({ from: entry.previousFrom, to: entry.previousTo })}</s>
                </p>
              )}
              {entry.note && (
                <p className="mt-1 rounded-md bg-amber-50 px-3 py-2 text-sm whitespace-pre-line text-amber-950 ring-1 ring-amber-200">
                  {entry.note}
                </p>
              )}
            </Item>
          );
        const done = entry.state === "done";
        return (
          <Item key={entry.step} tone={entry.step === "cancelled" ? "cancelled" : done ? "done" : "upcoming"} last={last}>
            <p className={cn("font-medium", done ? "text-ink" : "text-muted")}>
              {label(entry, buyerName, pickup)}
              {!done && <span className="sr-only"> (not yet)</span>}
            </p>
            {done && entry.at && <When at={entry.at} timeZone={timeZone} />}
            {entry.step === "shipped" && done && (entry.carrier || entry.trackingNumber) && (
              <p className="text-sm text-stone-700">
                {[
                  pickup ? null : entry.carrier,
                  entry.trackingNumber && `${pickup ? "Reference" : "Tracking"} ${entry.trackingNumber}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            )}
            {entry.step === "cancelled" && entry.note && (
              <p className="text-sm whitespace-pre-line text-stone-700">Reason: {entry.note}</p>
            )}
          </Item>
        );
      })}
    </ol>
  );
}

function label(entry: Extract<TimelineEntry, { kind: "step" }>, buyerName: string | null, pickup: boolean): string {
  switch (entry.step) {
    case "placed":
      return buyerName ? `Placed by ${buyerName}` : "Placed";
    case "accepted":
      return "Accepted";
    case "shipped":
      return pickup ? "Ready for pickup" : "Shipped";
    case "delivered":
      return pickup ? "Picked up" : "Delivered";
    case "cancelled":
      return entry.cancelledBy === "buyer"
        ? "Cancelled by the shopper"
        : entry.cancelledBy === "seller"
          ? "Cancelled by you"
          : "Cancelled";
  }
}

function When({ at, timeZone }: { at: Date; timeZone: string }) {
  return (
    <p className="text-sm text-muted">
      <time dateTime={at.toISOString()}>{formatAt(at, timeZone)}</time>
    </p>
  );
}

function Item({
  tone,
  last,
  children,
}: {
  tone: "done" | "upcoming" | "delay" | "cancelled";
  last: boolean;
  children: ReactNode;
}) {
  return (
    <li className="relative flex gap-3 pb-5 last:pb-0">
      {!last && (
        <span
          aria-hidden
          className={cn("absolute top-6 bottom-0 left-[9px] w-0.5", tone === "upcoming" ? "bg-stone-200" : "bg-brand-600/40")}
        />
      )}
      <span
        aria-hidden
        className={cn(
          "relative mt-1 size-5 shrink-0 rounded-full",
          tone === "done" && "bg-brand-600",
          tone === "delay" && "bg-amber-500",
          tone === "cancelled" && "bg-red-600",
          tone === "upcoming" && "border-2 border-stone-300 bg-white",
        )}
      />
      <div className="min-w-0 flex-1">{children}</div>
    </li>
  );
}
