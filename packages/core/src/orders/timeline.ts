/**
 * The status timeline of one seller order, built from its events: what happened (with dates and notes),
 * then the steps still ahead. Pure, so the shopper's and the seller's pages read it the same way.
 */

export type TimelineStep = "placed" | "accepted" | "shipped" | "delivered" | "cancelled";

export type TimelineEntry =
  | {
      kind: "step";
      step: TimelineStep;
      /** Done steps happened (at is when); upcoming ones are still ahead of the order. */
      state: "done" | "upcoming";
      at: Date | null;
      note: string | null;
      carrier: string | null;
      trackingNumber: string | null;
      cancelledBy: string | null;
    }
  | {
      kind: "delay";
      at: Date;
      note: string | null;
      /** The new estimate. */
      estimatedFrom: string;
      estimatedTo: string;
      /** The estimate it replaced. */
      previousFrom: string | null;
      previousTo: string | null;
    };

interface TimelineEvent {
  type: "placed" | "accepted" | "shipped" | "delivered" | "cancelled" | "delayed";
  note: string | null;
  data: Record<string, string | number | null>;
  createdAt: Date;
}

const forward: TimelineStep[] = ["placed", "accepted", "shipped", "delivered"];

const str = (v: string | number | null | undefined) => (typeof v === "string" && v ? v : null);

function step(
  s: TimelineStep,
  state: "done" | "upcoming",
  at: Date | null = null,
  extra: Partial<Extract<TimelineEntry, { kind: "step" }>> = {},
): TimelineEntry {
  return { kind: "step", step: s, state, at, note: null, carrier: null, trackingNumber: null, cancelledBy: null, ...extra };
}

export function orderTimeline(order: { status: string; events: TimelineEvent[] }): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const reached = new Set<TimelineStep>();
  for (const e of [...order.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    if (e.type === "delayed") {
      const from = str(e.data.estimatedFrom);
      const to = str(e.data.estimatedTo);
      if (from && to)
        entries.push({
          kind: "delay",
          at: e.createdAt,
          note: e.note,
          estimatedFrom: from,
          estimatedTo: to,
          previousFrom: str(e.data.previousFrom),
          previousTo: str(e.data.previousTo),
        });
      continue;
    }
    if (reached.has(e.type)) continue;
    // Shipping straight from "new" accepts the order in the same move.
    if (e.type === "shipped" && !reached.has("accepted")) {
      reached.add("accepted");
      entries.push(step("accepted", "done", e.createdAt));
    }
    reached.add(e.type);
    entries.push(
      step(e.type, "done", e.createdAt, {
        note: e.note,
        carrier: e.type === "shipped" ? str(e.data.carrier) : null,
        trackingNumber: e.type === "shipped" ? str(e.data.trackingNumber) : null,
        cancelledBy: e.type === "cancelled" ? str(e.data.by) : null,
      }),
    );
  }
  if (order.status !== "cancelled" && !reached.has("cancelled")) {
    for (const s of forward) if (!reached.has(s)) entries.push(step(s, "upcoming"));
  }
  return entries;
}
