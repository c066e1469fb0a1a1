import { cachedSimilar } from "~/lib/discovery";
import { ProductRail } from "./product-rail";

/** "Similar items" on a product page: same or nearby category, shared details, a similar price. */
export async function SimilarItems({ listingId, categoryId }: { listingId: string; categoryId: string }) {
  const items = await cachedSimilar(listingId, categoryId);
  if (!items.length) return null;
  return <ProductRail id={`similar-${listingId}`} title="Similar items" items={items} className="mt-12" />;
}
