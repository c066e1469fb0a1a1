import { describe, expect, it } from "vitest";
import { formatMoneyInput, parseMoneyInput } from "./money";

describe("parseMoneyInput", () => {
  it("reads decimal money as whole cents without float errors", () => {
    expect(parseMoneyInput("19.99")).toBe(1999);
    expect(parseMoneyInput("0.29")).toBe(29);
    expect(parseMoneyInput("1.005")).toBe(100.5);
    expect(parseMoneyInput("20")).toBe(2000);
    expect(parseMoneyInput("20.5")).toBe(2050);
    expect(parseMoneyInput(".5")).toBe(50);
    expect(parseMoneyInput("$1,299.99")).toBe(129999);
    expect(parseMoneyInput(" 4.10 ")).toBe(410);
    expect(parseMoneyInput("4.100")).toBe(410);
  });
  it("keeps the sign so the schema can refuse negatives", () => {
    expect(parseMoneyInput("-5")).toBe(-500);
  });
  it("returns NaN for what is not money", () => {
    for (const bad of ["", "abc", "19,99", "1.2.3", "-", ".", "1e3"]) expect(parseMoneyInput(bad)).toBeNaN();
  });
});

describe("formatMoneyInput", () => {
  it("round-trips", () => {
    for (const minor of [0, 5, 99, 100, 1999, 123456]) expect(parseMoneyInput(formatMoneyInput(minor))).toBe(minor);
    expect(formatMoneyInput(null)).toBe("");
  });
});
