import { describe, expect, it } from "vitest";
import { MAX_SEARCH_WORDS, MAX_WORD_LENGTH, oneEditAway, searchWords, textArrayLiteral } from "./words";

describe("searchWords", () => {
  it("lower-cases, drops accents and splits on anything but letters and digits", () => {
    expect(searchWords("  Chiánti  CLASSICO, 2019!")).toEqual(["chianti", "classico", "2019"]);
    expect(searchWords("T-shirt (men's)")).toEqual(["t", "shirt", "men", "s"]);
    expect(searchWords("crème brûlée")).toEqual(["creme", "brulee"]);
  });

  it("keeps letters of other scripts", () => {
    expect(searchWords("Ёлка 東京")).toEqual(["елка", "東京"]);
  });

  it("returns nothing for punctuation or blank input", () => {
    expect(searchWords("")).toEqual([]);
    expect(searchWords("  -- ?! ")).toEqual([]);
  });

  it("removes repeated words, keeping the first position", () => {
    expect(searchWords("wool socks Wool")).toEqual(["wool", "socks"]);
  });

  it("caps the number and length of words", () => {
    expect(searchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(MAX_SEARCH_WORDS);
    expect(searchWords("x".repeat(100))[0]).toHaveLength(MAX_WORD_LENGTH);
  });

  it("never lets quotes or tsquery operators through", () => {
    for (const word of searchWords(`o'neil & (lantern | !tent) <-> "x":*`)) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});

describe("textArrayLiteral", () => {
  it("quotes every element", () => {
    expect(textArrayLiteral([])).toBe("{}");
    expect(textArrayLiteral(["a", "b c"])).toBe('{"a","b c"}');
    expect(textArrayLiteral(['say "hi"', "back\\slash", "x,y}"])).toBe('{"say \\"hi\\"","back\\\\slash","x,y}"}');
  });
});

describe("oneEditAway", () => {
  it("swaps neighbours, drops, replaces and adds one letter", () => {
    const variants = oneEditAway("canlde");
    expect(variants).toContain("candle"); // swapped
    expect(variants).toContain("canle"); // dropped
    expect(variants).toContain("canlds"); // replaced
    expect(variants).toContain("canldes"); // added
    expect(variants).not.toContain("canlde");
    expect(variants).not.toContain("cnadle"); // two edits
    expect(new Set(variants).size).toBe(variants.length);
  });

  it("adds digits only to words that have some, and keeps letters of other scripts", () => {
    expect(oneEditAway("ipad").some((v) => /\d/.test(v))).toBe(false);
    expect(oneEditAway("k2s")).toContain("k25");
    expect(oneEditAway("елка")).toContain("елак");
  });

  it("counts every one-edit spelling of a short word", () => {
    // 2 deletions, 1 swap, 2×25 replacements, 3×26 additions (minus the ones that spell the same).
    const variants = oneEditAway("ab");
    expect(variants).toContain("b");
    expect(variants).toContain("ba");
    expect(variants.length).toBeGreaterThan(100);
    expect(variants.length).toBeLessThanOrEqual(2 + 1 + 50 + 78);
  });
});
