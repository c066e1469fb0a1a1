import { eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";

const { listingViews } = schema;

/** How many viewed listings are remembered per shopper; older ones are forgotten. */
export const VIEWS_KEPT_PER_SHOPPER = 50;

/**
 * Remembers that a signed-in shopper looked at a listing (a repeat visit moves it to the front) and
 * forgets the views beyond the newest VIEWS_KEPT_PER_SHOPPER. Only active listings are remembered.
 * The catalog's popularity counter is separate (catalog/browse.ts recordListingView).
 */
export async function recordShopperView(db: Db, userId: string, listingId: string, now: Date = new Date()): Promise<void> {
  const inserted = await db.execute<{ listing_id: string }>(sql`
    insert into listing_views (user_id, listing_id, viewed_at)
    select ${userId}::uuid, l.id, ${now.toISOString()}::timestamptz from listings l
    where l.id = ${listingId}::uuid and l.status = 'active'
    on conflict (user_id, listing_id) do update set viewed_at = greatest(listing_views.viewed_at, excluded.viewed_at)
    returning listing_id`);
  if (!inserted.length) return;
  await db.execute(sql`
    delete from listing_views lv
    where lv.user_id = ${userId}
      and lv.listing_id not in (
        select keep.listing_id from listing_views keep where keep.user_id = ${userId}
        order by keep.viewed_at desc, keep.listing_id limit ${VIEWS_KEPT_PER_SHOPPER}
      )`);
}

/** Forgets everything the shopper viewed. */
export async function clearShopperViews(db: Db, userId: string): Promise<void> {
  await db.delete(listingViews).where(eq(listingViews.userId, userId));
}
