import { describe, expect, it } from "vitest";
import { latin1Html, latin1Page } from "./latin1-html.mjs";

const isLatin1 = (s: string) => [...s].every((c) => (c.codePointAt(0) ?? 0) <= 0xff);
/** What a browser reads from markup: numeric character references decoded. */
const decodeReferences = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
/** React's payload scripts: the string literal each push carries, as JavaScript reads it. */
const payloads = (html: string) =>
  [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)].map((m) => JSON.parse(m[1] ?? '""') as string);

const page = [
  "<!DOCTYPE html><html><head><title>Bud vase · Agora — 2 left</title>",
  '<style>.x::after{content:"→"}</style></head><body>',
  '<p title="Tom’s “best” pick">Loading… $25–$50 🎉 naïve</p>',
  '<script>self.__next_f.push([1,"3:[\\"$\\",\\"p\\",null,{\\"children\\":\\"Loading… $25–$50 🎉\\"}]\\n"])</script>',
  '<script type="application/ld+json">{"name":"Vase — “Juniper”"}</script>',
  "</body></html>",
].join("");

describe("pages stored with Latin-1 characters only", () => {
  it("reads the same: references in markup, escapes in scripts", () => {
    const out = latin1Html(page);
    const [before, after] = [page.split("<style")[0], out.split("<style")[0]];
    expect(decodeReferences(after ?? "")).toBe(before);
    expect(out).toContain("<title>Bud vase · Agora &#x2014; 2 left</title>");
    expect(out).toContain('<p title="Tom&#x2019;s &#x201c;best&#x201d; pick">Loading&#x2026; $25&#x2013;$50 &#x1f389; naïve</p>');
    // One reference for a character outside the BMP, not two for its surrogates.
    expect(out).not.toContain("&#xd83c;");
    expect(payloads(out)).toEqual(payloads(page));
    expect(payloads(out)[0]).toContain("Loading… $25–$50 🎉");
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(out)?.[1] ?? "";
    expect(JSON.parse(jsonLd)).toEqual({ name: "Vase — “Juniper”" });
  });

  it("leaves style content as it is (CSS escapes read differently)", () => {
    expect(latin1Html(page)).toContain('<style>.x::after{content:"→"}</style>');
    const withoutStyle = page.replace(/<style>.*?<\/style>/, "");
    expect(isLatin1(latin1Html(withoutStyle))).toBe(true);
  });

  it("returns a page that is already Latin-1 unchanged", () => {
    const plain = "<p>Café · 3 × 2 &amp; more</p>";
    expect(latin1Html(plain)).toBe(plain);
    expect(latin1Html(latin1Html(page))).toBe(latin1Html(page));
  });

  it("rewrites an app page cache value once and leaves other values alone", () => {
    const value = { kind: "APP_PAGE", html: "<p>…</p>", rscData: Buffer.from("…") };
    expect(latin1Page(value).html).toBe("<p>&#x2026;</p>");
    expect(value.rscData.toString()).toBe("…");
    const route = { kind: "APP_ROUTE", body: Buffer.from("…") };
    expect(latin1Page(route)).toBe(route);
    expect(latin1Page(null)).toBeNull();
  });
});
