import { describe, expect, it } from "vitest";
import { monogram, PICTOGRAM_KINDS, productImageSvg, sellerBannerSvg, sellerLogoSvg } from "./svg";

/** A small structural check: every tag closes in order, attributes are quoted, no stray markup. */
function assertWellFormed(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(svg))) {
    // Only text may sit between tags, and it must not contain a raw "<" or an unescaped "&".
    const between = svg.slice(consumed, match.index);
    expect(between).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
    consumed = match.index + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name as string);
  }
  expect(svg.slice(consumed).trim()).toBe("");
  expect(stack).toEqual([]);
}

function assertSafe(svg: string) {
  expect(svg.toLowerCase()).not.toContain("<script");
  expect(svg).not.toMatch(/\son\w+=/i);
  expect(svg.toLowerCase()).not.toContain("javascript:");
  expect(svg).not.toMatch(/href=/);
}

describe("productImageSvg", () => {
  it("draws a well-formed, script-free image for every pictogram and composition", () => {
    for (const kind of PICTOGRAM_KINDS) {
      for (const composition of [0, 1, 2]) {
        const svg = productImageSvg({ kind, hue: 148, seed: `${kind}-${composition}`, composition, label: "Ridgeline" });
        assertWellFormed(svg);
        assertSafe(svg);
        expect(svg).toContain('viewBox="0 0 1200 1200"');
      }
    }
  });

  it("is deterministic for the same input and varies with the seed", () => {
    const input = { kind: "tent" as const, hue: 148, seed: "listing-1:0", label: "Ridgeline" };
    expect(productImageSvg(input)).toBe(productImageSvg({ ...input }));
    expect(productImageSvg({ ...input, seed: "listing-2:0" })).not.toBe(productImageSvg(input));
    expect(productImageSvg({ ...input, composition: 1 })).not.toBe(productImageSvg(input));
  });

  it("escapes the brand label instead of injecting markup", () => {
    const svg = productImageSvg({ kind: "pan", hue: 16, seed: "x", label: `Salt & <script>alert("x")</script>` });
    assertWellFormed(svg);
    assertSafe(svg);
    expect(svg).toContain("Salt &amp; &lt;script&gt;");
  });
});

describe("seller artwork", () => {
  it("draws a square logo with the shop's monogram", () => {
    const svg = sellerLogoSvg({ name: "Cedar & Pine Camp Co.", hue: 128 });
    assertWellFormed(svg);
    assertSafe(svg);
    expect(svg).toContain('viewBox="0 0 256 256"');
    expect(svg).toContain(">CP</text>");
    expect(sellerLogoSvg({ name: "Cedar & Pine Camp Co.", hue: 128 })).toBe(svg);
  });

  it("draws a wide banner for every pattern", () => {
    for (const pattern of ["dots", "lines", "waves", "grid", "rings"] as const) {
      const svg = sellerBannerSvg({ hue: 200, seed: "riverbend-tackle", kind: "lure", pattern });
      assertWellFormed(svg);
      assertSafe(svg);
      expect(svg).toContain('viewBox="0 0 1600 400"');
    }
    expect(sellerBannerSvg({ hue: 200, seed: "a", kind: "rod" })).toBe(sellerBannerSvg({ hue: 200, seed: "a", kind: "rod" }));
  });

  it("builds monograms from the significant words", () => {
    expect(monogram("Northwind Outfitters")).toBe("NO");
    expect(monogram("The Co. of Things")).toBe("T");
    expect(monogram("&")).toBe("A");
  });
});
