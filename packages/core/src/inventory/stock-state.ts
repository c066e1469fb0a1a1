/** Below this many units we tell shoppers "only N left". */
export const LOW_STOCK_THRESHOLD = 5;

export type StockState =
  | { kind: "in_stock"; available: number }
  | { kind: "low_stock"; available: number }
  | { kind: "out_of_stock"; available: 0 };

/** Available to sell is on hand minus reserved, summed over locations, never below zero. */
export function availableFrom(levels: { onHand: number; reserved: number }[]): number {
  return levels.reduce((sum, l) => sum + Math.max(0, l.onHand - l.reserved), 0);
}

export function stockState(available: number): StockState {
  if (available <= 0) return { kind: "out_of_stock", available: 0 };
  if (available <= LOW_STOCK_THRESHOLD) return { kind: "low_stock", available };
  return { kind: "in_stock", available };
}

export function stockLabel(state: StockState): string {
  switch (state.kind) {
    case "in_stock":
      return "In stock";
    case "low_stock":
      return `Only ${state.available} left`;
    case "out_of_stock":
      return "Out of stock";
  }
}
