import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Which listings' search documents to rewrite: the given ids, every listing ("all"), or the active
 * listings that have none yet ("missing", used after a bulk load).
 */
export type SearchDocumentScope = { listingIds: readonly string[] } | "all" | "missing";

function targetFor(scope: SearchDocumentScope): SQL {
  if (scope === "all") return sql`select l.id from listings l`;
  if (scope === "missing")
    return sql`select l.id from listings l where l.status = 'active' and not exists (select 1 from listing_search s where s.listing_id = l.id)`;
  return sql`select l.id from listings l where l.id = any(${`{${scope.listingIds.join(",")}}`}::uuid[])`;
}

/**
 * Rewrites the search documents of some listings so they match the catalog: an active listing gets its
 * document (words, prices, stock, pickup) inserted or replaced, any other listing loses it, and new
 * words join the spelling vocabulary (search_terms) and the list of every document word (search_lexemes). One statement, set-based, so it costs the same shape for one
 * listing in a seller's save as for 100,000 after a bulk load; callers run it inside the transaction
 * that changed the listings, so a search never sees a half-applied change.
 *
 * It lives in the db package because the seed writes documents too and must not depend on core;
 * core/search wraps it as refreshSearchDocument().
 */
export async function writeSearchDocuments(db: Db, scope: SearchDocumentScope): Promise<void> {
  if (typeof scope === "object") {
    if (scope.listingIds.length === 0) return;
    // Checkouts and cancellations rewrite the documents of overlapping sets of listings at once: taking
    // the rows' locks in one order first means two of them can never wait on each other.
    await db.execute(sql`
      select 1 from listing_search_text where listing_id = any(${`{${scope.listingIds.join(",")}}`}::uuid[])
      order by listing_id for update`);
  }
  await db.execute(sql`
    with recursive
    target as materialized (${targetFor(scope)}),
    category_names(id, names) as (
      select id, name from categories where parent_id is null
      union all
      select c.id, p.names || ' ' || c.name from categories c join category_names p on c.parent_id = p.id
    ),
    attribute_text as (
      select a.listing_id, string_agg(a.value, ' ' order by a.position) as text
      from listing_attributes a join target t on t.id = a.listing_id
      group by a.listing_id
    ),
    option_text as (
      select v.listing_id, string_agg(distinct o.value ->> 'value', ' ') as text
      from variants v join target t on t.id = v.listing_id cross join jsonb_array_elements(v.options) o
      group by v.listing_id
    ),
    stock as (
      select v.listing_id,
        sum(greatest(sl.on_hand - sl.reserved, 0))::int as available,
        bool_or(loc.pickup_enabled and sl.on_hand > sl.reserved) as pickup
      from variants v join target t on t.id = v.listing_id
      join stock_levels sl on sl.variant_id = v.id
      join stock_locations loc on loc.id = sl.location_id
      group by v.listing_id
    ),
    removed as (
      -- The words go with it (on delete cascade).
      delete from listing_search s using target t
      where s.listing_id = t.id and not exists (select 1 from listings l where l.id = t.id and l.status = 'active')
    ),
    docs as (
      select l.id, l.seller_id, l.category_id, l.min_price_minor,
        coalesce(l.published_at, l.created_at) as published_at,
        lower(unaccent(l.title)) as title_text,
        lower(unaccent(concat_ws(' ', l.brand, cn.names))) as brand_category_text,
        lower(unaccent(concat_ws(' ', at.text, ot.text))) as detail_text,
        lower(unaccent(l.description)) as description_text,
        coalesce(st.available, 0) as available,
        coalesce(st.pickup, false) as pickup,
        (select r.rating_sum::real / r.review_count from listing_ratings r where r.listing_id = l.id and r.review_count > 0) as rating_average
      from listings l
      join target t on t.id = l.id
      join category_names cn on cn.id = l.category_id
      left join attribute_text at on at.listing_id = l.id
      left join option_text ot on ot.listing_id = l.id
      left join stock st on st.listing_id = l.id
      where l.status = 'active'
    ),
    written as (
      insert into listing_search as s (listing_id, seller_id, category_id, price_minor, available, pickup_available,
        rating_average, published_at, refreshed_at)
      select id, seller_id, category_id, min_price_minor, available, pickup, rating_average, published_at, now()
      from docs
      on conflict (listing_id) do update set
        seller_id = excluded.seller_id, category_id = excluded.category_id, price_minor = excluded.price_minor,
        available = excluded.available, pickup_available = excluded.pickup_available,
        rating_average = excluded.rating_average, published_at = excluded.published_at, refreshed_at = excluded.refreshed_at
    ),
    vectors as materialized (
      select docs.id, ranked.words as rank_document, ranked.words || setweight(to_tsvector('simple', docs.description_text), 'D') as document
      from docs
      cross join lateral (
        select setweight(to_tsvector('simple', docs.title_text), 'A')
          || setweight(to_tsvector('simple', docs.brand_category_text), 'B')
          || setweight(to_tsvector('simple', docs.detail_text), 'C') as words
      ) ranked
    ),
    written_text as (
      -- With a copy of the columns above, so a text search never looks listing_search up per match.
      -- Relevance ranks on the title, brand, category and attribute words (rank_document); the description
      -- only makes a listing match.
      insert into listing_search_text as s (listing_id, document, rank_document, search_text, seller_id, category_id, price_minor,
        available, pickup_available, rating_average, published_at)
      select docs.id, v.document, v.rank_document,
        title_text || ' ' || brand_category_text,
        seller_id, category_id, min_price_minor, available, pickup, rating_average, published_at
      from docs join vectors v on v.id = docs.id
      on conflict (listing_id) do update set
        document = excluded.document, rank_document = excluded.rank_document, search_text = excluded.search_text, seller_id = excluded.seller_id,
        category_id = excluded.category_id, price_minor = excluded.price_minor, available = excluded.available,
        pickup_available = excluded.pickup_available, rating_average = excluded.rating_average, published_at = excluded.published_at
    ),
    written_lexemes as (
      -- Every word of the documents, for spelling a query's prefixes out into whole words (search_lexemes).
      -- Only the new ones are inserted, sorted like the terms below.
      insert into search_lexemes (lexeme)
      select distinct w.lexeme
      from vectors v cross join lateral unnest(tsvector_to_array(v.document)) as w(lexeme)
      where not exists (select 1 from search_lexemes sl where sl.lexeme = w.lexeme)
      order by w.lexeme
      on conflict (lexeme) do nothing
    )
    -- Sorted, so concurrent saves adding the same new words take their locks in one order.
    insert into search_terms (term)
    select distinct word
    from docs cross join lateral regexp_split_to_table(docs.title_text || ' ' || docs.brand_category_text || ' ' || docs.detail_text, '[^[:alnum:]]+') as word
    where length(word) between 3 and 40 and word !~ '^[0-9]+$'
    order by word
    on conflict (term) do nothing`);
}
