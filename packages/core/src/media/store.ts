import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where uploaded and generated media live. Local disk by default; an object store can implement the same. */
export interface MediaStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(keys: string[]): Promise<void>;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_.-]*$/i;

/** Rejects anything that could leave the media directory ("..", absolute paths, odd characters). */
export function assertSafeKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split("/").some((part) => part === ".." || part === "." || part === "")) {
    throw new Error(`Unsafe media key: ${key}`);
  }
}

export function localMediaStore(root: string): MediaStore {
  const resolve = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch {
        return null;
      }
    },
    async remove(keys) {
      await Promise.all(keys.map((k) => rm(resolve(k), { force: true })));
    },
  };
}

export const mediaContentTypes: Record<string, string> = {
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
};
