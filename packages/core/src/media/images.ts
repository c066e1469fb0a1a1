import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { and, asc, eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_LISTING } from "@agora/validators";
import { DomainError, notFound } from "../errors";
import type { MediaStore } from "./store";
import { imageFileKey } from "./urls";

const { listingImages, listings } = schema;

/** Renditions we keep for listing images; the browser picks one with srcset. */
export const LISTING_IMAGE_WIDTHS = [320, 640, 1280] as const;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "avif", "gif"]);
const MAX_PIXELS = 40_000_000;

export interface UploadedFile {
  bytes: Buffer;
  name: string;
}

const invalid = (message: string) => new DomainError("INVALID_INPUT", message, { fieldErrors: { file: message } });

/** Reads the file's real format from its bytes; the declared type and extension are not trusted. */
export async function inspectImage(file: UploadedFile) {
  if (file.bytes.length === 0) throw invalid("The file is empty.");
  if (file.bytes.length > MAX_IMAGE_BYTES)
    throw invalid(`"${file.name}" is ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB; images can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(file.bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw invalid(`"${file.name}" is not an image we can read. Use JPEG, PNG, WebP, AVIF or GIF.`);
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format) || !meta.width || !meta.height)
    throw invalid(`"${file.name}" is not a JPEG, PNG, WebP, AVIF or GIF image.`);
  if (meta.width < 200 || meta.height < 200) throw invalid(`"${file.name}" is ${meta.width}×${meta.height}; images need at least 200×200 pixels.`);
  return meta;
}

async function renderRenditions(bytes: Buffer, widths: readonly number[], store: MediaStore, storageKey: string) {
  const base = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate();
  const meta = await base.metadata();
  const original = meta.autoOrient?.width ?? meta.width ?? 0;
  const kept = widths.filter((w) => w <= original);
  if (kept.length === 0) kept.push(original);
  let height = 0;
  let width = 0;
  for (const w of kept) {
    const { data, info } = await base.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    await store.put(imageFileKey({ storageKey, widths: kept }, w), data);
    width = info.width;
    height = info.height;
  }
  return { widths: kept, width, height };
}

/** Adds a resized image to the seller's own listing, at the end of its gallery. */
export async function addListingImage(db: Db, store: MediaStore, sellerId: string, listingId: string, file: UploadedFile, alt = "") {
  await inspectImage(file);
  const [listing] = await db
    .select({ id: listings.id, title: listings.title })
    .from(listings)
    .where(and(eq(listings.id, listingId), eq(listings.sellerId, sellerId)));
  if (!listing) throw notFound("The listing");
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(listingImages).where(eq(listingImages.listingId, listingId));
  if ((count?.n ?? 0) >= MAX_IMAGES_PER_LISTING) throw invalid(`A listing can have at most ${MAX_IMAGES_PER_LISTING} images.`);

  const storageKey = `listings/${listingId}/${randomUUID()}`;
  const rendered = await renderRenditions(file.bytes, LISTING_IMAGE_WIDTHS, store, storageKey);
  try {
    const [image] = await db
      .insert(listingImages)
      .values({
        listingId,
        sellerId,
        storageKey,
        widths: rendered.widths,
        width: rendered.width,
        height: rendered.height,
        alt: alt || listing.title,
        position: sql`(select coalesce(max(${listingImages.position}) + 1, 0) from ${listingImages} where ${listingImages.listingId} = ${listingId})`,
      })
      .returning();
    if (!image) throw new Error("insert returned nothing");
    return image;
  } catch (error) {
    await store.remove(rendered.widths.map((w) => imageFileKey({ storageKey, widths: rendered.widths }, w)));
    throw error;
  }
}

export async function reorderListingImages(db: Db, sellerId: string, listingId: string, imageIds: string[]) {
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: listingImages.id })
      .from(listingImages)
      .where(and(eq(listingImages.listingId, listingId), eq(listingImages.sellerId, sellerId)))
      .orderBy(asc(listingImages.position));
    if (current.length === 0) throw notFound("The listing");
    const known = new Set(current.map((c) => c.id));
    const given = new Set(imageIds);
    if (imageIds.length !== known.size || given.size !== imageIds.length || !imageIds.every((id) => known.has(id)))
      throw new DomainError("INVALID_INPUT", "The new order must list each of this listing's images once.");
    for (const [position, id] of imageIds.entries())
      await tx.update(listingImages).set({ position }).where(eq(listingImages.id, id));
  });
}

export async function updateListingImageAlt(db: Db, sellerId: string, imageId: string, alt: string) {
  const [image] = await db
    .update(listingImages)
    .set({ alt })
    .where(and(eq(listingImages.id, imageId), eq(listingImages.sellerId, sellerId)))
    .returning();
  if (!image) throw notFound("The image");
  return image;
}

export async function deleteListingImage(db: Db, store: MediaStore, sellerId: string, imageId: string) {
  const [image] = await db
    .delete(listingImages)
    .where(and(eq(listingImages.id, imageId), eq(listingImages.sellerId, sellerId)))
    .returning();
  if (!image) throw notFound("The image");
  if (!image.storageKey.startsWith("seed/"))
    await store.remove(image.widths.map((w) => imageFileKey(image, w)));
  return image;
}

/** Store logo (square) and banner (wide), cropped to fit. */
export async function saveSellerImage(store: MediaStore, sellerId: string, kind: "logo" | "banner", file: UploadedFile) {
  await inspectImage(file);
  const size = kind === "logo" ? { width: 256, height: 256 } : { width: 1600, height: 400 };
  const data = await sharp(file.bytes, { limitInputPixels: MAX_PIXELS }).rotate().resize({ ...size, fit: "cover" }).webp({ quality: 82 }).toBuffer();
  const key = `sellers/${sellerId}/${kind}-${randomUUID()}.webp`;
  await store.put(key, data);
  return key;
}

export async function imagesOf(db: Db, listingIds: string[]) {
  if (!listingIds.length) return [];
  return db.select().from(listingImages).where(inArray(listingImages.listingId, listingIds)).orderBy(asc(listingImages.position));
}
