import { sql, writeSearchDocuments, type Db, type SQL } from "@agora/db";
import {
  DELIVERY_WITHIN_DAYS,
  PRICE_BUCKETS,
  RATING_FACET_STARS,
  type DeliveryWithinDays,
  type SearchInput,
  type SearchResult,
  type SearchSort,
  type Suggestions,
} from "@agora/validators";
import { decodeCursor, encodeCursor, type SearchCursor } from "./cursor";
import type { SearchEngine } from "./engine";
import { MAX_EDITED_WORD_LENGTH, oneEditAway, searchWords, textArrayLiteral } from "./words";

/**
 * Search on PostgreSQL, over the `listing_search` documents (see @agora/db search-documents.ts):
 *
 * - Words: every query word matches as a prefix ("lant" → lantern), and also through its English
 *   stem ("accessory" → accessories). A word that is not the start of any catalog word is corrected
 *   against the vocabulary (`search_terms`): words one edit away first ("canlde" → candle, see
 *   oneEditAway), then by trigram distance ("chainti" → chianti); the corrections are OR-ed in. All
 *   words must match (AND).
 * - Relevance: ts_rank_cd with field weights title A > brand, category B > attributes C, over the
 *   small `rank_document` (a fifth of the full vector); description words (D) make a listing match but
 *   do not rank it.
 * - Facets: one pass over the matching rows (`matched`) counts every facet with every OTHER active
 *   filter applied (disjunctive facets), so a count is always what choosing that value would show.
 * - Everything (word resolution, matching, facets, the page of cards) is one statement: one round trip.
 */

const SCORE_SCALE = 10_000_000;
const RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";
/** Words shorter than this are not spelling-corrected: trigrams say little about them. */
const MIN_CORRECTABLE_LENGTH = 4;
const CORRECTIONS_PER_WORD = 3;
/** A prefix standing for more document words than this is matched as a prefix: a longer query costs more than it saves. */
const MAX_SPELLED_OUT = 64;
const SUGGESTED_LISTINGS = 6;
const SUGGESTED_CATEGORIES = 4;
const SUGGEST_CANDIDATES = 300;
const MIN_LISTING_SUGGEST_LENGTH = 3;

const TRUE = sql`true`;
const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : TRUE);

type FacetName = "category" | "seller" | "price" | "stock" | "delivery" | "pickup" | "rating";

const descending: Record<SearchSort, boolean> = { relevance: true, newest: true, "price-desc": true, "price-asc": false };

/**
 * The word-resolution CTEs (`terms`, `query`) for some words. `query.tsq` matches any field;
 * `query.tsq_titles` only title, brand and category words (for autocomplete).
 */
function queryCtes(words: string[]): SQL {
  const edits = words.flatMap((word, i) =>
    word.length >= MIN_CORRECTABLE_LENGTH && word.length <= MAX_EDITED_WORD_LENGTH ? oneEditAway(word).map((spelling) => ({ ord: i + 1, spelling })) : [],
  );
  return sql`
    input_words as (
      select lower(unaccent(w)) as w, ord from unnest(${textArrayLiteral(words)}::text[]) with ordinality as t(w, ord)
    ),
    one_edit as (
      select ord, spelling from unnest(${`{${edits.map((e) => e.ord).join(",")}}`}::int[], ${textArrayLiteral(edits.map((e) => e.spelling))}::text[]) as t(ord, spelling)
    ),
    terms as (
      select iw.ord, iw.w, known.known, coalesce(stems.stems, '{}') as stems, stems.stems is null as stop_word, corr.corrections
      from input_words iw
      cross join lateral (select exists (select 1 from search_terms st where st.term like iw.w || '%') as known) known
      cross join lateral (select array_agg(s.lexeme) as stems from unnest(to_tsvector('english', iw.w)) s) stems
      cross join lateral (
        -- Catalog words one edit away first (a swap, a letter dropped, added or replaced), then the
        -- closest by trigrams, which also reach two or more edits in longer words.
        select coalesce((array_agg(c.term order by c.edits, c.distance, c.term))[1:${CORRECTIONS_PER_WORD}], '{}') as corrections
        from (
          select distinct on (x.term) x.term, x.edits, x.term <-> iw.w as distance
          from (
            select st.term, 1 as edits from search_terms st
            where not known.known and st.term = any(array(select e.spelling from one_edit e where e.ord = iw.ord))
            union all
            (select st.term, 2 from search_terms st
              where not known.known and length(iw.w) >= ${MIN_CORRECTABLE_LENGTH} and st.term % iw.w
              order by st.term <-> iw.w limit ${CORRECTIONS_PER_WORD})
          ) x
          order by x.term, x.edits
        ) c
      ) corr
      where iw.w <> ''
    ),
    used_terms as (
      -- Stop words ("the", "for") are dropped, unless the query is nothing else.
      select * from terms where not stop_word or not exists (select 1 from terms where not stop_word)
    ),
    alternatives as (
      -- tsquery operands: the word and its stems as prefixes, corrections as whole words. The words are
      -- letters and digits only (searchWords, the vocabulary's split), so quoting them is safe.
      select ord,
        array[w] || array(select s from unnest(stems) s where s <> w) as prefixes,
        corrections
      from used_terms
    ),
    spelled_out as (
      -- Each prefix as the whole document words it stands for, when there are a few (see tsq_match).
      select a.ord, array(
          select coalesce(
            (select string_agg('''' || replace(replace(sl.lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | ')
              from (select sl.lexeme from search_lexemes sl where sl.lexeme like p || '%' limit ${MAX_SPELLED_OUT + 1}) sl
              having count(*) between 1 and ${MAX_SPELLED_OUT}),
            to_tsquery('simple', '''' || p || ''':*')::text)
          from unnest(a.prefixes) p
        ) || array(select to_tsquery('simple', '''' || c || '''')::text from unnest(a.corrections) c) as operands
      from alternatives a
    ),
    query as (
      select
        to_tsquery('simple', string_agg('(' || array_to_string(
          array(select '''' || p || ''':*' from unnest(prefixes) p) || array(select '''' || c || '''' from unnest(corrections) c),
          ' | ') || ')', ' & ' order by ord)) as tsq,
        -- The same question for the word index, with prefixes spelled out into whole words: the index then
        -- intersects the words' lists by skipping instead of collecting every listing of every prefix first.
        -- It matches the same documents (search_lexemes holds every word they have); ranking keeps tsq.
        (select string_agg('(' || array_to_string(so.operands, ' | ') || ')', ' & ' order by so.ord) from spelled_out so)::tsquery as tsq_match,
        to_tsquery('simple', string_agg('(' || array_to_string(
          array(select '''' || p || ''':*AB' from unnest(prefixes) p) || array(select '''' || c || ''':AB' from unnest(corrections) c),
          ' | ') || ')', ' & ' order by ord)) as tsq_titles
      from alternatives
    )`;
}

/** Approved stores, with the fastest delivery they promise (null when they offer no active shipping method). */
const liveSellersCte = sql`
  live_sellers as (
    select s.id, s.slug, s.name,
      (select p.handling_days + min(m.transit_days_max)
        from shipping_profiles p join shipping_methods m on m.seller_id = p.seller_id and m.active
        where p.seller_id = s.id group by p.handling_days) as delivery_days
    from sellers s where s.status = 'approved'
  )`;

interface Plan {
  sortKey: SQL;
  desc: boolean;
}

function planSort(sort: SearchSort, hasText: boolean): Plan {
  if (sort === "relevance" && hasText)
    return {
      // A listing whose A–C words do not answer the query (it matched on its description) ranks 0: the
      // cheap @@ settles that for most rows of a broad query before the costlier cover-density rank.
      sortKey: sql`case when d.rank_document @@ (select tsq from query)
        then (ts_rank_cd(${RANK_WEIGHTS}::float4[], d.rank_document, (select tsq from query), 32) * ${SCORE_SCALE})::bigint else 0 end`,
      desc: true,
    };
  if (sort === "price-asc" || sort === "price-desc") return { sortKey: sql`d.price_minor::bigint`, desc: descending[sort] };
  // Newest first; also the order of a search without words.
  return { sortKey: sql`(extract(epoch from d.published_at) * 1000000)::bigint`, desc: true };
}

/** Rows strictly after (or before) the cursor row in the (sort_key, id) order. */
function beyond(cursor: SearchCursor, desc: boolean, direction: "after" | "before"): SQL {
  const key = sql`${cursor.key}::bigint`;
  const id = sql`${cursor.id}::uuid`;
  const keyForward = desc ? sql`m.sort_key < ${key}` : sql`m.sort_key > ${key}`;
  const keyBackward = desc ? sql`m.sort_key > ${key}` : sql`m.sort_key < ${key}`;
  return direction === "after"
    ? sql`(${keyForward} or (m.sort_key = ${key} and m.listing_id > ${id}))`
    : sql`(${keyBackward} or (m.sort_key = ${key} and m.listing_id < ${id}))`;
}

function orderBy(alias: string, desc: boolean, reverse: boolean): SQL {
  const keyDesc = desc !== reverse;
  return sql.raw(`${alias}.sort_key ${keyDesc ? "desc" : "asc"}, ${alias}.listing_id ${reverse ? "desc" : "asc"}`);
}

type SearchRow = {
  items: (SearchResult["items"][number] & { sortKey: string })[];
  counts: {
    total: number;
    /** Rows the words match in approved stores, before any filter. */
    unfiltered: number;
    /** The same, in stock only. */
    unfiltered_in_stock: number;
    preceding: number;
    all_stock: number;
    in_stock: number;
    pickup: number;
    [bucket: `price_${number}` | `delivery_${number}` | `rating_${number}`]: number;
  };
  categories: SearchResult["facets"]["categories"] | null;
  sellers: SearchResult["facets"]["sellers"] | null;
  terms: { word: string; known: boolean; corrections: string[] }[] | null;
};

export async function searchListings(db: Db, input: SearchInput): Promise<SearchResult> {
  const words = searchWords(input.q);
  const hasText = words.length > 0;
  const { sortKey, desc } = planSort(input.sort, hasText);
  const decoded = decodeCursor(input.cursor);
  const cursor = decoded && decoded.sort === input.sort ? decoded : null;

  const selectedCategories = textArrayLiteral(input.categories);
  const selectedSellers = textArrayLiteral(input.sellers);
  const chosenBuckets = PRICE_BUCKETS.flatMap((b, i) => (input.prices.includes(b.key) ? [i] : []));

  const priceRange = (i: number) => {
    const b = PRICE_BUCKETS[i];
    if (!b) throw new Error(`no price bucket ${i}`);
    return b.maxMinor === null
      ? sql`m.price_minor >= ${b.minMinor}`
      : sql`(m.price_minor >= ${b.minMinor} and m.price_minor < ${b.maxMinor})`;
  };

  // The same filters, over single rows (alias m) and over facet cells (alias g).
  const filterOn = (alias: "m" | "g"): Record<FacetName, SQL | null> => {
    const col = (name: string) => sql.raw(`${alias}.${name}`);
    return {
      category: input.categories.length ? sql`${col("category_id")} = any((select ids from chosen_categories)::uuid[])` : null,
      seller: input.sellers.length ? sql`${col("seller_id")} = any((select ids from chosen_sellers)::uuid[])` : null,
      price: !chosenBuckets.length
        ? null
        : alias === "g"
          ? sql`g.price_bucket in (${sql.join(
              chosenBuckets.map((i) => sql`${i}`),
              sql`, `,
            )})`
          : sql`(${sql.join(chosenBuckets.map(priceRange), sql` or `)})`,
      stock: input.includeOutOfStock ? null : alias === "m" ? sql`m.available > 0` : sql`g.in_stock`,
      delivery: input.deliveryWithin === null ? null : sql`${col("delivery_days")} <= ${input.deliveryWithin}`,
      pickup: input.pickup ? sql`${col("pickup_available")}` : null,
      // floor(x) >= n exactly when x >= n, so the cells' whole-star floor filters like the average itself.
      rating: input.minRating === null ? null : alias === "m" ? sql`m.rating_average >= ${input.minRating}` : sql`g.rating_floor >= ${input.minRating}`,
    };
  };
  const rowFilters = filterOn("m");
  const rowFilter = and(Object.values(rowFilters).flatMap((f) => (f ? [f] : [])));
  // Each cell knows once which filters it passes; a facet's count combines every flag but its own.
  const cellFilters = filterOn("g");
  const facetNames = Object.keys(cellFilters) as FacetName[];
  const cellFlags = sql.join(
    facetNames.map((name) => sql`${cellFilters[name] ?? TRUE} as ${sql.identifier(`f_${name}`)}`),
    sql`, `,
  );
  const cellFilter = (except?: FacetName) =>
    and(facetNames.flatMap((name) => (cellFilters[name] && name !== except ? [sql.raw(`c.f_${name}`)] : [])));

  const pageCond = cursor ? beyond(cursor, desc, cursor.direction) : TRUE;
  const reverse = cursor?.direction === "before";
  // Rows ahead of this page's first row: everything up to the cursor row, or everything before it.
  const precedingCond = cursor
    ? cursor.direction === "after"
      ? sql`not ${beyond(cursor, desc, "after")}`
      : beyond(cursor, desc, "before")
    : null;
  const priceBucketOf = sql`case ${sql.join(
    PRICE_BUCKETS.map((b, i) =>
      b.maxMinor === null ? sql`when true then ${i}` : sql`when m.price_minor < ${b.maxMinor} then ${i}`,
    ),
    sql` `,
  )} end`;

  const statement = sql`
    with recursive ${hasText ? sql`${queryCtes(words)},` : sql``}
    ${liveSellersCte},
    category_paths(id, path) as (
      select id, array[id] from categories where parent_id is null
      union all
      select c.id, p.path || c.id from categories c join category_paths p on c.parent_id = p.id
    ),
    chosen_categories as (
      -- A chosen category brings its subcategories.
      select coalesce(array_agg(cp.id), '{}') as ids from category_paths cp
      where cp.path && (select coalesce(array_agg(id), '{}') from categories where slug = any(${selectedCategories}::text[]))
    ),
    chosen_sellers as (select coalesce(array_agg(id), '{}') as ids from sellers where slug = any(${selectedSellers}::text[])),
    -- With words: the listings they match, read (and ranked) from the rows the word index leads to,
    -- which carry their own copy of the facet columns, and kept so nothing downstream carries whole
    -- documents. Without words: the narrow table, re-read instead of copied. Rows of stores that are
    -- not approved are still here: the store is joined per cell and per page row below, which for a
    -- broad word is tens of thousands of joins fewer.
    matched as ${hasText ? sql`materialized` : sql`not materialized`} (
      select d.listing_id, d.seller_id, d.category_id, d.price_minor, d.available, d.pickup_available, d.rating_average,
        ${sortKey} as sort_key
      from ${hasText ? sql`listing_search_text d where d.document @@ (select tsq_match from query)` : sql`listing_search d`}
    ),
    -- Matching rows of approved stores, with the store's delivery promise, for the page and its position.
    live_matched as not materialized (
      select m.*, ls.delivery_days from matched m join live_sellers ls on ls.id = m.seller_id
    ),
    -- Matching rows grouped by every facet dimension: a few hundred cells however many rows match,
    -- so each facet's count (with the other filters) is a cheap pass over the cells.
    cells as materialized (
      select g.*, ${cellFlags}
      from (
        select x.*, ls.delivery_days
        from (
          select m.category_id, m.seller_id, ${priceBucketOf} as price_bucket, m.available > 0 as in_stock,
            m.pickup_available, coalesce(floor(m.rating_average), 0)::int as rating_floor, count(*)::int as n
          from matched m group by 1, 2, 3, 4, 5, 6
        ) x
        join live_sellers ls on ls.id = x.seller_id
      ) g
    ),
    page as (
      select m.listing_id, m.sort_key, m.available from live_matched m
      where ${rowFilter} and ${pageCond}
      order by ${orderBy("m", desc, reverse)}
      limit ${input.limit + 1}
    ),
    counts as (
      select
        coalesce(sum(c.n) filter (where ${cellFilter()}), 0)::int as total,
        coalesce(sum(c.n), 0)::int as unfiltered,
        coalesce(sum(c.n) filter (where c.in_stock), 0)::int as unfiltered_in_stock,
        ${precedingCond ? sql`(select count(*) from live_matched m where ${rowFilter} and ${precedingCond})::int` : sql`0`} as preceding,
        coalesce(sum(c.n) filter (where ${cellFilter("stock")}), 0)::int as all_stock,
        coalesce(sum(c.n) filter (where ${cellFilter("stock")} and c.in_stock), 0)::int as in_stock,
        coalesce(sum(c.n) filter (where ${cellFilter("pickup")} and c.pickup_available), 0)::int as pickup,
        ${sql.join(
          PRICE_BUCKETS.map(
            (_, i) =>
              sql`coalesce(sum(c.n) filter (where ${cellFilter("price")} and c.price_bucket = ${i}), 0)::int as ${sql.identifier(`price_${i}`)}`,
          ),
          sql`, `,
        )},
        ${sql.join(
          DELIVERY_WITHIN_DAYS.map(
            (days) =>
              sql`coalesce(sum(c.n) filter (where ${cellFilter("delivery")} and c.delivery_days <= ${days}), 0)::int as ${sql.identifier(`delivery_${days}`)}`,
          ),
          sql`, `,
        )},
        ${sql.join(
          RATING_FACET_STARS.map(
            (stars) =>
              sql`coalesce(sum(c.n) filter (where ${cellFilter("rating")} and c.rating_floor >= ${stars}), 0)::int as ${sql.identifier(`rating_${stars}`)}`,
          ),
          sql`, `,
        )}
      from cells c
    ),
    category_counts as (
      select node.id, sum(c.n)::int as n
      from cells c join category_paths cp on cp.id = c.category_id cross join unnest(cp.path) as node(id)
      where ${cellFilter("category")} group by node.id
    ),
    seller_counts as (
      select c.seller_id, sum(c.n)::int as n from cells c where ${cellFilter("seller")} group by c.seller_id
    )
    select
      (select coalesce(json_agg(json_build_object(
          'id', l.id, 'slug', l.slug, 'title', l.title, 'brand', l.brand, 'currency', l.currency,
          'priceMinor', l.min_price_minor,
          'compareAtMinor', (select max(v.compare_at_minor) from variants v where v.listing_id = l.id and v.price_minor = l.min_price_minor),
          'available', p.available, 'sellerName', s.name, 'sellerSlug', s.slug,
          'image', (select json_build_object('storageKey', i.storage_key, 'widths', i.widths, 'alt', i.alt)
            from listing_images i where i.listing_id = l.id order by i.position limit 1),
          'rating', (select json_build_object('average', round(r.rating_sum::numeric / r.review_count, 1), 'count', r.review_count)
            from listing_ratings r where r.listing_id = l.id and r.review_count > 0),
          'sortKey', p.sort_key::text
        ) order by ${orderBy("p", desc, reverse)}), '[]'::json)
        from page p join listings l on l.id = p.listing_id join sellers s on s.id = l.seller_id) as items,
      (select row_to_json(counts) from counts) as counts,
      (select json_agg(json_build_object('slug', c.slug, 'name', c.name, 'parentSlug', parent.slug,
          'count', coalesce(cc.n, 0), 'selected', c.slug = any(${selectedCategories}::text[]))
          order by coalesce(cc.n, 0) desc, c.name)
        from categories c left join categories parent on parent.id = c.parent_id left join category_counts cc on cc.id = c.id
        where cc.n > 0 or c.slug = any(${selectedCategories}::text[])) as categories,
      (select json_agg(json_build_object('slug', ls.slug, 'name', ls.name, 'count', coalesce(sc.n, 0),
          'selected', ls.slug = any(${selectedSellers}::text[]))
          order by coalesce(sc.n, 0) desc, ls.name)
        from live_sellers ls left join seller_counts sc on sc.seller_id = ls.id
        where sc.n > 0 or ls.slug = any(${selectedSellers}::text[])) as sellers,
      ${hasText ? sql`(select json_agg(json_build_object('word', w, 'known', known, 'corrections', corrections) order by ord) from terms)` : sql`null::json`} as terms`;

  const [row] = await db.execute<SearchRow>(statement);
  if (!row?.counts) throw new Error("search returned no row");
  const { counts } = row;

  const fetched = row.items;
  const hasMore = fetched.length > input.limit;
  const pageRows = fetched.slice(0, input.limit);
  const items = reverse ? [...pageRows].reverse() : pageRows;
  const first = items[0];
  const last = items[items.length - 1];
  const cursorAt = (item: { sortKey: string; id: string }, direction: "after" | "before") =>
    encodeCursor({ sort: input.sort, key: item.sortKey, id: item.id, direction });
  // Going forward there is a next page when we fetched one row too many; going backward, there is
  // always a next page (the one we came from) and a previous one when we fetched one too many.
  const nextCursor = last && (reverse || hasMore) ? cursorAt(last, "after") : null;
  const prevCursor = first && (reverse ? hasMore : cursor !== null) ? cursorAt(first, "before") : null;
  const from = items.length === 0 ? 0 : reverse ? counts.preceding - items.length + 1 : counts.preceding + 1;

  const corrections = (row.terms ?? []).flatMap((t) => {
    const best = t.corrections[0];
    return !t.known && best ? [{ word: t.word, suggestion: best }] : [];
  });

  const result: SearchResult = {
    text: input.q,
    items: items.map(({ sortKey: _sortKey, ...card }) => card),
    total: counts.total,
    range: { from, to: items.length === 0 ? 0 : from + items.length - 1 },
    pageInfo: { nextCursor, prevCursor },
    facets: {
      categories: row.categories ?? [],
      sellers: row.sellers ?? [],
      prices: PRICE_BUCKETS.map((b, i) => ({
        key: b.key,
        minMinor: b.minMinor,
        maxMinor: b.maxMinor,
        count: counts[`price_${i}`] ?? 0,
        selected: input.prices.includes(b.key),
      })),
      delivery: DELIVERY_WITHIN_DAYS.map((days: DeliveryWithinDays) => ({
        withinDays: days,
        count: counts[`delivery_${days}`] ?? 0,
        selected: input.deliveryWithin === days,
      })),
      pickup: { count: counts.pickup, selected: input.pickup },
      availability: { inStock: counts.in_stock, all: counts.all_stock, includeOutOfStock: input.includeOutOfStock },
      rating: RATING_FACET_STARS.map((stars) => ({ minStars: stars, count: counts[`rating_${stars}`] ?? 0, selected: input.minRating === stars })),
    },
    corrections,
    noResults: null,
  };
  if (counts.total === 0 && !cursor)
    result.noResults = await noResultsHelp(db, input.q, words, corrections, {
      wordsMatchedNothing: counts.unfiltered === 0,
      withoutFilters: counts.unfiltered_in_stock,
    });
  return result;
}

/**
 * For a search that found nothing: other ways in. Spelling corrections of the whole query, category
 * names and listing titles that look like what was typed (trigram similarity), and the biggest
 * categories. A second statement, only on this path.
 *
 * Similar titles and the biggest categories are only looked for when the words matched nothing at
 * all. When the filters emptied the page the words were fine: their look-alikes would be filtered out
 * the same way, the page offers the same words without filters instead, and the two whole-catalog
 * passes (trigrams over every title, a count over every listing) are the costliest part of this help.
 */
async function noResultsHelp(
  db: Db,
  text: string,
  words: string[],
  corrections: SearchResult["corrections"],
  options: { wordsMatchedNothing: boolean; withoutFilters: number },
): Promise<NonNullable<SearchResult["noResults"]>> {
  const normalised = words.join(" ");
  const corrected = corrections.length
    ? words.map((w) => corrections.find((c) => c.word === w)?.suggestion ?? w).join(" ")
    : null;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local pg_trgm.word_similarity_threshold = 0.5`);
    // Parallel workers only pay off for one big query on an idle machine; searches run many at once.
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return tx.execute<{ kind: "category" | "title" | "popular"; label: string; slug: string | null; count: number | null }>(sql`
      (select 'category' as kind, c.name as label, c.slug::text as slug, null::int as count
        from categories c where ${normalised} <> '' and similarity(lower(unaccent(c.name)), ${normalised}) > 0.3
        order by similarity(lower(unaccent(c.name)), ${normalised}) desc limit 2)
      union all
      (select 'title', l.title, null, null
        from (
          -- Filtered on the text rows' own copy of stock and store, and only the best three looked up.
          select t.listing_id, word_similarity(${normalised}, t.search_text) as similarity
          from listing_search_text t
          where ${options.wordsMatchedNothing} and ${normalised} <> '' and ${normalised} <% t.search_text and t.available > 0
            -- A list to check each candidate against: as a join, the few approved stores drove a loop that
            -- ran the trigram index scan once per store.
            and t.seller_id = any(array(select s.id from sellers s where s.status = 'approved'))
          order by similarity desc, t.listing_id limit 3
        ) best
        join listings l on l.id = best.listing_id
        order by best.similarity desc, best.listing_id)
      union all
      (select 'popular', c.name, c.slug::text, sum(per_leaf.n)::int
        -- Counted per leaf category first: one narrow pass, then a few dozen rows to roll up.
        from (
          select d.category_id, count(*) as n from listing_search d
          where ${options.wordsMatchedNothing} and d.available > 0 and d.seller_id in (select s.id from sellers s where s.status = 'approved')
          group by d.category_id
        ) per_leaf
        join categories leaf on leaf.id = per_leaf.category_id
        join categories c on c.id = coalesce(leaf.parent_id, leaf.id)
        group by c.id order by sum(per_leaf.n) desc, c.name limit 6)`);
  });
  const didYouMean = [
    ...(corrected && corrected !== normalised ? [corrected] : []),
    ...rows.filter((r) => r.kind !== "popular").map((r) => r.label),
  ].filter(
    (q, i, list) => q.toLowerCase() !== text.toLowerCase() && list.findIndex((o) => o.toLowerCase() === q.toLowerCase()) === i,
  );
  return {
    didYouMean: didYouMean.slice(0, 4),
    withoutFilters: options.withoutFilters,
    popularCategories: rows.flatMap((r) =>
      r.kind === "popular" && r.slug ? [{ slug: r.slug, name: r.label, count: r.count ?? 0 }] : [],
    ),
  };
}

export async function suggestListings(db: Db, prefix: string): Promise<Suggestions> {
  const words = searchWords(prefix);
  if (!words.length) return { listings: [], categories: [] };
  // One or two letters match too many titles to be useful; categories still help.
  const withListings = words.join("").length >= MIN_LISTING_SUGGEST_LENGTH;
  const [row] = await db.execute<{ listings: Suggestions["listings"] | null; categories: Suggestions["categories"] | null }>(sql`
    with ${queryCtes(words)},
    -- Autocomplete runs on every keystroke: the best of the first few hundred title matches is good
    -- enough, and it bounds the work for short, broad prefixes.
    candidates as materialized (
      select t.listing_id, ts_rank_cd(${RANK_WEIGHTS}::float4[], t.rank_document, (select tsq_titles from query), 32) as rank
      from listing_search_text t where ${withListings ? sql`t.document @@ (select tsq_titles from query)` : sql`false`}
      limit ${SUGGEST_CANDIDATES}
    ),
    listing_hits as (
      select h.listing_id, h.rank
      from candidates h
      cross join lateral (select * from listing_search d where d.listing_id = h.listing_id offset 0) d
      join sellers s on s.id = d.seller_id and s.status = 'approved'
      where d.available > 0
      order by h.rank desc, h.listing_id
      limit ${SUGGESTED_LISTINGS}
    )
    select
      (select json_agg(json_build_object('id', l.id, 'slug', l.slug, 'title', l.title, 'brand', l.brand,
          'priceMinor', l.min_price_minor, 'currency', l.currency,
          'image', (select json_build_object('storageKey', i.storage_key, 'widths', i.widths, 'alt', i.alt)
            from listing_images i where i.listing_id = l.id order by i.position limit 1))
          order by h.rank desc, h.listing_id)
        from listing_hits h join listings l on l.id = h.listing_id) as listings,
      (select json_agg(json_build_object('slug', c.slug, 'name', c.name, 'parentName', c.parent_name) order by c.parent_name nulls first, c.name)
        from (
          select c.slug, c.name, p.name as parent_name from categories c left join categories p on p.id = c.parent_id
          where to_tsvector('simple', lower(unaccent(c.name))) @@ (select tsq from query)
          order by p.name nulls first, c.name limit ${SUGGESTED_CATEGORIES}
        ) c) as categories`);
  return { listings: row?.listings ?? [], categories: row?.categories ?? [] };
}

export const postgresSearchEngine: SearchEngine = {
  search: searchListings,
  suggest: suggestListings,
  refresh: (tx, listingIds) => writeSearchDocuments(tx, { listingIds }),
};
