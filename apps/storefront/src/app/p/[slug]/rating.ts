import "server-only";
import { cacheTags, listingRatingSummary } from "@agora/core";
import { getDb } from "@agora/db";
import { cacheLife, cacheTag } from "next/cache";

/** The listing's rating for the cached page shell: a review change expires the listing's tag. */
export async function cachedListingRating(listingId: string) {
  "use cache";
  cacheLife({ stale: 300, revalidate: 60 * 60, expire: 60 * 60 * 24 * 365 });
  cacheTag(cacheTags.listing(listingId));
  return listingRatingSummary(getDb(), listingId);
}
