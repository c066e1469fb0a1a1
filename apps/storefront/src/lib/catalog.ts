import "server-only";
import {
  cacheTags,
  DomainError,
  getCategoryPage,
  getCategoryTree,
  getHomePage,
  getListingDelivery,
  getProductPage,
  getStorePage,
} from "@agora/core";
import { getDb } from "@agora/db";
import type { CatalogSort } from "@agora/validators";
import { cacheLife, cacheTag } from "next/cache";

/**
 * Cached catalog reads. A seller's write expires the affected entries at once through their tags
 * (`/api/revalidate`, or the storefront's own tRPC handler). The hourly background refresh is only a
 * safety net: it picks up slow signals such as popularity and anything written while this server was
 * down, and it is served stale-while-revalidate, so no visitor waits for it.
 */
function catalogLifetime() {
  cacheLife({ stale: 300, revalidate: 60 * 60, expire: 60 * 60 * 24 * 365 });
}

/** Missing slugs are cached too (as null), under tags a new or re-published item would expire. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function cachedCategoryTree() {
  "use cache";
  catalogLifetime();
  cacheTag(cacheTags.categories);
  return getCategoryTree(getDb());
}

export async function cachedHomePage() {
  "use cache";
  catalogLifetime();
  cacheTag(cacheTags.catalog, cacheTags.categories);
  const data = await getHomePage(getDb());
  // Stock moves (orders, cancellations) expire only the listing's own tags: the cards shown carry them.
  const shown = [...data.newest, ...data.popular];
  cacheTag(...new Set(shown.map((c) => cacheTags.listing(c.id))));
  return data;
}

export async function cachedCategoryPage(slug: string, sort: CatalogSort, page: number) {
  "use cache";
  catalogLifetime();
  // Cards show prices, stock and seller names from anywhere in the catalog: any catalog write expires them.
  cacheTag(cacheTags.catalog, cacheTags.categories);
  const data = await orNull(getCategoryPage(getDb(), slug, { sort, page }));
  if (data) cacheTag(cacheTags.category(data.category.id), ...data.children.map((c) => cacheTags.category(c.id)));
  return data;
}

export async function cachedProductPage(slug: string) {
  "use cache";
  catalogLifetime();
  const data = await orNull(getProductPage(getDb(), slug));
  if (!data) {
    // A listing published under this slug later is a catalog write.
    cacheTag(cacheTags.catalog);
    return null;
  }
  cacheTag(
    cacheTags.listing(data.listing.id),
    cacheTags.seller(data.seller.id),
    cacheTags.category(data.category.id),
    cacheTags.categories,
    ...(data.parentCategory ? [cacheTags.category(data.parentCategory.id)] : []),
  );
  // Delivery methods and pickup stock without dates: the page computes them for the day it is viewed.
  const delivery = await getListingDelivery(getDb(), data.seller.id, data.listing.id);
  return { ...data, delivery };
}

export async function cachedStorePage(slug: string, sort: CatalogSort, page: number) {
  "use cache";
  catalogLifetime();
  cacheTag(cacheTags.catalog);
  const data = await orNull(getStorePage(getDb(), slug, { sort, page }));
  if (data) cacheTag(cacheTags.seller(data.seller.id));
  return data;
}
