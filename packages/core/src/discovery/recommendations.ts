import { sql, type Db, type SQL } from "@agora/db";
import { DEFAULT_RECOMMENDATIONS } from "@agora/validators";
import { recommendable, recommendedCards, shopperCountry, type RecommendedListing } from "./availability";
import { getPersonalisationConsent } from "./consent";
import { applyPins, pinnedListingsFor } from "./merchandising";

/**
 * Recommendation rows. Each ranks candidate ids in one SQL statement that already applies the
 * `recommendable` rule (in stock, active, approved seller, deliverable), then reads the cards.
 */

export interface RecommendationOptions {
  limit?: number;
  /** The shopper's country; null when unknown (see `recommendable`). */
  shipTo?: string | null;
}

export interface ShopperRecommendationOptions {
  limit?: number;
  /** e.g. the product on screen. */
  excludeListingId?: string | null;
  now?: Date;
}

/** Orders that count as purchases: confirmed and not cancelled (an unpaid checkout is not a purchase). */
const purchased = (orders: SQL) => sql`${orders}.status in ('placed', 'accepted', 'shipped', 'delivered')`;
const o = sql.raw("o");

async function rankedIds(db: Db, statement: SQL): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(statement);
  return rows.map((r) => r.id);
}

/**
 * "Customers also bought" must never tell someone what one shopper bought. The listing's seller knows
 * exactly who bought it (they shipped the orders): a row built from one or two of those customers would
 * list their other purchases, from any store. So a listing shows the row only once this many shoppers
 * bought it, and each listing in the row was bought by at least MIN_SHARED_BUYERS of them; none of its
 * entries can then be pinned on any one customer.
 */
export const MIN_LISTING_BUYERS = 6;
export const MIN_SHARED_BUYERS = 3;

/**
 * "Customers who bought this also bought": listings bought by the shoppers who bought this one (in any
 * of their orders), ranked by how many of those shoppers bought them, then by popularity; only with
 * enough shoppers behind each entry (see MIN_LISTING_BUYERS).
 */
export async function alsoBought(db: Db, listingId: string, options: RecommendationOptions = {}): Promise<RecommendedListing[]> {
  const limit = options.limit ?? DEFAULT_RECOMMENDATIONS;
  const shipTo = options.shipTo ?? null;
  const ids = await rankedIds(
    db,
    sql`
      with buyers as (
        select distinct o.buyer_id from order_lines ol join orders o on o.id = ol.order_id
        where ol.listing_id = ${listingId} and o.buyer_id is not null and ${purchased(o)}
      ),
      co_purchases as (
        select ol.listing_id, count(distinct o.buyer_id) as buyers
        from buyers b
        join orders o on o.buyer_id = b.buyer_id
        join order_lines ol on ol.order_id = o.id
        where ${purchased(o)} and ol.listing_id is not null and ol.listing_id <> ${listingId}
          and (select count(*) from buyers) >= ${MIN_LISTING_BUYERS}
        group by ol.listing_id
        having count(distinct o.buyer_id) >= ${MIN_SHARED_BUYERS}
      )
      select listings.id from co_purchases cp
      join listings on listings.id = cp.listing_id
      join sellers on sellers.id = listings.seller_id
      where ${recommendable(shipTo)}
      order by cp.buyers desc, listings.view_count desc, listings.id
      limit ${limit}`,
  );
  return recommendedCards(db, ids, shipTo);
}

/** How far a similar item's lowest price may be from this one's: ±40%. */
export const SIMILAR_PRICE_BAND = 0.4;

/**
 * "Similar items": listings in the same category or a close one (its parent, sibling or child
 * categories), within the price band, ranked by category closeness, shared attributes (name and value,
 * plus the brand), nearness in price, then popularity.
 */
export async function similar(db: Db, listingId: string, options: RecommendationOptions = {}): Promise<RecommendedListing[]> {
  const limit = options.limit ?? DEFAULT_RECOMMENDATIONS;
  const shipTo = options.shipTo ?? null;
  const ids = await rankedIds(
    db,
    sql`
      with source as (
        select l.id, l.category_id, l.min_price_minor as price, lower(l.brand) as brand, c.parent_id
        from listings l join categories c on c.id = l.category_id
        where l.id = ${listingId}
      ),
      family as (
        select c.id as category_id, case when c.id = s.category_id then 2 else 1 end as closeness
        from categories c, source s
        where c.id = s.category_id
          or c.parent_id = s.category_id
          or (s.parent_id is not null and (c.id = s.parent_id or c.parent_id = s.parent_id))
      ),
      source_attributes as (
        select lower(a.name) as name, lower(a.value) as value from listing_attributes a where a.listing_id = ${listingId}
      )
      select listings.id from source s
      join family f on true
      join listings on listings.category_id = f.category_id
      join sellers on sellers.id = listings.seller_id
      where listings.id <> s.id
        and listings.min_price_minor between floor(s.price * ${1 - SIMILAR_PRICE_BAND}::numeric) and ceil(s.price * ${1 + SIMILAR_PRICE_BAND}::numeric)
        and ${recommendable(shipTo)}
      order by
        f.closeness desc,
        (select count(*) from listing_attributes a join source_attributes sa on sa.name = lower(a.name) and sa.value = lower(a.value)
          where a.listing_id = listings.id)
          + (case when s.brand is not null and lower(listings.brand) = s.brand then 1 else 0 end) desc,
        abs(listings.min_price_minor - s.price),
        listings.view_count desc,
        listings.id
      limit ${limit}`,
  );
  return recommendedCards(db, ids, shipTo);
}

/** The shopper's recently viewed listings that are still recommendable, latest first. */
export async function recentlyViewed(db: Db, userId: string, options: ShopperRecommendationOptions = {}): Promise<RecommendedListing[]> {
  const limit = options.limit ?? DEFAULT_RECOMMENDATIONS;
  const shipTo = await shopperCountry(db, userId);
  const ids = await rankedIds(
    db,
    sql`
      select listings.id from listing_views lv
      join listings on listings.id = lv.listing_id
      join sellers on sellers.id = listings.seller_id
      where lv.user_id = ${userId}
        ${options.excludeListingId ? sql`and listings.id <> ${options.excludeListingId}` : sql``}
        and ${recommendable(shipTo)}
      order by lv.viewed_at desc, listings.id
      limit ${limit}`,
  );
  return recommendedCards(db, ids, shipTo);
}

/** Purchases weigh more than views when working out what a shopper is interested in. */
const PURCHASE_WEIGHT = 3;
const VIEW_WEIGHT = 1;

/** The categories and sellers a shopper engages with (views and purchases), strongest first. */
export async function shopperInterests(db: Db, userId: string): Promise<{ categoryIds: string[]; sellerIds: string[] }> {
  const rows = await db.execute<{ kind: "category" | "seller"; id: string }>(sql`
    with bought as (
      select ol.category_id, o.seller_id from orders o join order_lines ol on ol.order_id = o.id
      where o.buyer_id = ${userId} and ${purchased(o)}
    ),
    viewed as (
      select l.category_id, l.seller_id from listing_views lv join listings l on l.id = lv.listing_id where lv.user_id = ${userId}
    ),
    signals as (
      select category_id, seller_id, ${PURCHASE_WEIGHT}::int as weight from bought
      union all
      select category_id, seller_id, ${VIEW_WEIGHT}::int from viewed
    )
    select 'category' as kind, category_id as id, sum(weight) as weight from signals where category_id is not null group by category_id
    union all
    select 'seller', seller_id, sum(weight) from signals group by seller_id
    order by kind, weight desc, id`);
  return {
    categoryIds: rows.filter((r) => r.kind === "category").map((r) => r.id),
    sellerIds: rows.filter((r) => r.kind === "seller").map((r) => r.id),
  };
}

/**
 * "For you", only for a shopper who allowed personalisation (otherwise nothing, and nothing is read):
 * listings from the categories and sellers the shopper viewed or bought from, weighted (purchases count
 * more, categories more than sellers), never what they already bought; listings they have not looked at
 * yet come first. Home-page pins for shoppers browsing one of those categories are applied.
 */
export async function forYou(db: Db, userId: string, options: ShopperRecommendationOptions = {}): Promise<RecommendedListing[]> {
  if (!(await getPersonalisationConsent(db, userId))) return [];
  const limit = options.limit ?? DEFAULT_RECOMMENDATIONS;
  const now = options.now ?? new Date();
  const [shipTo, interests] = await Promise.all([shopperCountry(db, userId), shopperInterests(db, userId)]);
  if (!interests.categoryIds.length && !interests.sellerIds.length) return [];

  const ids = await rankedIds(
    db,
    sql`
      with bought as (
        select ol.listing_id, ol.category_id, o.seller_id from orders o join order_lines ol on ol.order_id = o.id
        where o.buyer_id = ${userId} and ${purchased(o)}
      ),
      viewed as (
        select l.id as listing_id, l.category_id, l.seller_id from listing_views lv join listings l on l.id = lv.listing_id
        where lv.user_id = ${userId}
      ),
      category_interest as (
        select category_id, sum(weight) as weight from (
          select category_id, ${PURCHASE_WEIGHT}::int as weight from bought where category_id is not null
          union all select category_id, ${VIEW_WEIGHT}::int from viewed
        ) s group by category_id
      ),
      seller_interest as (
        select seller_id, sum(weight) as weight from (
          select seller_id, ${PURCHASE_WEIGHT}::int as weight from bought
          union all select seller_id, ${VIEW_WEIGHT}::int from viewed
        ) s group by seller_id
      ),
      candidates as (
        select l.id from listings l where l.status = 'active' and l.category_id in (select category_id from category_interest)
        union
        select l.id from listings l where l.status = 'active' and l.seller_id in (select seller_id from seller_interest)
      )
      select listings.id from candidates c
      join listings on listings.id = c.id
      join sellers on sellers.id = listings.seller_id
      left join category_interest ci on ci.category_id = listings.category_id
      left join seller_interest si on si.seller_id = listings.seller_id
      where listings.id not in (select listing_id from bought where listing_id is not null)
        ${options.excludeListingId ? sql`and listings.id <> ${options.excludeListingId}` : sql``}
        and ${recommendable(shipTo)}
      order by
        exists (select 1 from viewed v where v.listing_id = listings.id),
        2 * coalesce(ci.weight, 0) + coalesce(si.weight, 0) desc,
        listings.view_count desc,
        listings.id
      limit ${limit}`,
  );
  const organic = await recommendedCards(db, ids, shipTo);
  const pins = await pinnedListingsFor(db, { kind: "home_carousel" }, now, {
    shipTo,
    browsedCategoryIds: interests.categoryIds,
    segments: ["category_browsers"],
  });
  const excluded = new Set(options.excludeListingId ? [options.excludeListingId] : []);
  return applyPins(
    organic,
    pins.filter((p) => !excluded.has(p.card.id)).map((p) => ({ position: p.position, item: p.card })),
    limit,
  );
}

/** How far back sales count towards "best sellers". */
export const BEST_SELLER_DAYS = 30;

/**
 * The organic list of a merchandised carousel: the best sellers of the last 30 days (by distinct buyers),
 * then the most viewed; optionally within categories (a category page includes its subcategories).
 */
export async function bestSellers(
  db: Db,
  options: { limit?: number; shipTo?: string | null; categoryIds?: readonly string[] | null; now?: Date } = {},
): Promise<RecommendedListing[]> {
  const limit = options.limit ?? DEFAULT_RECOMMENDATIONS;
  const shipTo = options.shipTo ?? null;
  const now = options.now ?? new Date();
  const categoryIds = options.categoryIds ?? null;
  if (categoryIds && !categoryIds.length) return [];
  const inCategories = categoryIds
    ? sql`and listings.category_id in (${sql.join(
        categoryIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const since = new Date(now.getTime() - BEST_SELLER_DAYS * 86_400_000).toISOString();
  // Two cheap queries instead of one sort over the whole catalog: the (few) recent sellers, then the
  // most viewed through the popularity index, which stops as soon as enough listings qualify.
  const [selling, viewed] = await Promise.all([
    rankedIds(
      db,
      sql`
        with sales as (
          select ol.listing_id, count(distinct o.buyer_id) as buyers from orders o join order_lines ol on ol.order_id = o.id
          where ${purchased(o)} and o.placed_at >= ${since}::timestamptz and ol.listing_id is not null
          group by ol.listing_id
        )
        select listings.id from sales
        join listings on listings.id = sales.listing_id
        join sellers on sellers.id = listings.seller_id
        where ${recommendable(shipTo)} ${inCategories}
        order by sales.buyers desc, listings.view_count desc, listings.id
        limit ${limit}`,
    ),
    rankedIds(
      db,
      sql`
        select listings.id from listings
        join sellers on sellers.id = listings.seller_id
        where ${recommendable(shipTo)} ${inCategories}
        order by listings.view_count desc, listings.published_at desc, listings.id
        limit ${limit * 2}`,
    ),
  ]);
  const ids = [...new Set([...selling, ...viewed])].slice(0, limit);
  return recommendedCards(db, ids, shipTo);
}
