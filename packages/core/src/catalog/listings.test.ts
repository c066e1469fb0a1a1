import { describe, expect, it } from "vitest";
import { slugify } from "./listings";

describe("slugify", () => {
  it.each([
    ["Merino Wool Beanie", "merino-wool-beanie"],
    ["  Crème Brûlée Set  ", "creme-brulee-set"],
    ["Tea & Coffee — 2 Pack!!", "tea-coffee-2-pack"],
    ["--Already--hyphenated--", "already-hyphenated"],
    ["ÅNGSTRÖM über São", "angstrom-uber-sao"],
    ["", ""],
    ["!!!", ""],
    ["日本語", ""],
  ])("turns %j into %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("keeps at most 60 characters and never ends on a hyphen", () => {
    const slug = slugify(`${"a".repeat(59)} bcd`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("a".repeat(59));
    expect(slugify("word ".repeat(30))).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugify("word ".repeat(30)).length).toBeLessThanOrEqual(60);
  });
});
