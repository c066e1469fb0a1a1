import { cachedAlsoBought } from "~/lib/discovery";
import { ProductRail } from "./product-rail";

/** "Customers also bought" on a product page; nothing until enough shoppers bought this with something else (see core's alsoBought). */
export async function AlsoBought({ listingId }: { listingId: string }) {
  const items = await cachedAlsoBought(listingId);
  if (!items.length) return null;
  return (
    <ProductRail
      id={`also-bought-${listingId}`}
      title="Customers also bought"
      description="Other products bought by shoppers who bought this."
      items={items}
      className="mt-12"
    />
  );
}
