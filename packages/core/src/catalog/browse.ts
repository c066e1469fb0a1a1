import { and, asc, desc, eq, inArray, sql, type Db, type SQL } from "@agora/db";
import { schema } from "@agora/db";
import type { CatalogSort } from "@agora/validators";
import { notFound } from "../errors";
import { availableFrom, stockState, type StockState } from "../inventory/stock-state";

const { listings, variants, listingImages, listingAttributes, stockLevels, stockLocations, sellers, categories, listingRatings, sellerRatings } = schema;

export const CATALOG_PAGE_SIZE = 24;

/** A listing as shoppers see it in grids: enough to render a card, nothing more. */
export interface ListingCard {
  id: string;
  slug: string;
  title: string;
  brand: string | null;
  currency: string;
  priceMinor: number;
  compareAtMinor: number | null;
  available: number;
  sellerName: string;
  sellerSlug: string;
  image: { storageKey: string; widths: number[]; alt: string } | null;
  /** Average of visible reviews (one decimal) and how many; null until reviewed. */
  rating?: { average: number; count: number } | null;
  /** Placed here by a merchandising pin. */
  featured?: boolean;
}

/** Only active listings of approved stores are ever shown to shoppers. */
const visible = and(eq(listings.status, "active"), sql`${sellers.status} = 'approved'`);

/** The columns of a ListingCard, for a select from listings joined with sellers. */
export const listingCardColumns = {
  id: listings.id,
  slug: listings.slug,
  title: listings.title,
  brand: listings.brand,
  currency: listings.currency,
  priceMinor: listings.minPriceMinor,
  compareAtMinor: sql<number | null>`(select max(${variants.compareAtMinor}) from ${variants}
    where ${variants.listingId} = ${listings.id} and ${variants.priceMinor} = ${listings.minPriceMinor})`,
  available: sql<number>`(select coalesce(sum(greatest(${stockLevels.onHand} - ${stockLevels.reserved}, 0)), 0)::int
    from ${stockLevels} join ${variants} on ${variants.id} = ${stockLevels.variantId} where ${variants.listingId} = ${listings.id})`,
  sellerName: sellers.name,
  sellerSlug: sellers.slug,
  image: sql<ListingCard["image"]>`(select json_build_object('storageKey', ${listingImages.storageKey}, 'widths', ${listingImages.widths}, 'alt', ${listingImages.alt})
    from ${listingImages} where ${listingImages.listingId} = ${listings.id} order by ${listingImages.position} limit 1)`,
  rating: sql<ListingCard["rating"]>`(select json_build_object('average', round(${listingRatings.ratingSum}::numeric / ${listingRatings.reviewCount}, 1), 'count', ${listingRatings.reviewCount})
    from ${listingRatings} where ${listingRatings.listingId} = ${listings.id} and ${listingRatings.reviewCount} > 0)`,
};

const orderFor: Record<CatalogSort, SQL[]> = {
  popular: [desc(listings.viewCount), desc(listings.publishedAt), asc(listings.id)],
  newest: [desc(listings.publishedAt), asc(listings.id)],
  "price-asc": [asc(listings.minPriceMinor), asc(listings.id)],
  "price-desc": [desc(listings.minPriceMinor), asc(listings.id)],
};

async function cards(db: Db, where: SQL | undefined, sort: CatalogSort, limit: number, offset = 0): Promise<ListingCard[]> {
  return db
    .select(listingCardColumns)
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(and(visible, where))
    .orderBy(...orderFor[sort])
    .limit(limit)
    .offset(offset);
}

export type Category = typeof categories.$inferSelect;

export async function getCategoryTree(db: Db) {
  const all = await db.select().from(categories).orderBy(asc(categories.position), asc(categories.name));
  return all
    .filter((c) => !c.parentId)
    .map((top) => ({ ...top, children: all.filter((c) => c.parentId === top.id) }));
}

export async function getHomePage(db: Db) {
  const [tree, newest, popular] = await Promise.all([
    getCategoryTree(db),
    cards(db, undefined, "newest", 8),
    cards(db, undefined, "popular", 8),
  ]);
  return { categories: tree, newest, popular };
}

export async function getCategoryPage(db: Db, slug: string, options: { sort: CatalogSort; page: number }) {
  const [category] = await db.select().from(categories).where(eq(categories.slug, slug));
  if (!category) throw notFound("The category");
  const [children, parent] = await Promise.all([
    db.select().from(categories).where(eq(categories.parentId, category.id)).orderBy(asc(categories.position)),
    category.parentId ? db.select().from(categories).where(eq(categories.id, category.parentId)).then((r) => r[0] ?? null) : null,
  ]);
  const ids = [category.id, ...children.map((c) => c.id)];
  const where = inArray(listings.categoryId, ids);
  const [items, [total]] = await Promise.all([
    cards(db, where, options.sort, CATALOG_PAGE_SIZE, (options.page - 1) * CATALOG_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(listings)
      .innerJoin(sellers, eq(sellers.id, listings.sellerId))
      .where(and(visible, where)),
  ]);
  const count = total?.n ?? 0;
  return {
    category,
    parent,
    children,
    items,
    total: count,
    page: options.page,
    pageCount: Math.max(1, Math.ceil(count / CATALOG_PAGE_SIZE)),
  };
}

export interface ProductVariant {
  id: string;
  sku: string;
  options: { name: string; value: string }[];
  priceMinor: number;
  compareAtMinor: number | null;
  stock: StockState;
}

export async function getProductPage(db: Db, slug: string) {
  const [row] = await db
    .select({ listing: listings, seller: sellers, category: categories })
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .innerJoin(categories, eq(categories.id, listings.categoryId))
    .where(and(eq(listings.slug, slug), visible));
  if (!row) throw notFound("The product");
  const id = row.listing.id;
  const [variantRows, levels, images, attributes, parent, pickup] = await Promise.all([
    db.select().from(variants).where(eq(variants.listingId, id)).orderBy(asc(variants.position)),
    db
      .select({ variantId: stockLevels.variantId, onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .innerJoin(variants, eq(variants.id, stockLevels.variantId))
      .where(eq(variants.listingId, id)),
    db.select().from(listingImages).where(eq(listingImages.listingId, id)).orderBy(asc(listingImages.position)),
    db.select().from(listingAttributes).where(eq(listingAttributes.listingId, id)).orderBy(asc(listingAttributes.position)),
    row.category.parentId ? db.select().from(categories).where(eq(categories.id, row.category.parentId)).then((r) => r[0] ?? null) : null,
    db
      .select({ city: stockLocations.city })
      .from(stockLocations)
      .where(and(eq(stockLocations.sellerId, row.seller.id), eq(stockLocations.pickupEnabled, true))),
  ]);
  const productVariants: ProductVariant[] = variantRows.map((v) => ({
    id: v.id,
    sku: v.sku,
    options: v.options,
    priceMinor: v.priceMinor,
    compareAtMinor: v.compareAtMinor,
    stock: stockState(availableFrom(levels.filter((l) => l.variantId === v.id))),
  }));
  const { seller } = row;
  return {
    listing: {
      id,
      slug: row.listing.slug,
      title: row.listing.title,
      brand: row.listing.brand,
      condition: row.listing.condition,
      currency: row.listing.currency,
      descriptionHtml: row.listing.descriptionHtml,
      optionNames: row.listing.optionNames,
      sellerId: row.listing.sellerId,
      categoryId: row.listing.categoryId,
    },
    variants: productVariants,
    images: images.map((i) => ({ id: i.id, storageKey: i.storageKey, widths: i.widths, alt: i.alt, width: i.width, height: i.height })),
    attributes: attributes.map((a) => ({ name: a.name, value: a.value })),
    category: row.category,
    parentCategory: parent,
    seller: {
      id: seller.id,
      slug: seller.slug,
      name: seller.name,
      logoKey: seller.logoKey,
      description: seller.description,
      returnPolicy: seller.returnPolicy,
      pickupCities: [...new Set(pickup.map((p) => p.city))],
    },
  };
}
export type ProductPage = Awaited<ReturnType<typeof getProductPage>>;

export async function getStorePage(db: Db, slug: string, options: { sort: CatalogSort; page: number }) {
  const [seller] = await db
    .select()
    .from(sellers)
    .where(and(eq(sellers.slug, slug), eq(sellers.status, "approved")));
  if (!seller) throw notFound("The store");
  const where = eq(listings.sellerId, seller.id);
  const [items, [total], [ratings]] = await Promise.all([
    cards(db, where, options.sort, CATALOG_PAGE_SIZE, (options.page - 1) * CATALOG_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(listings).where(and(where, eq(listings.status, "active"))),
    db.select().from(sellerRatings).where(eq(sellerRatings.sellerId, seller.id)),
  ]);
  const count = total?.n ?? 0;
  return {
    seller: {
      id: seller.id,
      slug: seller.slug,
      name: seller.name,
      description: seller.description,
      aboutHtml: seller.aboutHtml,
      returnPolicy: seller.returnPolicy,
      logoKey: seller.logoKey,
      bannerKey: seller.bannerKey,
      memberSince: seller.createdAt,
      /** Average of the visible reviews of all the store's listings (one decimal); null until reviewed. */
      rating: ratings && ratings.reviewCount > 0 ? { average: Math.round((ratings.ratingSum / ratings.reviewCount) * 10) / 10, count: ratings.reviewCount } : null,
    },
    items,
    total: count,
    page: options.page,
    pageCount: Math.max(1, Math.ceil(count / CATALOG_PAGE_SIZE)),
  };
}

/** Counts a product view; popularity sorts by it. */
export async function recordListingView(db: Db, listingId: string): Promise<void> {
  await db
    .update(listings)
    .set({ viewCount: sql`${listings.viewCount} + 1`, updatedAt: sql`${listings.updatedAt}` })
    .where(and(eq(listings.id, listingId), eq(listings.status, "active")));
}
