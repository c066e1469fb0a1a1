import { Badge } from "./badge";

export type StockKind = "in_stock" | "low_stock" | "out_of_stock";

export function StockBadge({ kind, label }: { kind: StockKind; label: string }) {
  const tone = kind === "in_stock" ? "green" : kind === "low_stock" ? "amber" : "red";
  return <Badge tone={tone}>{label}</Badge>;
}
