"use client";

import { cn } from "@agora/ui/cn";
import { useState } from "react";
import { ImagePlaceholder, ListingImage } from "./listing-image";

export interface GalleryImage {
  id: string;
  storageKey: string;
  widths: number[];
  alt: string;
  width: number;
  height: number;
}

/** The main product image (loaded first, at high priority) with thumbnails to switch between photos. */
export function ProductGallery({ images, title }: { images: GalleryImage[]; title: string }) {
  const [index, setIndex] = useState(0);
  const main = images[index] ?? images[0];
  if (!main) {
    return (
      <div className="aspect-square overflow-hidden rounded-2xl border border-stone-200">
        <ImagePlaceholder label={`No photo of ${title} yet`} />
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="aspect-square overflow-hidden rounded-2xl border border-stone-200 bg-white">
        <ListingImage
          key={main.id}
          image={main}
          alt={main.alt || title}
          width={main.width}
          height={main.height}
          // The gallery column: 7/12 of the page from 1024 px (the page stops growing at 1280 px), else full width.
          sizes="(min-width: 1280px) 700px, (min-width: 1024px) 56vw, calc(100vw - 2rem)"
          preferredWidth={960}
          priority={index === 0}
          className="object-contain"
        />
      </div>
      {images.length > 1 && (
        <ul role="list" aria-label="Product photos" className="flex gap-2 overflow-x-auto pb-1">
          {images.map((image, i) => (
            <li key={image.id} className="shrink-0">
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-label={`Show photo ${i + 1} of ${images.length}`}
                aria-pressed={i === index}
                className={cn(
                  "block size-16 overflow-hidden rounded-lg border-2 bg-white sm:size-20",
                  i === index ? "border-ink" : "border-transparent ring-1 ring-stone-200 hover:ring-stone-400",
                )}
              >
                <ListingImage image={image} alt="" width={image.width} height={image.height} sizes="80px" preferredWidth={160} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
