import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { test } from "@playwright/test";
import sharp from "sharp";

/** Files go to the test's own output folder, which Playwright clears before each run. */
const fileFor = (name: string) => test.info().outputPath(name);

/** A real PNG (a colour block with a stripe), made at test time. */
export async function makePng(name = "product.png", width = 900, height = 900): Promise<string> {
  const file = fileFor(name);
  const stripe = await sharp({ create: { width, height: Math.round(height / 5), channels: 3, background: "#f5f5f4" } })
    .png()
    .toBuffer();
  await sharp({ create: { width, height, channels: 3, background: "#2563eb" } })
    .composite([{ input: stripe, top: Math.round(height / 2.5), left: 0 }])
    .png()
    .toFile(file);
  return file;
}

/** A genuine PNG over 8 MB: random pixels do not compress. */
export async function makeOversizedPng(name = "huge.png"): Promise<string> {
  const width = 1900;
  const height = 1700;
  const file = fileFor(name);
  await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toFile(file);
  return file;
}

/** A text file wearing an image's name. */
export function makeFakePng(name = "notes.png"): string {
  const file = fileFor(name);
  writeFileSync(file, "These are my notes, not a picture.\n".repeat(20));
  return file;
}
