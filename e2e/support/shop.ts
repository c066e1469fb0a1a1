/**
 * Shops for the commerce journeys, written straight to the journey database through the real
 * use-cases: an approved seller who can sign in to the portal, shipping methods, and a published
 * listing with stock. (Applying and approval through the UI have journeys of their own.)
 */
import {
  applyToSell,
  createListing,
  createLocation,
  registerUser,
  reviewSeller,
  setListingStatus,
} from "@agora/core";
import { createDb, eq, schema } from "@agora/db";
import { DEMO_ACCOUNTS, newPerson, newStore, type Person, type StoreDraft } from "./data";

function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys through `npm run test:e2e`.");
  return createDb(url, { max: 2 });
}

export interface TestShop {
  person: Person;
  store: StoreDraft;
  sellerId: string;
  product: { slug: string; title: string; priceMinor: number };
}

/** An approved store with Standard and Express shipping and one published product. */
export async function createShopWithProduct(options: { title: string; priceMinor: number; stock: number }): Promise<TestShop> {
  const { db, close } = database();
  try {
    const person = newPerson("seller");
    const store = newStore();
    const user = await registerUser(db, { name: person.name, email: person.email, password: person.password });
    const [operator] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, DEMO_ACCOUNTS.operator.email));
    if (!operator) throw new Error("the demo operator is missing from the journey database");
    const applied = await applyToSell(db, user.id, {
      name: store.name,
      slug: store.slug,
      description: "Hand-picked goods for the outdoors.",
      contactEmail: person.email,
      contactPhone: undefined,
      returnPolicy: "Returns within 30 days.",
    });
    const seller = await reviewSeller(db, operator.id, { sellerId: applied.id, decision: "approve" });
    const location = await createLocation(db, seller.id, { name: "Main warehouse", line1: "1 Dock Road", city: "Portland", postalCode: "97201", country: "US", pickupEnabled: false });
    await db.insert(schema.shippingProfiles).values({ sellerId: seller.id, handlingDays: 1, cutoffHour: 14, timeZone: "UTC", shipsTo: ["US"] });
    await db.insert(schema.shippingMethods).values([
      { sellerId: seller.id, name: "Standard", transitDaysMin: 3, transitDaysMax: 5, priceMinor: 495, freeOverMinor: null, position: 0 },
      { sellerId: seller.id, name: "Express", transitDaysMin: 1, transitDaysMax: 2, priceMinor: 1495, freeOverMinor: null, position: 1 },
    ]);
    const [category] = await db.select({ id: schema.categories.id }).from(schema.categories).limit(1);
    if (!category) throw new Error("no categories in the journey database");
    const listing = await createListing(db, seller.id, {
      title: options.title,
      brand: undefined,
      description: "Made to last.",
      categoryId: category.id,
      condition: "new",
      attributes: [],
      optionNames: [],
      variants: [{ sku: `E2E-${store.slug}`.slice(0, 60), options: [], priceMinor: options.priceMinor, compareAtMinor: null, stock: [{ locationId: location.id, onHand: options.stock }] }],
    });
    await setListingStatus(db, seller, listing.id, "active");
    return { person, store, sellerId: seller.id, product: { slug: listing.slug, title: listing.title, priceMinor: options.priceMinor } };
  } finally {
    await close();
  }
}
