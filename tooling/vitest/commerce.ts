/**
 * Commerce fixtures: an approved shop with a shipping method, a published listing with stock, and a
 * shopper — built through the real use-cases where they exist.
 */
import { createListing, setListingStatus, type Seller } from "@agora/core";
import { eq, schema, type Db } from "@agora/db";
import type { AddressInput } from "@agora/validators";
import { createCategory, createSellerAccount, createStockLocation, listingInput, variantInput, type TestViewer } from "./fixtures";

export interface TestShop {
  viewer: TestViewer;
  seller: Seller;
  locationId: string;
  methodId: string;
  categoryId: string;
}

export async function createShop(
  db: Db,
  options: { pickup?: boolean; method?: { priceMinor?: number; freeOverMinor?: number | null; transitDaysMin?: number; transitDaysMax?: number }; shipsTo?: string[] } = {},
): Promise<TestShop> {
  const { viewer, seller } = await createSellerAccount(db, "approved");
  const location = await createStockLocation(db, seller.id, { pickupEnabled: options.pickup ?? false });
  await db.insert(schema.shippingProfiles).values({ sellerId: seller.id, handlingDays: 1, cutoffHour: 14, timeZone: "UTC", shipsTo: options.shipsTo ?? ["US"] });
  const [method] = await db
    .insert(schema.shippingMethods)
    .values({
      sellerId: seller.id,
      name: "Standard",
      transitDaysMin: options.method?.transitDaysMin ?? 2,
      transitDaysMax: options.method?.transitDaysMax ?? 4,
      priceMinor: options.method?.priceMinor ?? 500,
      freeOverMinor: options.method?.freeOverMinor ?? null,
    })
    .returning();
  if (!method) throw new Error("method insert returned nothing");
  const category = await createCategory(db);
  return { viewer, seller, locationId: location.id, methodId: method.id, categoryId: category.id };
}

/** A published listing with one variant holding `stock` units at the shop's location. */
export async function createProduct(db: Db, shop: TestShop, options: { stock: number; priceMinor?: number; title?: string }) {
  const listing = await createListing(
    db,
    shop.seller.id,
    listingInput(shop.categoryId, {
      title: options.title ?? "Enamel camp mug",
      variants: [variantInput({ priceMinor: options.priceMinor ?? 2500, stock: [{ locationId: shop.locationId, onHand: options.stock }] })],
    }),
  );
  await setListingStatus(db, shop.seller, listing.id, "active");
  const [variant] = await db.select().from(schema.variants).where(eq(schema.variants.listingId, listing.id));
  if (!variant) throw new Error("variant missing");
  return { listing, variant };
}

export async function stockOf(db: Db, variantId: string) {
  const rows = await db.select().from(schema.stockLevels).where(eq(schema.stockLevels.variantId, variantId));
  return { onHand: rows.reduce((s, r) => s + r.onHand, 0), reserved: rows.reduce((s, r) => s + r.reserved, 0) };
}

export const testAddress: AddressInput = {
  name: "Ada Shopper",
  line1: "12 Harbour Street",
  line2: null,
  city: "Portland",
  region: "OR",
  postalCode: "97201",
  country: "US",
  phone: null,
};

export const successCard = { type: "test_card" as const, number: "4242424242424242", expMonth: 12, expYear: 2034, cvc: "123" };
export const declinedCard = { ...successCard, number: "4000000000000002" };
export const insufficientFundsCard = { ...successCard, number: "4000000000009995" };

export const newKey = () => `key_${crypto.randomUUID().replace(/-/g, "")}`;
