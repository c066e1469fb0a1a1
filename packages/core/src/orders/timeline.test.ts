import { describe, expect, it } from "vitest";
import { orderTimeline } from "./timeline";

const at = (iso: string) => new Date(iso);

describe("orderTimeline", () => {
  it("shows what happened, then the steps still ahead", () => {
    const entries = orderTimeline({
      status: "accepted",
      events: [
        { type: "accepted", note: null, data: {}, createdAt: at("2025-12-01T11:00:00Z") },
        { type: "placed", note: null, data: {}, createdAt: at("2025-12-01T10:00:00Z") },
      ],
    });
    expect(entries.map((e) => (e.kind === "step" ? `${e.step}:${e.state}` : e.kind))).toEqual([
      "placed:done",
      "accepted:done",
      "shipped:upcoming",
      "delivered:upcoming",
    ]);
  });

  it("keeps a delay in its place with the estimate it replaced, and the tracking of the shipment", () => {
    const entries = orderTimeline({
      status: "shipped",
      events: [
        { type: "placed", note: null, data: {}, createdAt: at("2025-12-01T10:00:00Z") },
        {
          type: "delayed",
          note: "Supplier late",
          data: { previousFrom: "2025-12-03", previousTo: "2025-12-04", estimatedFrom: "2025-12-08", estimatedTo: "2025-12-10" },
          createdAt: at("2025-12-02T09:00:00Z"),
        },
        { type: "shipped", note: null, data: { carrier: "UPS", trackingNumber: "1Z999" }, createdAt: at("2025-12-05T09:00:00Z") },
      ],
    });
    // Shipping a new order accepts it in the same move.
    expect(entries.map((e) => (e.kind === "step" ? `${e.step}:${e.state}` : e.kind))).toEqual([
      "placed:done",
      "delay",
      "accepted:done",
      "shipped:done",
      "delivered:upcoming",
    ]);
    expect(entries[1]).toMatchObject({
      kind: "delay",
      note: "Supplier late",
      estimatedTo: "2025-12-10",
      previousTo: "2025-12-04",
    });
    expect(entries[3]).toMatchObject({ carrier: "UPS", trackingNumber: "1Z999" });
  });

  it("ends at a cancellation with its reason and nothing ahead", () => {
    const entries = orderTimeline({
      status: "cancelled",
      events: [
        { type: "placed", note: null, data: {}, createdAt: at("2025-12-01T10:00:00Z") },
        { type: "cancelled", note: "Out of stock", data: { by: "seller" }, createdAt: at("2025-12-01T12:00:00Z") },
      ],
    });
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ step: "cancelled", note: "Out of stock", cancelledBy: "seller" });
  });
});
