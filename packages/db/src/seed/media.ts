import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Seed keys are built from slugs and uuids; refuse anything else so a key can never escape mediaDir. */
const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*(\.svg)?$/;

export function mediaPath(mediaDir: string, fileKey: string): string {
  if (!SAFE_KEY.test(fileKey) || fileKey.includes("..") || fileKey.includes("//")) {
    throw new Error(`Unsafe media key: ${fileKey}`);
  }
  return path.join(mediaDir, fileKey);
}

export interface MediaFile {
  /** Path under mediaDir, with extension. */
  fileKey: string;
  content: string;
}

/** Writes files a few at a time: hundreds of parallel writes would only queue up in libuv anyway. */
export async function writeMediaFiles(mediaDir: string, files: readonly MediaFile[], concurrency = 32): Promise<void> {
  const dirs = new Set(files.map((f) => path.dirname(mediaPath(mediaDir, f.fileKey))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      if (file) await writeFile(mediaPath(mediaDir, file.fileKey), file.content, "utf8");
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
}
