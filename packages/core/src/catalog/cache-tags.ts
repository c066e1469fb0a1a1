/**
 * Names of the storefront cache entries a catalog change must expire. Pages tag what they read with
 * these; use-case callers expire them after a write commits.
 */
export const cacheTags = {
  catalog: "catalog",
  categories: "categories",
  /**
   * Search results: expired by anything that changes what a search finds or counts (a listing's words,
   * price, stock, rating, or a store's delivery promise and pickup). Catalog writes expire it too.
   */
  search: "search",
  listing: (id: string) => `listing:${id}`,
  seller: (id: string) => `seller:${id}`,
  category: (id: string) => `category:${id}`,
} as const;

export function listingChangeTags(listing: { id: string; sellerId: string; categoryId: string }, previousCategoryId?: string) {
  const tags = [cacheTags.catalog, cacheTags.search, cacheTags.listing(listing.id), cacheTags.seller(listing.sellerId), cacheTags.category(listing.categoryId)];
  if (previousCategoryId && previousCategoryId !== listing.categoryId) tags.push(cacheTags.category(previousCategoryId));
  return tags;
}

/** A store's shipping methods or stock locations changed: its pages and the searches' delivery and pickup facets. */
export function deliveryChangeTags(sellerId: string) {
  return [cacheTags.seller(sellerId), cacheTags.search];
}
