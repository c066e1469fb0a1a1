/** How a stored listing image becomes URLs: vector originals are one file, rasters have one file per width. */
export interface StoredImage {
  storageKey: string;
  widths: number[];
  alt: string;
}

export const MEDIA_PREFIX = "/media/";

export function imageFileKey(image: Pick<StoredImage, "storageKey" | "widths">, width?: number): string {
  if (image.widths.length === 0) return `${image.storageKey}.svg`;
  const w = width && image.widths.includes(width) ? width : Math.max(...image.widths);
  return `${image.storageKey}-${w}.webp`;
}

export function imageSources(image: Pick<StoredImage, "storageKey" | "widths">, preferredWidth = 640) {
  if (image.widths.length === 0) return { src: MEDIA_PREFIX + imageFileKey(image), srcSet: undefined };
  const sorted = [...image.widths].sort((a, b) => a - b);
  const src = MEDIA_PREFIX + imageFileKey(image, sorted.find((w) => w >= preferredWidth) ?? sorted[sorted.length - 1]);
  return { src, srcSet: sorted.map((w) => `${MEDIA_PREFIX}${imageFileKey(image, w)} ${w}w`).join(", ") };
}

export function mediaUrl(key: string | null | undefined): string | null {
  return key ? MEDIA_PREFIX + key : null;
}
