import type { ListingCard } from "@agora/core";
import { stockLabel, stockState } from "@agora/core/stock";
import { cn } from "@agora/ui/cn";
import { Price } from "@agora/ui/price";
import Link from "next/link";
import { ImagePlaceholder, ListingImage } from "./listing-image";

const cardSizes = "(min-width: 1280px) 280px, (min-width: 1024px) 23vw, (min-width: 640px) 31vw, 48vw";

/**
 * A product in a grid. The title is the link (stretched over the card), so the card's accessible
 * name is the listing title; the seller link sits above it.
 */
export function ProductCard({ item, priority = false, headingLevel = 3 }: { item: ListingCard; priority?: boolean; headingLevel?: 2 | 3 }) {
  const stock = stockState(item.available);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md">
      <div className="relative aspect-square overflow-hidden bg-stone-100">
        {item.image ? (
          <ListingImage
            image={item.image}
            alt=""
            width={600}
            height={600}
            sizes={cardSizes}
            preferredWidth={480}
            priority={priority}
            className={cn("transition-transform duration-300 group-hover:scale-[1.03]", stock.kind === "out_of_stock" && "opacity-60 grayscale")}
          />
        ) : (
          <ImagePlaceholder label="No photo yet" />
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3 sm:p-4">
        {item.brand && <p className="truncate text-xs font-medium tracking-wide text-muted uppercase">{item.brand}</p>}
        <Heading className="line-clamp-2 text-sm leading-snug font-medium text-ink sm:text-[15px]">
          <Link href={`/p/${item.slug}`} className="outline-none after:absolute after:inset-0 after:content-['']">
            {item.title}
          </Link>
        </Heading>
        <div className="mt-auto space-y-1 pt-1">
          <Price amountMinor={item.priceMinor} compareAtMinor={item.compareAtMinor} currency={item.currency} className="text-[15px]" />
          {stock.kind === "low_stock" && <p className="text-xs font-medium text-amber-800">{stockLabel(stock)}</p>}
          {stock.kind === "out_of_stock" && <p className="text-xs font-medium text-stone-500">{stockLabel(stock)}</p>}
          <p className="truncate text-xs text-muted">
            Sold by{" "}
            <Link href={`/s/${item.sellerSlug}`} className="relative z-10 font-medium text-stone-700 underline-offset-2 hover:underline">
              {item.sellerName}
            </Link>
          </p>
        </div>
      </div>
    </article>
  );
}

/** A responsive grid of product cards; the first row loads eagerly because it is above the fold. */
export function ProductGrid({ items, label, eagerFirstRow = false }: { items: ListingCard[]; label?: string; eagerFirstRow?: boolean }) {
  return (
    <ul role="list" aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
      {items.map((item, i) => (
        <li key={item.id}>
          <ProductCard item={item} priority={eagerFirstRow && i < 4} />
        </li>
      ))}
    </ul>
  );
}
