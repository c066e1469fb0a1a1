import { describe, expect, it } from "vitest";
import { caretAfterDigits, cardDigits, digitsBefore, formatCardNumber, formatExpiry, parseExpiry } from "./card-format";

describe("card number", () => {
  it("groups digits in fours and drops everything else", () => {
    expect(formatCardNumber("4242424242424242")).toBe("4242 4242 4242 4242");
    expect(formatCardNumber("4242-4242 42")).toBe("4242 4242 42");
    expect(formatCardNumber("4242")).toBe("4242");
    expect(formatCardNumber("")).toBe("");
  });

  it("keeps at most 19 digits", () => {
    expect(cardDigits("1".repeat(25))).toHaveLength(19);
    expect(formatCardNumber("1".repeat(19))).toBe("1111 1111 1111 1111 111");
  });

  it("keeps the caret after the same digit when spaces move", () => {
    const formatted = formatCardNumber("42424");
    expect(formatted).toBe("4242 4");
    expect(caretAfterDigits(formatted, 5)).toBe(6);
    expect(caretAfterDigits(formatted, 4)).toBe(4);
    expect(caretAfterDigits(formatted, 0)).toBe(0);
    expect(digitsBefore("4242 42", 6)).toBe(5);
  });
});

describe("expiry", () => {
  it("adds the slash after the month", () => {
    expect(formatExpiry("12")).toBe("12/");
    expect(formatExpiry("1229")).toBe("12/29");
    expect(formatExpiry("12/2")).toBe("12/2");
    expect(formatExpiry("4")).toBe("04/");
    expect(formatExpiry("1")).toBe("1");
  });

  it("lets the slash be deleted", () => {
    expect(formatExpiry("12", true)).toBe("12");
  });

  it("parses MM/YY and MM/YYYY", () => {
    expect(parseExpiry("12/29")).toEqual({ month: 12, year: 2029 });
    expect(parseExpiry("03 / 2031")).toEqual({ month: 3, year: 2031 });
    expect(parseExpiry("1229")).toEqual({ month: 12, year: 2029 });
    expect(parseExpiry("12/")).toBeNull();
    expect(parseExpiry("")).toBeNull();
  });
});
