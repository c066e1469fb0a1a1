import { revalidateStorefront } from "@agora/api/http";

/** Catalog pages are cached by the storefront; tell it what changed. */
export const revalidate = revalidateStorefront;
