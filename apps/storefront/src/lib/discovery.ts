import "server-only";
import { alsoBought, applyPins, bestSellers, cacheTags, merchandisingTags, nextMerchandisingChange, pinnedListingsFor, similar, type RecommendedListing } from "@agora/core";
import { getDb } from "@agora/db";
import { cacheLife, cacheTag } from "next/cache";
import { ROW_LENGTH } from "~/components/discovery/row-length";

/**
 * Cached recommendation rows for catalog pages, which are the same for every visitor: they are worked
 * out for a shopper whose country is unknown (anything obtainable somewhere). Each row is tagged with
 * the listings and sellers it shows, so a sale, a restock or a seller change expires it with the page.
 * Rows that depend on the shopper (recently viewed, for you) are fetched by the browser instead.
 */

const HOUR = 60 * 60;

function tagCards(items: RecommendedListing[]) {
  cacheTag(...items.flatMap((i) => [cacheTags.listing(i.id), cacheTags.seller(i.sellerId)]));
}

/** Hourly like the catalog, or sooner when a pin starts or ends before then. */
export function lifetimeUntil(nextChange: Date | null, now: Date) {
  const untilChange = nextChange ? Math.ceil((nextChange.getTime() - now.getTime()) / 1000) : HOUR;
  const revalidate = Math.min(HOUR, Math.max(60, untilChange));
  cacheLife({ stale: Math.min(300, revalidate), revalidate, expire: 365 * 24 * HOUR });
}

export async function cachedAlsoBought(listingId: string) {
  "use cache";
  cacheLife({ stale: 300, revalidate: HOUR, expire: 365 * 24 * HOUR });
  // An order for this listing (which changes who bought it) expires its tag.
  cacheTag(cacheTags.listing(listingId));
  const items = await alsoBought(getDb(), listingId, { limit: ROW_LENGTH });
  tagCards(items);
  return items;
}

export async function cachedSimilar(listingId: string, categoryId: string) {
  "use cache";
  cacheLife({ stale: 300, revalidate: HOUR, expire: 365 * 24 * HOUR });
  // A listing added to or removed from the category changes the candidates.
  cacheTag(cacheTags.listing(listingId), cacheTags.category(categoryId));
  const items = await similar(getDb(), listingId, { limit: ROW_LENGTH });
  tagCards(items);
  return items;
}

/** The home page carousel: best sellers, with the pins for everyone at their positions. */
export async function cachedHomeCarousel() {
  "use cache";
  cacheTag(cacheTags.catalog, merchandisingTags.home);
  const db = getDb();
  const now = new Date();
  const [organic, pins, nextChange] = await Promise.all([
    bestSellers(db, { limit: ROW_LENGTH * 2, now }),
    pinnedListingsFor(db, { kind: "home_carousel" }, now, { segments: ["everyone"] }),
    nextMerchandisingChange(db, now, { kind: "home_carousel" }),
  ]);
  lifetimeUntil(nextChange, now);
  const items = applyPins(organic, pins.map((p) => ({ position: p.position, item: p.card })), ROW_LENGTH * 2);
  tagCards(items);
  return items;
}

/**
 * A category page's featured row: shown only while someone pinned a listing there; the pins at their
 * positions among the category's best sellers (subcategories included).
 */
export async function cachedCategoryCarousel(categoryId: string, categoryIds: string[]) {
  "use cache";
  cacheTag(cacheTags.category(categoryId), merchandisingTags.category(categoryId));
  const db = getDb();
  const now = new Date();
  const [pins, nextChange] = await Promise.all([pinnedListingsFor(db, { kind: "category", categoryId }, now), nextMerchandisingChange(db, now, { kind: "category", categoryId })]);
  lifetimeUntil(nextChange, now);
  if (!pins.length) return [];
  const organic = await bestSellers(db, { limit: ROW_LENGTH, categoryIds, now });
  const items = applyPins(organic, pins.map((p) => ({ position: p.position, item: p.card })), ROW_LENGTH);
  tagCards(items);
  return items;
}
