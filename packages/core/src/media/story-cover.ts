import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { inspectImage, type UploadedFile } from "./images";
import type { MediaStore } from "./store";

const MAX_PIXELS = 40_000_000;
/** Covers are shown 16:9, as wide as the story column on large screens. */
export const STORY_COVER_SIZE = { width: 1600, height: 900 } as const;

/** Checks and crops an uploaded image to a story cover and stores it; returns its media key. */
export async function saveStoryCover(store: MediaStore, storyId: string, file: UploadedFile): Promise<string> {
  await inspectImage(file);
  const data = await sharp(file.bytes, { limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize({ ...STORY_COVER_SIZE, fit: "cover" })
    .webp({ quality: 82 })
    .toBuffer();
  const key = `stories/${storyId}/cover-${randomUUID()}.webp`;
  await store.put(key, data);
  return key;
}
