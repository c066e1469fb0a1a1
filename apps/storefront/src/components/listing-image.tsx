import { imageSources, type StoredImage } from "@agora/core/image-urls";
import { cn } from "@agora/ui/cn";

/**
 * A catalog image as a plain <img>: responsive sources when the original was a raster, intrinsic
 * width/height so the box is reserved before it loads, lazy unless it is above the fold.
 */
export function ListingImage({
  image,
  alt,
  width,
  height,
  sizes,
  priority = false,
  eager = priority,
  preferredWidth,
  className,
}: {
  image: Pick<StoredImage, "storageKey" | "widths">;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  /** The largest image a visitor sees first: fetched at high priority (and preloaded). */
  priority?: boolean;
  /** Above the fold: loaded at once instead of lazily. */
  eager?: boolean;
  preferredWidth?: number;
  className?: string;
}) {
  const { src, srcSet } = imageSources(image, preferredWidth);
  return (
    <img
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      alt={alt}
      width={width}
      height={height}
      loading={eager ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding={eager ? "sync" : "async"}
      className={cn("block h-full w-full object-cover", className)}
    />
  );
}

/** Shown where a listing has no image yet, in the same box. */
export function ImagePlaceholder({ label, className }: { label: string; className?: string }) {
  return (
    <div role="img" aria-label={label} className={cn("flex h-full w-full items-center justify-center bg-stone-100 text-stone-400", className)}>
      <svg viewBox="0 0 24 24" className="size-10" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden>
        <rect x="3" y="4" width="18" height="16" rx="2" />
        <circle cx="9" cy="10" r="2" />
        <path d="m21 16-5-5-9 9" />
      </svg>
    </div>
  );
}
