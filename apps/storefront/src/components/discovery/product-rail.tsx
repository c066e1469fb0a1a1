import type { ListingCard } from "@agora/core";
import { cn } from "@agora/ui/cn";
import { ProductCard } from "../product-card";
import { RailScroller } from "./rail-scroller";

/**
 * A recommendation row: a section with a heading and a sideways-scrolling list of product cards, about
 * two cards wide on phones and four on desktops. Images load lazily: these rows sit below the fold.
 */
export function ProductRail({
  id,
  title,
  description,
  items,
  className,
}: {
  /** Unique per page (carry the listing id on product pages: earlier pages stay mounted after navigation). */
  id: string;
  title: string;
  description?: string;
  items: ListingCard[];
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={cn("min-w-0", className)}>
      <RailScroller headingId={id} title={title} description={description}>
        {items.map((item) => (
          <li key={item.id} className="w-[44%] shrink-0 snap-start sm:w-[30%] lg:w-[calc((100%-3rem)/4)]">
            <ProductCard item={item} />
          </li>
        ))}
      </RailScroller>
    </section>
  );
}

/** Holds a client-fetched row's place while it loads, the same height as the row. */
export function RailSkeleton({ title }: { title: string }) {
  return (
    <div aria-busy="true">
      <span className="sr-only" role="status">
        Loading {title.toLowerCase()}…
      </span>
      <div aria-hidden className="mb-4 h-7 w-48 animate-pulse rounded bg-stone-200/70" />
      <div aria-hidden className="flex gap-3 overflow-hidden sm:gap-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="w-[44%] shrink-0 overflow-hidden rounded-xl border border-stone-200 bg-white sm:w-[30%] lg:w-[calc((100%-3rem)/4)]">
            <div className="aspect-square animate-pulse bg-stone-100" />
            <div className="space-y-2 p-3 sm:p-4">
              <div className="h-4 w-full animate-pulse rounded bg-stone-200/70" />
              <div className="h-4 w-20 animate-pulse rounded bg-stone-200/70" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
