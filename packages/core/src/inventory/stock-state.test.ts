import { describe, expect, it } from "vitest";
import { availableFrom, LOW_STOCK_THRESHOLD, stockLabel, stockState } from "./stock-state";

describe("availableFrom", () => {
  it("is on hand minus reserved, summed over locations", () => {
    expect(
      availableFrom([
        { onHand: 10, reserved: 3 },
        { onHand: 4, reserved: 0 },
      ]),
    ).toBe(11);
  });

  it("never lets one location's over-reservation eat another location's stock", () => {
    expect(
      availableFrom([
        { onHand: 2, reserved: 5 },
        { onHand: 7, reserved: 1 },
      ]),
    ).toBe(6);
  });

  it("is zero with no stock rows", () => {
    expect(availableFrom([])).toBe(0);
  });
});

describe("stockState", () => {
  it("is out of stock at zero or below, reporting zero available", () => {
    expect(stockState(0)).toEqual({ kind: "out_of_stock", available: 0 });
    expect(stockState(-3)).toEqual({ kind: "out_of_stock", available: 0 });
  });

  it("is low stock from 1 up to the threshold", () => {
    expect(stockState(1)).toEqual({ kind: "low_stock", available: 1 });
    expect(stockState(LOW_STOCK_THRESHOLD)).toEqual({ kind: "low_stock", available: LOW_STOCK_THRESHOLD });
  });

  it("is in stock above the threshold", () => {
    expect(stockState(LOW_STOCK_THRESHOLD + 1)).toEqual({ kind: "in_stock", available: LOW_STOCK_THRESHOLD + 1 });
    expect(stockState(500)).toEqual({ kind: "in_stock", available: 500 });
  });

  it("labels each state for shoppers", () => {
    expect(stockLabel(stockState(0))).toBe("Out of stock");
    expect(stockLabel(stockState(2))).toBe("Only 2 left");
    expect(stockLabel(stockState(40))).toBe("In stock");
  });
});
