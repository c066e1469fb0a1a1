import { describe, expect, it } from "vitest";
import { MAX_SEARCH_WORDS, MAX_WORD_LENGTH, searchWords, textArrayLiteral } from "./words";

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
