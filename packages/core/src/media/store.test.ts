import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertSafeKey, localMediaStore } from "./store";

describe("media keys", () => {
  it.each(["../etc/passwd", "a/../../b", "/abs/path", "a//b", "./a", "a/./b", "a b", "a\\b", "", "-x"])("refuses %j", (key) => {
    expect(() => assertSafeKey(key)).toThrow(/Unsafe media key/);
  });

  it.each(["listings/abc/1-640.webp", "sellers/s1/logo-x.webp", "seed/shared/a_b.svg"])("accepts %j", (key) => {
    expect(() => assertSafeKey(key)).not.toThrow();
  });
});

describe("localMediaStore", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("writes, reads and removes files under its root only", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "agora-media-"));
    dirs.push(root);
    const store = localMediaStore(root);
    await store.put("listings/l/a.webp", Buffer.from("hello"));
    expect((await store.get("listings/l/a.webp"))?.toString()).toBe("hello");
    expect(await store.get("listings/l/missing.webp")).toBeNull();
    await expect(store.put("../outside.webp", Buffer.from("x"))).rejects.toThrow(/Unsafe/);
    await store.remove(["listings/l/a.webp"]);
    expect(await readdir(path.join(root, "listings/l"))).toEqual([]);
  });
});
