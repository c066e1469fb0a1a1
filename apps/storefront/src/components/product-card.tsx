"use client";

import type { ListingCard } from "@agora/core";
import { stockLabel, stockState } from "@agora/core/stock";
import { Price } from "@agora/ui/price";
import { ImagePlaceholder, ListingImage } from "./listing-image";
import { PaintedLink } from "./painted-link";
import { RatingLine } from "./reviews/stars";

const cardSizes = "(min-width: 1280px) 280px, (min-width: 1024px) 23vw, (min-width: 640px) 31vw, 48vw";

/**
 * A product in a grid. The title is the link (stretched over the card), so the card's accessible
 * name is the listing title; the seller link sits above it.
 *
 * A client component only so that the page data carries each card's dozen fields instead of its
 * whole element tree: the HTML is rendered on the server all the same, and a grid of 24 cards is
 * about 20 KB lighter per page (most of a category page's weight beyond the shared header).
 */
export function ProductCard({
  item,
  priority = false,
  eager = priority,
  headingLevel = 3,
  showSeller = true,
}: {
  item: ListingCard;
  /** Fetched first (high priority): the card is among the first things a visitor sees. */
  priority?: boolean;
  /** Loaded at once rather than when scrolled near: the card is above the fold. */
  eager?: boolean;
  headingLevel?: 2 | 3;
  showSeller?: boolean;
}) {
  const stock = stockState(item.available);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      <div className="card-media">
        {item.image ? (
          <ListingImage
            image={item.image}
            alt=""
            width={600}
            height={600}
            sizes={cardSizes}
            preferredWidth={480}
            priority={priority}
            eager={eager}
            className={stock.kind === "out_of_stock" ? "sold-out" : undefined}
          />
        ) : (
          <ImagePlaceholder label="No photo yet" />
        )}
      </div>
      <div className="card-body">
        {item.featured && <p className="card-featured">Featured</p>}
        {item.brand && <p className="card-brand">{item.brand}</p>}
        <Heading className="card-title">
          <PaintedLink href={`/p/${item.slug}`}>{item.title}</PaintedLink>
        </Heading>
        <div className="card-meta">
          <Price amountMinor={item.priceMinor} compareAtMinor={item.compareAtMinor} currency={item.currency} className="text-[15px]" />
          {item.rating && <RatingLine average={item.rating.average} count={item.rating.count} />}
          {stock.kind !== "in_stock" && <p className={stock.kind === "out_of_stock" ? "card-stock out" : "card-stock"}>{stockLabel(stock)}</p>}
          {showSeller && (
            <p className="card-seller">
              Sold by <PaintedLink href={`/s/${item.sellerSlug}`}>{item.sellerName}</PaintedLink>
            </p>
          )}
        </div>
      </div>
    </article>
  );
}

/**
 * A responsive grid of product cards. With `eagerFirstRow`, the first row (four cards on desktops, two
 * rows of two on phones) loads at once, and the first two images, visible on every screen, come first.
 */
export function ProductGrid({
  items,
  label,
  eagerFirstRow = false,
  showSeller = true,
}: {
  items: ListingCard[];
  label?: string;
  eagerFirstRow?: boolean;
  showSeller?: boolean;
}) {
  return (
    <ul role="list" aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
      {items.map((item, i) => (
        <li key={item.id}>
          <ProductCard item={item} priority={eagerFirstRow && i < 2} eager={eagerFirstRow && i < 4} showSeller={showSeller} />
        </li>
      ))}
    </ul>
  );
}
