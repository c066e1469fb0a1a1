import type { ListingInput } from "@agora/validators";

export interface CategoryGroup {
  id: string;
  name: string;
  children: { id: string; name: string }[];
}

export interface LocationOption {
  id: string;
  name: string;
}

/** The listing as the server has it (seller.listings.get), flattened for the form. */
export interface ListingFormData {
  title: string;
  brand: string | null;
  description: string;
  categoryId: string;
  condition: ListingInput["condition"];
  optionNames: string[];
  attributes: { name: string; value: string }[];
  variants: {
    id: string;
    sku: string;
    options: string[];
    priceMinor: number;
    compareAtMinor: number | null;
    stock: { locationId: string; onHand: number; reserved: number }[];
  }[];
}

/** The server's listing (seller.listings.get) in the shape the form starts from. */
export function formDataFromListing(data: {
  listing: {
    title: string;
    brand: string | null;
    description: string;
    categoryId: string;
    condition: ListingInput["condition"];
    optionNames: string[];
  };
  attributes: { name: string; value: string }[];
  variants: ListingFormData["variants"];
}): ListingFormData {
  return {
    title: data.listing.title,
    brand: data.listing.brand,
    description: data.listing.description,
    categoryId: data.listing.categoryId,
    condition: data.listing.condition,
    optionNames: data.listing.optionNames,
    attributes: data.attributes,
    variants: data.variants,
  };
}
