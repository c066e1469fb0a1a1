import { cachedCategoryCarousel } from "~/lib/discovery";
import { ProductRail } from "./product-rail";

/** A category's featured row, shown only while a listing is pinned there. */
export async function CategoryCarousel({ category, subcategoryIds }: { category: { id: string; name: string }; subcategoryIds: string[] }) {
  const items = await cachedCategoryCarousel(category.id, [category.id, ...subcategoryIds]);
  if (!items.length) return null;
  return <ProductRail id={`featured-${category.id}`} title={`Featured in ${category.name}`} items={items} className="mt-6" />;
}
