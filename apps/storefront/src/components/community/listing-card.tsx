import { liveListingCards, type LiveListingCard } from "@agora/core";
import { stockLabel, stockState } from "@agora/core/stock";
import { getDb } from "@agora/db";
import { Price } from "@agora/ui/price";
import Link from "next/link";
import { ImagePlaceholder, ListingImage } from "../listing-image";

/** Live cards for these slugs (price and stock as they are now), fetched in one query. */
export function loadListingCards(slugs: string[]): Promise<Map<string, LiveListingCard>> {
  return liveListingCards(getDb(), slugs);
}

/**
 * A product written as `[[product:slug]]` in community text: a compact card with today's price and
 * stock. Pass `card` when the page already loaded it (one query for every card on the page); otherwise
 * it is read here. A listing that is gone or no longer on sale says so instead of disappearing.
 * Reads the database: render it inside a per-request (or `use cache`) boundary.
 */
export async function ListingCard({ slug, card }: { slug: string; card?: LiveListingCard | null }) {
  const item = card === undefined ? (await loadListingCards([slug])).get(slug.toLowerCase()) : card;
  if (!item)
    return (
      <div className="my-3 rounded-xl border border-dashed border-stone-300 px-4 py-3 text-sm text-muted" data-listing-card-missing={slug}>
        This product is no longer available.
      </div>
    );
  const stock = stockState(item.available);
  return (
    <article className="relative my-3 flex max-w-md items-center gap-3 rounded-xl border border-stone-200 bg-white p-3 shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:border-stone-300" data-listing-card={item.slug}>
      <div className="size-20 shrink-0 overflow-hidden rounded-lg bg-stone-100">
        {item.image ? (
          <ListingImage image={item.image} alt="" width={160} height={160} sizes="80px" preferredWidth={160} className="size-full object-cover" />
        ) : (
          <ImagePlaceholder label="No photo" />
        )}
      </div>
      <div className="min-w-0 flex-1">
        <h3 className="truncate text-sm font-semibold text-ink">
          <Link href={`/p/${item.slug}`} className="after:absolute after:inset-0 focus:outline-none">
            {item.title}
          </Link>
        </h3>
        <p className="truncate text-xs text-muted">{item.sellerName}</p>
        <div className="mt-1 flex flex-wrap items-baseline gap-x-3">
          <Price amountMinor={item.priceMinor} compareAtMinor={item.compareAtMinor} currency={item.currency} className="text-sm" />
          <span className={stock.kind === "out_of_stock" ? "text-xs font-medium text-red-700" : stock.kind === "low_stock" ? "text-xs font-medium text-amber-800" : "text-xs text-emerald-700"}>
            {stockLabel(stock)}
          </span>
        </div>
      </div>
    </article>
  );
}
