/** Both apps, as started by scripts/e2e.ts. The localhost auth cookie is shared between the two ports. */
export const STOREFRONT_URL = process.env.STOREFRONT_URL ?? "http://localhost:3300";
export const SELLER_URL = process.env.SELLER_URL ?? "http://localhost:3301";

export const storefrontUrl = (path = "/") => new URL(path, STOREFRONT_URL).toString();
export const sellerUrl = (path = "/") => new URL(path, SELLER_URL).toString();
