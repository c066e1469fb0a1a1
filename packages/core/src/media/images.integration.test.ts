/**
 * Listing images: uploads are checked by their real bytes, resized into renditions on disk, and
 * nothing is kept when a file is refused. Reordering must name the listing's full set of images.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { asc, count, eq, schema } from "@agora/db";
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_LISTING } from "@agora/validators";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createCategory, createSellerAccount, domainErrorOf, listingInput, testImage } from "../../../../tooling/vitest/fixtures";
import { createListing } from "../catalog/listings";
import { listSellerListings } from "../catalog/listings";
import { addListingImage, deleteListingImage, reorderListingImages, saveSellerImage, updateListingImageAlt } from "./images";
import { localMediaStore, type MediaStore } from "./store";
import { imageFileKey } from "./urls";

const { db } = await useTestDatabase();

let mediaDir: string;
let store: MediaStore;
let sellerId: string;
let otherSellerId: string;
let categoryId: string;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "agora-images-"));
  store = localMediaStore(mediaDir);
  categoryId = (await createCategory(db)).id;
  sellerId = (await createSellerAccount(db, "pending")).seller.id;
  otherSellerId = (await createSellerAccount(db, "pending")).seller.id;
});
afterAll(() => rm(mediaDir, { recursive: true, force: true }));

async function newListing(owner = sellerId, title = "Linen apron") {
  return createListing(db, owner, listingInput(categoryId, { title }));
}

async function imageRows(listingId: string) {
  return db
    .select()
    .from(schema.listingImages)
    .where(eq(schema.listingImages.listingId, listingId))
    .orderBy(asc(schema.listingImages.position));
}

async function filesUnder(listingId: string): Promise<string[]> {
  try {
    return (await readdir(path.join(mediaDir, "listings", listingId))).sort();
  } catch {
    return [];
  }
}

describe("addListingImage", () => {
  it("stores WebP renditions no wider than the original and a row describing them", async () => {
    const listing = await newListing();
    const image = await addListingImage(db, store, sellerId, listing.id, { bytes: await testImage(800, 600), name: "apron.png" });

    expect(image).toMatchObject({
      listingId: listing.id,
      sellerId,
      widths: [320, 640],
      width: 640,
      height: 480,
      alt: "Linen apron",
      position: 0,
    });
    expect(image.storageKey).toMatch(new RegExp(`^listings/${listing.id}/[0-9a-f-]{36}$`));
    for (const width of [320, 640]) {
      const bytes = await store.get(imageFileKey(image, width));
      if (!bytes) throw new Error(`rendition ${width} missing`);
      const meta = await sharp(bytes).metadata();
      expect(meta).toMatchObject({ format: "webp", width, height: (width * 3) / 4 });
    }
    const id = image.storageKey.split("/").pop();
    expect(await filesUnder(listing.id)).toEqual([`${id}-320.webp`, `${id}-640.webp`]);
    expect(await imageRows(listing.id)).toHaveLength(1);
  });

  it("keeps one rendition at the original width for an image narrower than the smallest size", async () => {
    const listing = await newListing();
    const image = await addListingImage(
      db,
      store,
      sellerId,
      listing.id,
      { bytes: await testImage(300, 300, "jpeg"), name: "small.jpg" },
      "Apron, front",
    );
    expect(image).toMatchObject({ widths: [300], width: 300, height: 300, alt: "Apron, front" });
    expect(await store.get(imageFileKey(image, 300))).not.toBeNull();
  });

  it("appends each new image at the end of the gallery", async () => {
    const listing = await newListing();
    const first = await addListingImage(db, store, sellerId, listing.id, { bytes: await testImage(200, 200), name: "a.png" });
    const second = await addListingImage(db, store, sellerId, listing.id, {
      bytes: await testImage(200, 200, "webp"),
      name: "b.webp",
    });
    expect([first.position, second.position]).toEqual([0, 1]);
  });

  it("shows the first image and the variant count in the seller's listing table", async () => {
    const listing = await newListing(sellerId, "Table check apron");
    const first = await addListingImage(
      db,
      store,
      sellerId,
      listing.id,
      { bytes: await testImage(200, 200), name: "a.png" },
      "First",
    );
    await addListingImage(db, store, sellerId, listing.id, { bytes: await testImage(200, 200), name: "b.png" }, "Second");
    const { items } = await listSellerListings(db, sellerId, { q: "Table check", page: 1 });
    expect(items).toHaveLength(1);
    expect(items[0]?.image).toEqual({ storageKey: first.storageKey, widths: first.widths, alt: "First" });
    expect(items[0]?.variantCount).toBe(1);
  });

  it.each([
    [
      "a text file renamed .png",
      async () => Buffer.from("This is not an image, just text pretending to be one.\n".repeat(20)),
      /not an image we can read/,
    ],
    [
      "an SVG (vector files are not accepted as uploads)",
      async () =>
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400"/></svg>'),
      /not a JPEG, PNG, WebP, AVIF or GIF/,
    ],
    ["an image smaller than 200×200", () => testImage(199, 400), /at least 200×200/],
    ["an empty file", async () => Buffer.alloc(0), /empty/],
    [
      "a file over the size limit",
      async () => Buffer.concat([await testImage(400, 400), Buffer.alloc(MAX_IMAGE_BYTES)]),
      /at most 8 MB/,
    ],
  ])("refuses %s with a field error and saves nothing", async (_why, bytes, message) => {
    const listing = await newListing();
    const error = await domainErrorOf(
      addListingImage(db, store, sellerId, listing.id, { bytes: await bytes(), name: "upload.png" }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors.file).toMatch(message);
    expect(await imageRows(listing.id)).toEqual([]);
    expect(await filesUnder(listing.id)).toEqual([]);
  });

  it("refuses a listing of another seller as not found, saving nothing", async () => {
    const theirs = await newListing(otherSellerId);
    const error = await domainErrorOf(
      addListingImage(db, store, sellerId, theirs.id, { bytes: await testImage(300, 300), name: "x.png" }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await imageRows(theirs.id)).toEqual([]);
    expect(await filesUnder(theirs.id)).toEqual([]);
  });

  it(`stops at ${MAX_IMAGES_PER_LISTING} images per listing`, async () => {
    const listing = await newListing();
    const bytes = await testImage(200, 200);
    for (let i = 0; i < MAX_IMAGES_PER_LISTING; i++)
      await addListingImage(db, store, sellerId, listing.id, { bytes, name: `${i}.png` });
    const error = await domainErrorOf(addListingImage(db, store, sellerId, listing.id, { bytes, name: "one-more.png" }));
    expect(error.fieldErrors.file).toMatch(/at most 10 images/);
    const [total] = await db
      .select({ n: count() })
      .from(schema.listingImages)
      .where(eq(schema.listingImages.listingId, listing.id));
    expect(total?.n).toBe(MAX_IMAGES_PER_LISTING);
    expect(await filesUnder(listing.id)).toHaveLength(MAX_IMAGES_PER_LISTING);
  });
});

describe("reorderListingImages", () => {
  async function listingWithImages(n: number) {
    const listing = await newListing();
    const bytes = await testImage(200, 200);
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push((await addListingImage(db, store, sellerId, listing.id, { bytes, name: `${i}.png` })).id);
    return { listing, ids };
  }

  it("puts the images in the given order", async () => {
    const { listing, ids } = await listingWithImages(3);
    const order = [ids[2], ids[0], ids[1]].filter((id): id is string => !!id);
    await reorderListingImages(db, sellerId, listing.id, order);
    expect((await imageRows(listing.id)).map((r) => r.id)).toEqual(order);
  });

  it.each([
    ["leaves one out", (ids: string[]) => ids.slice(0, 2)],
    ["names one twice", (ids: string[]) => [ids[0], ids[0], ids[1]]],
    ["adds an unknown id", (ids: string[]) => [...ids, "00000000-0000-4000-8000-000000000000"]],
  ])("refuses an order that %s, changing nothing", async (_why, build) => {
    const { listing, ids } = await listingWithImages(3);
    const error = await domainErrorOf(
      reorderListingImages(
        db,
        sellerId,
        listing.id,
        build(ids).filter((id): id is string => !!id),
      ),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect((await imageRows(listing.id)).map((r) => r.id)).toEqual(ids);
  });

  it("answers NOT_FOUND for another seller's listing", async () => {
    const { listing, ids } = await listingWithImages(2);
    const error = await domainErrorOf(reorderListingImages(db, otherSellerId, listing.id, [...ids].reverse()));
    expect(error.code).toBe("NOT_FOUND");
    expect((await imageRows(listing.id)).map((r) => r.id)).toEqual(ids);
  });
});

describe("editing and deleting images", () => {
  it("updates alt text only for the owner", async () => {
    const listing = await newListing();
    const image = await addListingImage(db, store, sellerId, listing.id, { bytes: await testImage(200, 200), name: "a.png" });
    expect((await domainErrorOf(updateListingImageAlt(db, otherSellerId, image.id, "Hijacked"))).code).toBe("NOT_FOUND");
    const updated = await updateListingImageAlt(db, sellerId, image.id, "Apron on a hook");
    expect(updated.alt).toBe("Apron on a hook");
  });

  it("deletes the row and its files for the owner only", async () => {
    const listing = await newListing();
    const image = await addListingImage(db, store, sellerId, listing.id, { bytes: await testImage(800, 600), name: "a.png" });
    expect((await domainErrorOf(deleteListingImage(db, store, otherSellerId, image.id))).code).toBe("NOT_FOUND");
    expect(await filesUnder(listing.id)).toHaveLength(2);

    await deleteListingImage(db, store, sellerId, image.id);
    expect(await imageRows(listing.id)).toEqual([]);
    expect(await filesUnder(listing.id)).toEqual([]);
  });
});

describe("saveSellerImage", () => {
  it("crops a logo to a 256×256 WebP and a banner to 1600×400", async () => {
    const logoKey = await saveSellerImage(store, sellerId, "logo", { bytes: await testImage(800, 600), name: "logo.png" });
    const bannerKey = await saveSellerImage(store, sellerId, "banner", { bytes: await testImage(800, 600), name: "banner.png" });
    const logo = await store.get(logoKey);
    const banner = await store.get(bannerKey);
    if (!logo || !banner) throw new Error("files missing");
    expect(await sharp(logo).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });
    expect(await sharp(banner).metadata()).toMatchObject({ format: "webp", width: 1600, height: 400 });
  });

  it("refuses a file that is not an image", async () => {
    const error = await domainErrorOf(
      saveSellerImage(store, sellerId, "logo", { bytes: Buffer.from("GIF89a but not really"), name: "logo.gif" }),
    );
    expect(error.fieldErrors).toHaveProperty("file");
  });
});
