/**
 * Names of the storefront cache entries a catalog change must expire. Pages tag what they read with
 * these; use-case callers expire them after a write commits.
 */
export const cacheTags = {
  catalog: "catalog",
  categories: "categories",
  listing: (id: string) => `listing:${id}`,
  seller: (id: string) => `seller:${id}`,
  category: (id: string) => `category:${id}`,
} as const;

export function listingChangeTags(listing: { id: string; sellerId: string; categoryId: string }, previousCategoryId?: string) {
  const tags = [cacheTags.catalog, cacheTags.listing(listing.id), cacheTags.seller(listing.sellerId), cacheTags.category(listing.categoryId)];
  if (previousCategoryId && previousCategoryId !== listing.categoryId) tags.push(cacheTags.category(previousCategoryId));
  return tags;
}
