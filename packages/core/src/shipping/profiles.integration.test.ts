import { eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createCategory,
  createOperator,
  createSellerAccount,
  createStockLocation,
  domainErrorOf,
  listingInput,
  variantInput,
} from "../../../../tooling/vitest/fixtures";
import { createListing, getSellerListing } from "../catalog/listings";
import { estimateDelivery } from "./delivery-estimate";
import { DEFAULT_TIMING, deliveryOptionsFor } from "./delivery-options";
import { getListingDelivery } from "./listing-delivery";
import {
  createShippingMethod,
  getShippingSettings,
  saveShippingProfile,
  setShippingMethodActive,
  updateShippingMethod,
} from "./profiles";

const { db } = await useTestDatabase();

const profile = { handlingDays: 2, cutoffHour: 12, timeZone: "America/Denver", shipsTo: ["US"] };
const method = (name: string, position = 0) => ({
  name,
  transitDaysMin: 2 + position,
  transitDaysMax: 4 + position,
  priceMinor: 500 + position * 1000,
  freeOverMinor: position === 0 ? 5000 : null,
  active: true,
});

let categoryId: string;
let reviewerId: string;

beforeAll(async () => {
  categoryId = (await createCategory(db)).id;
  reviewerId = (await createOperator(db)).id;
});

async function sellerWithListing() {
  const { seller } = await createSellerAccount(db, "approved", { reviewerId });
  const pickup = await createStockLocation(db, seller.id, {
    name: "Shop",
    pickupEnabled: true,
    line1: "1 Main St",
    postalCode: "80301",
    city: "Boulder",
  });
  const warehouse = await createStockLocation(db, seller.id, { name: "Warehouse", pickupEnabled: false });
  const listing = await createListing(
    db,
    seller.id,
    listingInput(categoryId, {
      optionNames: ["Size"],
      variants: [
        variantInput({
          options: ["S"],
          stock: [
            { locationId: pickup.id, onHand: 3 },
            { locationId: warehouse.id, onHand: 9 },
          ],
        }),
        variantInput({ options: ["M"], stock: [{ locationId: pickup.id, onHand: 2 }] }),
        variantInput({ options: ["L"], stock: [{ locationId: warehouse.id, onHand: 5 }] }),
      ],
    }),
  );
  const variants = (await getSellerListing(db, seller.id, listing.id)).variants.map((v) => v.id);
  return { seller, listing, pickup, warehouse, variants };
}

describe("getListingDelivery (the product page's delivery box)", () => {
  it("without a profile offers no shipping, only pickup where the variant is available", async () => {
    const { seller, listing, pickup, variants } = await sellerWithListing();
    const [s, m] = variants;
    // Units reserved by checkouts are not available: M has 2 on hand, 2 reserved.
    await db
      .update(schema.stockLevels)
      .set({ reserved: 2 })
      .where(eq(schema.stockLevels.variantId, m ?? ""));

    const delivery = await getListingDelivery(db, seller.id, listing.id);
    expect(delivery).toEqual({
      timing: DEFAULT_TIMING,
      shipsTo: [],
      methods: [],
      pickup: [{ locationId: pickup.id, name: "Shop", address: "1 Main St, 80301 Boulder", variantIds: [s] }],
    });
  });

  it("lists the active methods in the seller's order, with the timing the dates are computed from", async () => {
    const { seller, listing } = await sellerWithListing();
    await saveShippingProfile(db, seller.id, profile);
    const standard = await createShippingMethod(db, seller.id, method("Standard", 0));
    const express = await createShippingMethod(db, seller.id, method("Express", 1));
    const paused = await createShippingMethod(db, seller.id, method("Economy", 2));
    await setShippingMethodActive(db, seller.id, paused.id, false);

    const delivery = await getListingDelivery(db, seller.id, listing.id);
    expect(delivery.timing).toEqual({ handlingDays: 2, cutoffHour: 12, timeZone: "America/Denver" });
    expect(delivery.shipsTo).toEqual(["US"]);
    expect(delivery.methods.map((x) => x.id)).toEqual([standard.id, express.id]);

    // The same promise the cart prices: one computation, two readers.
    const now = new Date("2026-03-10T15:00:00Z");
    const options = await deliveryOptionsFor(db, [{ sellerId: seller.id, subtotalMinor: 1000, lines: [] }], now);
    const shipping = options.get(seller.id)?.options.filter((o) => o.kind === "shipping") ?? [];
    expect(shipping.map((o) => o.estimate)).toEqual(delivery.methods.map((x) => estimateDelivery(delivery.timing, x, now)));
  });

  it("shows another seller's locations never", async () => {
    const a = await sellerWithListing();
    const b = await sellerWithListing();
    const delivery = await getListingDelivery(db, b.seller.id, a.listing.id);
    expect(delivery.pickup.map((p) => p.locationId)).toEqual([b.pickup.id]);
    expect(delivery.pickup[0]?.variantIds).toEqual([]);
  });
});

describe("shipping methods under concurrency", () => {
  it("two requests adding the same name at once create one method", async () => {
    const { seller } = await createSellerAccount(db, "approved", { reviewerId });
    await saveShippingProfile(db, seller.id, profile);
    const results = await Promise.allSettled([0, 1, 2, 3].map(() => createShippingMethod(db, seller.id, method("Standard"))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getShippingSettings(db, seller.id)).methods).toHaveLength(1);
  });

  it("an update of a missing method is NOT_FOUND", async () => {
    const { seller } = await createSellerAccount(db, "approved", { reviewerId });
    await saveShippingProfile(db, seller.id, profile);
    const error = await domainErrorOf(
      updateShippingMethod(db, seller.id, "4f1c2b7e-3d5a-4e8b-9c0d-1a2b3c4d5e6f", method("Standard")),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});
