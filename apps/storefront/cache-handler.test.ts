import { existsSync, mkdtempSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import CacheHandler from "./cache-handler.mjs";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ctx = { kind: "APP_PAGE" } as const;
const setCtx = { kind: "APP_PAGE", isRoutePPREnabled: true, isFallback: false, cacheControl: { revalidate: 3600, expire: 31536000 } };

function page(html: string, tags: string[]) {
  return { kind: "APP_PAGE", html, rscData: Buffer.from(""), headers: { "x-next-cache-tags": tags.join(",") }, postponed: undefined, status: 200, segmentData: new Map() };
}

/** The page cache as Next creates it for `next start` (a new handler per request, one shared memory store). */
const serverDistDir = path.join(mkdtempSync(path.join(os.tmpdir(), "agora-page-cache-")), "server");
const fs = { readFile, writeFile, stat, existsSync, mkdir: (dir: string) => mkdir(dir, { recursive: true }) };
const handler = () => new CacheHandler({ fs, serverDistDir, flushToDisk: false, maxMemoryCacheSize: 10 * 1024 * 1024, revalidatedTags: [] });
const htmlOf = (entry: unknown) => (entry as { value: { html: string } } | null)?.value.html ?? null;

describe("storefront page cache", () => {
  it("serves a stored page until one of its tags is expired", async () => {
    const key = "/route-cache/APP_PAGE/test/$/c/tents/popular/1";
    expect(await handler().get(key, ctx)).toBeNull();
    await handler().set(key, page("v1", ["catalog", "category:tents"]), setCtx);
    expect(htmlOf(await handler().get(key, ctx))).toBe("v1");
    await sleep(5);
    await handler().revalidateTag(["category:other"], { expire: 0 });
    expect(htmlOf(await handler().get(key, ctx))).toBe("v1");
    await handler().revalidateTag(["category:tents"], { expire: 0 });
    expect(await handler().get(key, ctx)).toBeNull();
  });

  it("renders again a page whose render started before a tag expiry and finished after it", async () => {
    const key = "/route-cache/APP_PAGE/test/$/c/decor/popular/1";
    // A request misses and starts rendering from the data as it is now…
    expect(await handler().get(key, ctx)).toBeNull();
    await sleep(5);
    // …a seller renames a listing shown there while the render runs…
    await handler().revalidateTag(["catalog", "listing:1"], { expire: 0 });
    await sleep(5);
    // …and the render, made from the old title, is stored after the expiry.
    await handler().set(key, page("old title", ["catalog", "category:decor"]), setCtx);

    // Next's own check (stored after the expiry, so fresh) would serve it for an hour: here it is a miss.
    expect(await handler().get(key, ctx)).toBeNull();
    // Rendered once more, now from the new data, it is kept.
    await handler().set(key, page("new title", ["catalog", "category:decor"]), setCtx);
    expect(htmlOf(await handler().get(key, ctx))).toBe("new title");
    expect(htmlOf(await handler().get(key, ctx))).toBe("new title");
  });

  it("keeps a page rendered entirely after the expiry (rebuilt once, not twice)", async () => {
    const key = "/route-cache/APP_PAGE/test/$/p/lantern";
    await handler().set(key, page("before", ["listing:2"]), setCtx);
    await sleep(5);
    await handler().revalidateTag(["listing:2"], { expire: 0 });
    await sleep(5);
    expect(await handler().get(key, ctx)).toBeNull();
    await handler().set(key, page("after", ["listing:2"]), setCtx);
    expect(htmlOf(await handler().get(key, ctx))).toBe("after");
  });

  it("stores pages with Latin-1 characters only, without changing the render's own copy", async () => {
    const key = "/route-cache/APP_PAGE/test/$/p/vase";
    const rendered = page("<p>Loading… $25–$50</p>", ["listing:3"]);
    await handler().set(key, rendered, setCtx);
    expect(rendered.html).toBe("<p>Loading… $25–$50</p>");
    expect(htmlOf(await handler().get(key, ctx))).toBe("<p>Loading&#x2026; $25&#x2013;$50</p>");
  });
});
