import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { writeSearchDocuments } from "../search-documents";
import { CATEGORY_TREE, SELLER_SPECS, type SubcategorySpec, type TopCategorySpec } from "./data";
import {
  basePriceDollars,
  composeAttributes,
  composeDescription,
  composeTitle,
  composeVariants,
  imageAlt,
  pickCondition,
  pickViewCount,
  slugify,
} from "./generate";
import type { SeedDeps } from "./index";
import { writeMediaFiles } from "./media";
import { Rng, seededUuid } from "./random";
import { PRODUCT_IMAGE_SIZE, productImageSvg } from "./svg";

/**
 * Load-test data: tops the number of ACTIVE listings up to a target with generated listings that
 * look like the demo ones. Rows go in as one `jsonb_to_recordset` INSERT per table per batch, and
 * images point at a small pool of shared SVGs instead of writing a file per listing.
 */

const BATCH_SIZE = 1000;
const SHARED_IMAGES_PER_CATEGORY = 8;
const LOG_EVERY = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Bulk listings are numbered in their slug (`…-b123`) and SKU (`XYZ-B123-…`), which keeps both unique. */
const BULK_SLUG_PATTERN = "-b([0-9]+)$";

interface Leaf {
  id: string;
  top: TopCategorySpec;
  sub: SubcategorySpec;
}

interface BulkSeller {
  id: string;
  skuPrefix: string;
  locationIds: string[];
}

export function sharedImageKey(subcategorySlug: string, index: number): string {
  return `seed/shared/${subcategorySlug}/${index + 1}`;
}

function skuPrefixFromSlug(slug: string): string {
  const initials = slug
    .split("-")
    .filter(Boolean)
    .map((part) => part.charAt(0))
    .join("")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  return (initials || "S").slice(0, 4);
}

async function loadLeaves(db: Db): Promise<Leaf[]> {
  const specBySlug = new Map(CATEGORY_TREE.flatMap((top) => top.subcategories.map((sub) => [sub.slug, { top, sub }] as const)));
  const rows = await db.execute<{ id: string; slug: string }>(sql`
    select c.id, c.slug::text as slug from categories c
    where c.parent_id is not null and not exists (select 1 from categories child where child.parent_id = c.id)
    order by c.slug`);
  const leaves: Leaf[] = [];
  for (const row of rows) {
    const spec = specBySlug.get(row.slug);
    if (spec) leaves.push({ id: row.id, ...spec });
  }
  return leaves;
}

async function loadSellers(db: Db): Promise<(BulkSeller & { slug: string })[]> {
  const rows = await db.execute<{ id: string; slug: string; location_ids: string[] }>(sql`
    select s.id, s.slug::text as slug, array_agg(l.id order by l.created_at, l.name) as location_ids
    from sellers s join stock_locations l on l.seller_id = s.id
    where s.status = 'approved'
    group by s.id, s.slug
    order by s.slug`);
  const prefixBySlug = new Map(SELLER_SPECS.map((s) => [s.slug, s.skuPrefix]));
  return rows.map((r) => ({ id: r.id, slug: r.slug, skuPrefix: prefixBySlug.get(r.slug) ?? skuPrefixFromSlug(r.slug), locationIds: r.location_ids }));
}

/** Demo shops stay in their own categories; any other approved shop may sell anywhere. */
function sellersByLeaf(leaves: readonly Leaf[], all: readonly (BulkSeller & { slug: string })[]): Map<string, BulkSeller[]> {
  const specBySlug = new Map(SELLER_SPECS.map((s) => [s.slug, s]));
  const result = new Map<string, BulkSeller[]>();
  for (const leaf of leaves) {
    const eligible = all.filter((s) => {
      const spec = specBySlug.get(s.slug);
      return !spec || spec.categories.includes(leaf.top.slug) || (spec.subcategories ?? []).includes(leaf.sub.slug);
    });
    result.set(leaf.id, eligible.length ? eligible : [...all]);
  }
  return result;
}

interface Batch {
  listings: object[];
  attributes: object[];
  variants: object[];
  stock: object[];
  images: object[];
}

function buildBatch(
  first: number,
  count: number,
  leaves: readonly Leaf[],
  sellers: Map<string, BulkSeller[]>,
  now: number,
  describe: (top: TopCategorySpec, sub: SubcategorySpec, brand: string, noun: string, variant: number) => [string, string],
): Batch {
  const batch: Batch = { listings: [], attributes: [], variants: [], stock: [], images: [] };
  for (let n = first; n < first + count; n++) {
    const rng = new Rng(`bulk-listing:${n}`);
    const leaf = rng.pick(leaves);
    const seller = rng.pick(sellers.get(leaf.id) ?? []);
    const id = seededUuid(`bulk-listing:${n}`);
    let variantCount = 0;
    const { title, brand, noun } = composeTitle(rng, leaf.top, leaf.sub);
    const firstOption = rng.pick(leaf.sub.optionSets)[0];
    const { optionNames, variants } = composeVariants({
      rng,
      optionSet: firstOption ? [firstOption] : [],
      skuBase: `${seller.skuPrefix}-B${n}`,
      basePrice: basePriceDollars(rng, leaf.sub),
      onSale: rng.chance(0.15),
      locationIds: seller.locationIds,
      soldOut: rng.chance(0.03),
      maxVariants: 3,
      newId: () => seededUuid(`bulk-listing:${n}:variant:${variantCount++}`),
    });
    const [description, descriptionHtml] = describe(leaf.top, leaf.sub, brand, noun, n % 4);
    const publishedAt = new Date(now - rng.next() * 180 * DAY_MS).toISOString();
    batch.listings.push({
      id,
      seller_id: seller.id,
      category_id: leaf.id,
      slug: `${slugify(title)}-b${n}`,
      title,
      brand,
      description,
      description_html: descriptionHtml,
      condition: pickCondition(rng, leaf.sub),
      option_names: optionNames,
      min_price_minor: Math.min(...variants.map((v) => v.priceMinor)),
      view_count: pickViewCount(rng),
      published_at: publishedAt,
    });
    for (const a of composeAttributes(rng, leaf.sub, optionNames, 2)) batch.attributes.push({ listing_id: id, ...a });
    for (const v of variants) {
      batch.variants.push({
        id: v.id,
        listing_id: id,
        seller_id: seller.id,
        sku: v.sku,
        options: v.options,
        price_minor: v.priceMinor,
        compare_at_minor: v.compareAtMinor,
        position: v.position,
      });
      for (const s of v.stock) batch.stock.push({ variant_id: v.id, location_id: s.locationId, on_hand: s.onHand });
    }
    const imageIndexes = rng.sample(
      Array.from({ length: SHARED_IMAGES_PER_CATEGORY }, (_, i) => i),
      rng.int(1, 2),
    );
    imageIndexes.forEach((imageIndex, position) =>
      batch.images.push({
        listing_id: id,
        seller_id: seller.id,
        storage_key: sharedImageKey(leaf.sub.slug, imageIndex),
        alt: imageAlt(title, position),
        position,
      }),
    );
  }
  return batch;
}

/** Drizzle's error message embeds the whole JSON parameter (megabytes): report the database's reason instead. */
function conciseError(error: unknown, label: string): Error {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const message = cause instanceof Error ? cause.message : String(cause);
  const detail = (cause as { detail?: unknown }).detail;
  return new Error(`Bulk seed: inserting ${label} failed: ${message}${typeof detail === "string" ? ` (${detail})` : ""}`);
}

async function insertBatch(db: Db, batch: Batch, label: string): Promise<void> {
  const json = (rows: object[]) => JSON.stringify(rows);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into listings (id, seller_id, category_id, slug, title, brand, description, description_html, condition, status,
        currency, option_names, min_price_minor, view_count, published_at, created_at, updated_at)
      select r.id, r.seller_id, r.category_id, r.slug, r.title, r.brand, r.description, r.description_html, r.condition, 'active',
        'USD', r.option_names, r.min_price_minor, r.view_count, r.published_at, r.published_at, r.published_at
      from jsonb_to_recordset(${json(batch.listings)}::jsonb) as r(id uuid, seller_id uuid, category_id uuid, slug text, title text,
        brand text, description text, description_html text, condition listing_condition, option_names text[], min_price_minor int,
        view_count int, published_at timestamptz)`);
    await tx.execute(sql`
      insert into listing_attributes (listing_id, name, value, position)
      select r.listing_id, r.name, r.value, r.position
      from jsonb_to_recordset(${json(batch.attributes)}::jsonb) as r(listing_id uuid, name text, value text, position int)`);
    await tx.execute(sql`
      insert into variants (id, listing_id, seller_id, sku, options, price_minor, compare_at_minor, position)
      select r.id, r.listing_id, r.seller_id, r.sku, r.options, r.price_minor, r.compare_at_minor, r.position
      from jsonb_to_recordset(${json(batch.variants)}::jsonb) as r(id uuid, listing_id uuid, seller_id uuid, sku text, options jsonb,
        price_minor int, compare_at_minor int, position int)`);
    await tx.execute(sql`
      insert into stock_levels (variant_id, location_id, on_hand)
      select r.variant_id, r.location_id, r.on_hand
      from jsonb_to_recordset(${json(batch.stock)}::jsonb) as r(variant_id uuid, location_id uuid, on_hand int)`);
    await tx.execute(sql`
      insert into listing_images (listing_id, seller_id, storage_key, widths, width, height, alt, position)
      select r.listing_id, r.seller_id, r.storage_key, '{}'::integer[], ${PRODUCT_IMAGE_SIZE}::int, ${PRODUCT_IMAGE_SIZE}::int, r.alt, r.position
      from jsonb_to_recordset(${json(batch.images)}::jsonb) as r(listing_id uuid, seller_id uuid, storage_key text, alt text, position int)`);
  }).catch((error: unknown) => {
    throw conciseError(error, label);
  });
}

/**
 * Adds active listings until there are `targetTotal` of them, spread over the approved shops that
 * have a stock location and the demo subcategories. Safe to rerun: it only adds the difference,
 * and numbering continues after the highest bulk listing already present. Not meant to run twice
 * at the same moment against one database.
 */
export async function seedBulkListings(db: Db, deps: SeedDeps, targetTotal: number): Promise<void> {
  const log = deps.log ?? (() => {});
  const started = Date.now();
  const [countRow] = await db.execute<{ active: number; next: number }>(sql`
    select
      (select count(*)::int from listings where status = 'active') as active,
      (select coalesce(max((substring(slug from ${BULK_SLUG_PATTERN}))::int), 0) + 1 from listings where slug ~ ${BULK_SLUG_PATTERN}) as next`);
  const active = countRow?.active ?? 0;
  if (active >= targetTotal) {
    log(`Bulk seed: ${active.toLocaleString("en-US")} active listings already, target ${targetTotal.toLocaleString("en-US")}; nothing to add.`);
    // A database seeded before search existed gets its documents now.
    await writeSearchDocuments(db, "missing");
    return;
  }

  const leaves = await loadLeaves(db);
  const allSellers = await loadSellers(db);
  if (leaves.length === 0 || allSellers.length === 0) {
    throw new Error("seedBulkListings needs the demo categories and at least one approved seller with a stock location: run seedDemo first.");
  }
  const eligibleSellers = sellersByLeaf(leaves, allSellers);

  await writeMediaFiles(
    deps.mediaDir,
    leaves.flatMap((leaf) =>
      Array.from({ length: SHARED_IMAGES_PER_CATEGORY }, (_, i) => ({
        fileKey: `${sharedImageKey(leaf.sub.slug, i)}.svg`,
        content: productImageSvg({ kind: leaf.sub.pictogram, hue: leaf.top.hue, seed: `shared:${leaf.sub.slug}:${i}`, composition: i % 3 }),
      })),
    ),
  );

  // Descriptions are shared between listings of the same brand and product type, so markdown is
  // rendered a few thousand times rather than once per listing.
  const descriptions = new Map<string, [string, string]>();
  const describe = (top: TopCategorySpec, sub: SubcategorySpec, brand: string, noun: string, variant: number): [string, string] => {
    const key = `${sub.slug}|${brand}|${noun}|${variant}`;
    let entry = descriptions.get(key);
    if (!entry) {
      const source = composeDescription(new Rng(`bulk-description:${key}`), top, sub, brand, `${brand} ${noun}`);
      entry = [source, deps.renderMarkdown(source)];
      descriptions.set(key, entry);
    }
    return entry;
  };

  const toAdd = targetTotal - active;
  const firstNumber = countRow?.next ?? 1;
  const now = Date.now();
  log(`Bulk seed: adding ${toAdd.toLocaleString("en-US")} listings to reach ${targetTotal.toLocaleString("en-US")} active.`);

  // Build the next batch while the previous one is being inserted.
  let added = 0;
  let inFlight: Promise<void> | undefined;
  let nextLog = LOG_EVERY;
  while (added < toAdd) {
    const size = Math.min(BATCH_SIZE, toAdd - added);
    const batch = buildBatch(firstNumber + added, size, leaves, eligibleSellers, now, describe);
    if (inFlight) await inFlight;
    inFlight = insertBatch(db, batch, `bulk listings ${firstNumber + added}–${firstNumber + added + size - 1}`);
    added += size;
    if (added >= nextLog || added === toAdd) {
      await inFlight;
      inFlight = undefined;
      log(`Bulk seed: ${added.toLocaleString("en-US")} / ${toAdd.toLocaleString("en-US")} listings (${((Date.now() - started) / 1000).toFixed(1)}s)`);
      while (nextLog <= added) nextLog += LOG_EVERY;
    }
  }
  if (inFlight) await inFlight;

  // Search documents for everything just added, as one set-based statement: per batch it costs
  // several times more. "missing" also picks up listings of an earlier run that was interrupted.
  const indexStarted = Date.now();
  await writeSearchDocuments(db, "missing");
  log(`Bulk seed: search documents written in ${((Date.now() - indexStarted) / 1000).toFixed(1)}s`);

  // Every table, not only the bulk ones: autovacuum never analyses a table with fewer than 50 changed
  // rows (sellers, categories, shipping), and without statistics the planner guesses such a table
  // holds ~1 approved seller and plans search joins as nested loops over 100k rows.
  await db.execute(sql`analyze`);
  log(`Bulk seed: done, ${targetTotal.toLocaleString("en-US")} active listings in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
}
