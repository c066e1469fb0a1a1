import { cachedHomeCarousel } from "~/lib/discovery";
import { ProductRail } from "./product-rail";

/** The home page's featured row: what sells, with the marketplace team's picks at their positions. */
export async function HomeCarousel() {
  const items = await cachedHomeCarousel();
  if (!items.length) return null;
  return <ProductRail id="featured" title="Featured" description="Best sellers and picks from our team." items={items} />;
}
