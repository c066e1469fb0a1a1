import { Badge, type BadgeTone } from "@agora/ui/badge";

const store: Record<string, { tone: BadgeTone; label: string }> = {
  pending: { tone: "amber", label: "Under review" },
  approved: { tone: "green", label: "Approved" },
  rejected: { tone: "red", label: "Not approved" },
  suspended: { tone: "red", label: "Suspended" },
};

const listing: Record<string, { tone: BadgeTone; label: string }> = {
  draft: { tone: "neutral", label: "Draft" },
  active: { tone: "green", label: "Active" },
  archived: { tone: "blue", label: "Archived" },
};

export function StoreStatusBadge({ status }: { status: string }) {
  const s = store[status] ?? { tone: "neutral" as const, label: status };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export function ListingStatusBadge({ status }: { status: string }) {
  const s = listing[status] ?? { tone: "neutral" as const, label: status };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

const order: Record<string, { tone: BadgeTone; label: string }> = {
  placed: { tone: "blue", label: "New" },
  accepted: { tone: "amber", label: "To ship" },
  shipped: { tone: "neutral", label: "Shipped" },
  delivered: { tone: "green", label: "Delivered" },
  cancelled: { tone: "red", label: "Cancelled" },
};

/** An order's status in the seller's words (the queue's tab names). */
export function OrderStatusBadge({ status, fulfilment }: { status: string; fulfilment?: "shipping" | "pickup" }) {
  const s = order[status] ?? { tone: "neutral" as const, label: status };
  const label =
    fulfilment === "pickup" && status === "shipped"
      ? "Ready for pickup"
      : fulfilment === "pickup" && status === "delivered"
        ? "Picked up"
        : fulfilment === "pickup" && status === "accepted"
          ? "To prepare"
          : s.label;
  return <Badge tone={s.tone}>{label}</Badge>;
}
