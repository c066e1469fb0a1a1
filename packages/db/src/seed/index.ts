import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  categories,
  listingAttributes,
  listingImages,
  listings,
  sellerMembers,
  sellers,
  stockLevels,
  stockLocations,
  userCredentials,
  userRoles,
  users,
  variants,
} from "../schema";
import { CATEGORY_TREE, SELLER_SPECS, type SellerSpec, type SubcategorySpec, type TopCategorySpec } from "./data";
import {
  composeAttributes,
  composeDescription,
  composeTitle,
  composeVariants,
  basePriceDollars,
  imageAlt,
  pickCondition,
  pickViewCount,
  slugify,
  type VariantDraft,
} from "./generate";
import { seedCommerceSettings } from "./commerce";
import { seedCommunity } from "./community";
import { seedReviewsDemo } from "./reviews";
import { seedStories } from "./stories";
import { writeSearchDocuments } from "../search-documents";
import { writeMediaFiles, type MediaFile } from "./media";
import { Rng, seededUuid } from "./random";
import { PRODUCT_IMAGE_SIZE, productImageSvg, sellerBannerSvg, sellerLogoSvg } from "./svg";

export { seedBulkListings } from "./bulk";
export { DEMO_COMMISSION, DEMO_SHIPPING, seedCommerceSettings } from "./commerce";

export interface SeedDeps {
  /** Injected from @agora/core: the db package must not depend on core. */
  hashPassword: (password: string) => Promise<string>;
  /** Markdown → sanitised HTML, stored next to the source as the apps expect. */
  renderMarkdown: (source: string) => string;
  /** Absolute directory the media files (generated SVGs) are written to. */
  mediaDir: string;
  log?: (msg: string) => void;
}

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
}

/** Sign-in details shown on the demo sign-in pages and used by the e2e personas. */
export const DEMO_ACCOUNTS = {
  buyer: { email: "shopper@agora.test", password: "agora-demo-1", name: "Sam Rivera" },
  seller: { email: "seller@agora.test", password: "agora-demo-1", name: "Jordan Avery" },
  operator: { email: "operator@agora.test", password: "agora-demo-1", name: "Morgan Ellis" },
} as const satisfies Record<"buyer" | "seller" | "operator", DemoAccount>;

/** Owners of the other demo shops sign in with the same password. */
export const DEMO_OWNER_PASSWORD = "agora-demo-1";

export const DEMO_SELLER_SLUG = "northwind-outfitters";

/** Listings per subcategory: 20 subcategories × 16 = 320 demo listings. */
const LISTINGS_PER_SUBCATEGORY = 16;
const DAY_MS = 24 * 60 * 60 * 1000;
const INSERT_CHUNK = 500;

/** Serialises concurrent seeders (two apps starting at once) on one database. */
const SEED_LOCK_KEY = 7_140_301;

export async function isSeeded(db: Db): Promise<boolean> {
  const rows = await db.select({ id: sellers.id }).from(sellers).where(eq(sellers.slug, DEMO_SELLER_SLUG)).limit(1);
  return rows.length > 0;
}

export function ownerEmail(spec: SellerSpec): string {
  return spec.slug === DEMO_SELLER_SLUG ? DEMO_ACCOUNTS.seller.email : `owner@${spec.slug}.agora.test`;
}

export function sellerLogoKey(slug: string): string {
  return `seed/sellers/${slug}/logo.svg`;
}

export function sellerBannerKey(slug: string): string {
  return `seed/sellers/${slug}/banner.svg`;
}

/** Storage key of a listing image, without extension: the file is `<mediaDir>/<key>.svg`. */
export function listingImageKey(listingId: string, position: number): string {
  return `seed/listings/${listingId}/${position + 1}`;
}

function sellerAbout(spec: SellerSpec): string {
  return [
    spec.story,
    "### What we stand for",
    spec.values.map((v) => `- ${v}`).join("\n"),
    `Questions before you buy? Write to [hello@${spec.slug}.agora.test](mailto:hello@${spec.slug}.agora.test) or ask on any product page.`,
  ].join("\n\n");
}

function sellerSubcategories(spec: SellerSpec): Set<string> {
  const subs = new Set(spec.subcategories ?? []);
  for (const top of CATEGORY_TREE) if (spec.categories.includes(top.slug)) for (const sub of top.subcategories) subs.add(sub.slug);
  return subs;
}

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  let r = rng.next() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error("pickWeighted: empty list");
  return last;
}

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, size = INSERT_CHUNK): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

interface DemoListing {
  row: typeof listings.$inferInsert;
  attributes: { name: string; value: string; position: number }[];
  variants: VariantDraft[];
  images: { storageKey: string; alt: string; position: number; svg: string }[];
}

interface SellerPlan {
  spec: SellerSpec;
  id: string;
  createdAt: Date;
  locations: (typeof stockLocations.$inferInsert & { id: string })[];
  nextListingNumber: number;
}

function planListing(
  now: Date,
  top: TopCategorySpec,
  sub: SubcategorySpec,
  index: number,
  categoryId: string,
  seller: SellerPlan,
  usedTitles: Set<string>,
  usedSlugs: Set<string>,
  renderMarkdown: (source: string) => string,
): DemoListing {
  const key = `demo-listing:${sub.slug}:${index}`;
  const rng = new Rng(key);
  const id = seededUuid(key);
  let variantCount = 0;

  let parts = composeTitle(rng, top, sub);
  for (let attempt = 0; usedTitles.has(parts.title) && attempt < 25; attempt++) parts = composeTitle(rng, top, sub);
  if (usedTitles.has(parts.title)) parts = { ...parts, title: `${parts.title} ${index + 2}` };
  usedTitles.add(parts.title);

  let slug = slugify(parts.title);
  for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(parts.title)}-${n}`;
  usedSlugs.add(slug);

  const listingNumber = seller.nextListingNumber++;
  const { optionNames, variants: variantDrafts } = composeVariants({
    rng,
    optionSet: rng.pick(sub.optionSets),
    skuBase: `${seller.spec.skuPrefix}-${listingNumber}`,
    basePrice: basePriceDollars(rng, sub),
    onSale: rng.chance(0.2),
    locationIds: seller.locations.map((l) => l.id),
    soldOut: rng.chance(0.05),
    newId: () => seededUuid(`${key}:variant:${variantCount++}`),
  });

  const description = composeDescription(rng, top, sub, parts.brand, parts.title);
  const isDraft = rng.chance(0.04);
  const publishedAt = isDraft ? null : new Date(now.getTime() - rng.next() * 90 * DAY_MS);
  const createdAt = publishedAt ? new Date(publishedAt.getTime() - rng.int(1, 72) * 3_600_000) : new Date(now.getTime() - rng.next() * 20 * DAY_MS);
  const updatedAt = new Date(createdAt.getTime() + rng.next() * (now.getTime() - createdAt.getTime()));

  const imageCount = rng.pick([1, 2, 2, 3, 3]);
  const heroComposition = rng.chance(0.3) ? 1 : 0;
  const images = Array.from({ length: imageCount }, (_, position) => ({
    storageKey: listingImageKey(id, position),
    alt: imageAlt(parts.title, position),
    position,
    svg: productImageSvg({
      kind: sub.pictogram,
      hue: top.hue,
      seed: `${id}:${position}`,
      composition: position === 0 ? heroComposition : position,
      label: parts.brand,
    }),
  }));

  return {
    row: {
      id,
      sellerId: seller.id,
      categoryId,
      slug,
      title: parts.title,
      brand: parts.brand,
      description,
      descriptionHtml: renderMarkdown(description),
      condition: pickCondition(rng, sub),
      status: isDraft ? "draft" : "active",
      currency: "USD",
      optionNames,
      minPriceMinor: Math.min(...variantDrafts.map((v) => v.priceMinor)),
      viewCount: isDraft ? 0 : pickViewCount(rng),
      publishedAt,
      createdAt,
      updatedAt,
    },
    attributes: composeAttributes(rng, sub, optionNames, rng.int(2, 4)),
    variants: variantDrafts,
    images,
  };
}

/**
 * The demo marketplace a newcomer sees first: a two-level category tree, nine approved shops and
 * one waiting for review, ~320 listings with variants, stock, images and sales, and the three
 * demo accounts. Deterministic (seeded PRNG, stable ids); a no-op when the demo data is present.
 */
export async function seedDemo(db: Db, deps: SeedDeps): Promise<void> {
  const log = deps.log ?? (() => {});
  if (await isSeeded(db)) {
    log("Demo data already present, nothing to seed.");
    return;
  }
  const started = Date.now();

  // Hash outside the transaction: scrypt is slow by design and should not hold a connection open.
  const people = [
    { ...DEMO_ACCOUNTS.buyer, createdDaysAgo: 75 },
    { ...DEMO_ACCOUNTS.operator, createdDaysAgo: 420 },
    ...SELLER_SPECS.map((spec) => ({
      email: ownerEmail(spec),
      password: spec.slug === DEMO_SELLER_SLUG ? DEMO_ACCOUNTS.seller.password : DEMO_OWNER_PASSWORD,
      name: spec.slug === DEMO_SELLER_SLUG ? DEMO_ACCOUNTS.seller.name : spec.owner.name,
      createdDaysAgo: spec.createdDaysAgo + 1,
    })),
  ];
  const hashes = await Promise.all(people.map((p) => deps.hashPassword(p.password)));

  let summary = "";
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await isSeeded(tx)) return; // Another process seeded while we were hashing.

    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

    // Users: keep any account that already exists under a demo e-mail rather than failing.
    await tx
      .insert(users)
      .values(people.map((p) => ({ id: seededUuid(`demo-user:${p.email}`), email: p.email, name: p.name, createdAt: daysAgo(p.createdDaysAgo), updatedAt: daysAgo(p.createdDaysAgo) })))
      .onConflictDoNothing({ target: users.email });
    const userRows = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, people.map((p) => p.email)));
    const userIdByEmail = new Map(userRows.map((u) => [u.email.toLowerCase(), u.id]));
    const userId = (email: string) => {
      const id = userIdByEmail.get(email.toLowerCase());
      if (!id) throw new Error(`Seed user ${email} is missing`);
      return id;
    };
    await tx
      .insert(userCredentials)
      .values(people.map((p, i) => ({ userId: userId(p.email), passwordHash: hashes[i] ?? "" })))
      .onConflictDoNothing();
    const operatorId = userId(DEMO_ACCOUNTS.operator.email);
    await tx.insert(userRoles).values({ userId: operatorId, role: "operator", grantedAt: daysAgo(420) }).onConflictDoNothing();

    // Sellers, their owners and stock locations.
    const media: MediaFile[] = [];
    const sellerPlans: SellerPlan[] = SELLER_SPECS.map((spec) => {
      const id = seededUuid(`demo-seller:${spec.slug}`);
      const createdAt = daysAgo(spec.createdDaysAgo);
      return {
        spec,
        id,
        createdAt,
        nextListingNumber: 101,
        locations: spec.locations.map((l) => ({ ...l, id: seededUuid(`demo-location:${spec.slug}:${l.name}`), sellerId: id, createdAt, updatedAt: createdAt })),
      };
    });
    const sellerRows = sellerPlans.map(({ spec, id, createdAt }): typeof sellers.$inferInsert => {
      const about = sellerAbout(spec);
      const approved = spec.status === "approved";
      media.push({ fileKey: sellerLogoKey(spec.slug), content: sellerLogoSvg({ name: spec.name, hue: spec.hue }) });
      media.push({ fileKey: sellerBannerKey(spec.slug), content: sellerBannerSvg({ hue: spec.hue, seed: spec.slug, kind: spec.logoKind, pattern: spec.pattern }) });
      return {
        id,
        slug: spec.slug,
        name: spec.name,
        description: spec.description,
        contactEmail: `hello@${spec.slug}.agora.test`,
        contactPhone: spec.contactPhone,
        returnPolicy: spec.returnPolicy,
        about,
        aboutHtml: deps.renderMarkdown(about),
        logoKey: sellerLogoKey(spec.slug),
        bannerKey: sellerBannerKey(spec.slug),
        status: spec.status,
        reviewedAt: approved ? new Date(createdAt.getTime() + 2 * DAY_MS) : null,
        reviewedBy: approved ? operatorId : null,
        createdAt,
        updatedAt: approved ? new Date(createdAt.getTime() + 2 * DAY_MS) : createdAt,
      };
    });
    await tx.insert(sellers).values(sellerRows);
    await tx
      .insert(sellerMembers)
      .values(sellerPlans.map((s) => ({ sellerId: s.id, userId: userId(ownerEmail(s.spec)), role: "owner" as const, createdAt: s.createdAt })))
      .onConflictDoNothing();
    const locationRows = sellerPlans.flatMap((s) => s.locations);
    if (locationRows.length) await tx.insert(stockLocations).values(locationRows);

    // Category tree: top level, then subcategories. Existing slugs are reused, not duplicated.
    const topRows = await tx
      .insert(categories)
      .values(CATEGORY_TREE.map((top, position) => ({ id: seededUuid(`demo-category:${top.slug}`), slug: top.slug, name: top.name, position })))
      .onConflictDoUpdate({ target: categories.slug, set: { name: sql`excluded.name`, position: sql`excluded.position` } })
      .returning({ id: categories.id, slug: categories.slug });
    const topIdBySlug = new Map(topRows.map((r) => [r.slug, r.id]));
    const subRows = await tx
      .insert(categories)
      .values(
        CATEGORY_TREE.flatMap((top) =>
          top.subcategories.map((sub, position) => ({ id: seededUuid(`demo-category:${sub.slug}`), parentId: topIdBySlug.get(top.slug) ?? null, slug: sub.slug, name: sub.name, position })),
        ),
      )
      .onConflictDoUpdate({ target: categories.slug, set: { name: sql`excluded.name`, position: sql`excluded.position`, parentId: sql`excluded.parent_id` } })
      .returning({ id: categories.id, slug: categories.slug });
    const subIdBySlug = new Map(subRows.map((r) => [r.slug, r.id]));

    // Listings, spread over the shops that sell in each subcategory.
    const approvedPlans = sellerPlans.filter((s) => s.spec.status === "approved" && s.locations.length > 0);
    const coverage = new Map(approvedPlans.map((s) => [s.id, sellerSubcategories(s.spec)]));
    const usedTitles = new Set<string>();
    const usedSlugs = new Set<string>();
    const planned: DemoListing[] = [];
    for (const top of CATEGORY_TREE) {
      for (const sub of top.subcategories) {
        const categoryId = subIdBySlug.get(sub.slug);
        if (!categoryId) throw new Error(`Category ${sub.slug} was not created`);
        const eligible = approvedPlans.filter((s) => coverage.get(s.id)?.has(sub.slug)).map((s) => ({ plan: s, weight: s.spec.weight }));
        const pool = eligible.length ? eligible : approvedPlans.map((s) => ({ plan: s, weight: 1 }));
        for (let i = 0; i < LISTINGS_PER_SUBCATEGORY; i++) {
          const pickRng = new Rng(`demo-listing-seller:${sub.slug}:${i}`);
          const seller = pickWeighted(pickRng, pool).plan;
          planned.push(planListing(now, top, sub, i, categoryId, seller, usedTitles, usedSlugs, deps.renderMarkdown));
        }
      }
    }

    // The demo shop's portal should show drafts, a sold-out listing and a low-stock one.
    const demoShop = sellerPlans.find((s) => s.spec.slug === DEMO_SELLER_SLUG);
    const demoListings = planned.filter((l) => l.row.sellerId === demoShop?.id);
    demoListings.slice(1, 3).forEach((l) => {
      l.row.status = "draft";
      l.row.publishedAt = null;
      l.row.viewCount = 0;
    });
    const soldOut = demoListings[4];
    if (soldOut) for (const v of soldOut.variants) for (const s of v.stock) s.onHand = 0;
    const lowStock = demoListings[5]?.variants[0];
    if (lowStock) lowStock.stock.forEach((s, i) => (s.onHand = i === 0 ? 2 : 0));

    await insertChunked(planned, (chunk) => tx.insert(listings).values(chunk.map((l) => l.row)));
    await insertChunked(
      planned.flatMap((l) => l.attributes.map((a) => ({ listingId: l.row.id as string, ...a }))),
      (chunk) => tx.insert(listingAttributes).values(chunk),
    );
    const variantRows = planned.flatMap((l) =>
      l.variants.map((v) => ({
        id: v.id,
        listingId: l.row.id as string,
        sellerId: l.row.sellerId,
        sku: v.sku,
        options: v.options,
        priceMinor: v.priceMinor,
        compareAtMinor: v.compareAtMinor,
        position: v.position,
        createdAt: l.row.createdAt,
        updatedAt: l.row.updatedAt,
      })),
    );
    await insertChunked(variantRows, (chunk) => tx.insert(variants).values(chunk));
    const stockRows = planned.flatMap((l) => l.variants.flatMap((v) => v.stock.map((s) => ({ variantId: v.id, locationId: s.locationId, onHand: s.onHand }))));
    await insertChunked(stockRows, (chunk) => tx.insert(stockLevels).values(chunk));
    const imageRows = planned.flatMap((l) =>
      l.images.map((img) => ({
        listingId: l.row.id as string,
        sellerId: l.row.sellerId,
        storageKey: img.storageKey,
        widths: [],
        width: PRODUCT_IMAGE_SIZE,
        height: PRODUCT_IMAGE_SIZE,
        alt: img.alt,
        position: img.position,
        createdAt: l.row.createdAt,
      })),
    );
    await insertChunked(imageRows, (chunk) => tx.insert(listingImages).values(chunk));
    await writeSearchDocuments(tx, "all");
    const commerce = await seedCommerceSettings(tx);
    await seedCommunity(tx, deps, { buyer: DEMO_ACCOUNTS.buyer.email, seller: DEMO_ACCOUNTS.seller.email, operator: DEMO_ACCOUNTS.operator.email, password: DEMO_OWNER_PASSWORD });
    await seedReviewsDemo(tx, { now, renderMarkdown: deps.renderMarkdown, demoBuyerId: userId(DEMO_ACCOUNTS.buyer.email), demoSellerSlug: DEMO_SELLER_SLUG });
    await seedStories(tx, { renderMarkdown: deps.renderMarkdown, operatorEmail: DEMO_ACCOUNTS.operator.email, sellerEmail: DEMO_ACCOUNTS.seller.email, buyerEmail: DEMO_ACCOUNTS.buyer.email, demoSellerSlug: DEMO_SELLER_SLUG });

    // Files last, still inside the transaction: if writing fails, the rows roll back with it.
    for (const l of planned) for (const img of l.images) media.push({ fileKey: `${img.storageKey}.svg`, content: img.svg });
    await writeMediaFiles(deps.mediaDir, media);

    summary =
      `${sellerPlans.length} sellers, ${CATEGORY_TREE.length + subIdBySlug.size} categories, ${planned.length} listings, ` +
      `${variantRows.length} variants, ${imageRows.length} images, ${people.length} users, ` +
      `${commerce.methods} shipping methods, ${commerce.commissionRates} commission rates`;
  });

  if (summary) log(`Seeded demo marketplace (${summary}) in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
  else log("Demo data was seeded by another process, nothing to do.");
}
