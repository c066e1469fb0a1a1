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
