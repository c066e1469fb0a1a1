import { and, eq, inArray, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { listingCardColumns, type ListingCard } from "../catalog/browse";

const { listings, sellers } = schema;

/** A product card in community text: price and stock as they are now. */
export type LiveListingCard = ListingCard;

/**
 * Live cards for the listings written as `[[product:slug]]` (active listings of approved stores only;
 * a slug that is unknown, archived or from a suspended store is simply absent from the map).
 */
export async function liveListingCards(db: Db, slugs: string[]): Promise<Map<string, LiveListingCard>> {
  const wanted = [...new Set(slugs.map((s) => s.toLowerCase()))].slice(0, 100);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select(listingCardColumns)
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(and(eq(listings.status, "active"), sql`${sellers.status} = 'approved'`, inArray(sql`lower(${listings.slug}::text)`, wanted)));
  return new Map(rows.map((r) => [r.slug.toLowerCase(), r]));
}

/** Active listings by slug, for recording which listings a post mentions. */
export async function activeListingIdsBySlug(db: Db, slugs: string[]): Promise<{ id: string; slug: string }[]> {
  const wanted = [...new Set(slugs.map((s) => s.toLowerCase()))].slice(0, 100);
  if (wanted.length === 0) return [];
  return db
    .select({ id: listings.id, slug: listings.slug })
    .from(listings)
    .where(and(eq(listings.status, "active"), inArray(sql`lower(${listings.slug}::text)`, wanted)));
}
