import { inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { categories, commissionRates, sellers, shippingMethods, shippingProfiles } from "../schema";
import { SELLER_SPECS } from "./data";
import { seededUuid } from "./random";

/**
 * The commerce settings of the demo marketplace: each demo shop's shipping profile and methods, and the
 * platform's commission rates. Added only where nothing is set yet, so a shop's own changes are kept.
 */

interface MethodSpec {
  name: string;
  transitDaysMin: number;
  transitDaysMax: number;
  priceMinor: number;
  freeOverMinor?: number;
}

interface ShippingSpec {
  handlingDays: number;
  cutoffHour: number;
  timeZone: string;
  shipsTo: string[];
  methods: MethodSpec[];
}

const standard = (min: number, max: number, priceMinor: number, freeOverMinor?: number): MethodSpec => ({
  name: "Standard",
  transitDaysMin: min,
  transitDaysMax: max,
  priceMinor,
  ...(freeOverMinor !== undefined ? { freeOverMinor } : {}),
});

/** By shop slug; the shops' stock locations (data.ts) decide where pickup is offered. */
export const DEMO_SHIPPING: Record<string, ShippingSpec> = {
  "northwind-outfitters": {
    handlingDays: 1,
    cutoffHour: 14,
    timeZone: "America/Los_Angeles",
    shipsTo: ["US", "CA"],
    methods: [
      standard(3, 5, 595, 7500),
      { name: "Express", transitDaysMin: 1, transitDaysMax: 2, priceMinor: 1695 },
      { name: "Economy", transitDaysMin: 5, transitDaysMax: 8, priceMinor: 395 },
    ],
  },
  "cedar-and-pine": {
    handlingDays: 2,
    cutoffHour: 12,
    timeZone: "America/Denver",
    shipsTo: ["US"],
    methods: [
      { name: "Ground", transitDaysMin: 4, transitDaysMax: 6, priceMinor: 495, freeOverMinor: 5000 },
      { name: "Two-day", transitDaysMin: 2, transitDaysMax: 2, priceMinor: 1295 },
    ],
  },
  "riverbend-tackle": {
    handlingDays: 1,
    cutoffHour: 15,
    timeZone: "America/Denver",
    shipsTo: ["US", "CA"],
    methods: [
      standard(3, 5, 495, 5000),
      { name: "Priority", transitDaysMin: 1, transitDaysMax: 2, priceMinor: 1495 },
      { name: "Economy", transitDaysMin: 5, transitDaysMax: 8, priceMinor: 295 },
    ],
  },
  "copper-pot-kitchen": {
    handlingDays: 0,
    cutoffHour: 13,
    timeZone: "America/Chicago",
    shipsTo: ["US"],
    methods: [standard(2, 4, 695, 9900), { name: "Next day", transitDaysMin: 1, transitDaysMax: 1, priceMinor: 1995 }],
  },
  "hearth-and-loom": {
    handlingDays: 3,
    cutoffHour: 12,
    timeZone: "America/New_York",
    shipsTo: ["US", "CA", "GB"],
    methods: [standard(3, 6, 750, 12000)],
  },
  "fernhill-clothing": {
    handlingDays: 1,
    cutoffHour: 16,
    timeZone: "America/Los_Angeles",
    shipsTo: ["US", "CA"],
    methods: [
      standard(3, 5, 495, 6000),
      { name: "Express", transitDaysMin: 1, transitDaysMax: 2, priceMinor: 1495 },
      { name: "Economy", transitDaysMin: 5, transitDaysMax: 8, priceMinor: 295 },
    ],
  },
  "voltage-lane": {
    handlingDays: 0,
    cutoffHour: 17,
    timeZone: "America/Chicago",
    shipsTo: ["US"],
    methods: [standard(2, 4, 0), { name: "Next day", transitDaysMin: 1, transitDaysMax: 1, priceMinor: 2495 }],
  },
  "saltwater-supply": {
    handlingDays: 2,
    cutoffHour: 14,
    timeZone: "America/New_York",
    shipsTo: ["US"],
    methods: [standard(3, 5, 595, 7500), { name: "Economy", transitDaysMin: 5, transitDaysMax: 8, priceMinor: 350 }],
  },
  "maple-street-home": {
    handlingDays: 2,
    cutoffHour: 11,
    timeZone: "America/New_York",
    shipsTo: ["US", "CA"],
    methods: [standard(4, 7, 895, 15000), { name: "Express", transitDaysMin: 2, transitDaysMax: 3, priceMinor: 2200 }],
  },
  "lumen-and-ash": {
    handlingDays: 2,
    cutoffHour: 14,
    timeZone: "America/New_York",
    shipsTo: ["US"],
    methods: [standard(3, 5, 595, 6000)],
  },
};

/** A demo shop added to data.ts without its own entry above ships like this. */
const FALLBACK_SHIPPING: ShippingSpec = {
  handlingDays: 1,
  cutoffHour: 14,
  timeZone: "America/New_York",
  shipsTo: ["US"],
  methods: [standard(3, 5, 495, 5000), { name: "Express", transitDaysMin: 1, transitDaysMax: 2, priceMinor: 1495 }],
};

/** Platform commission: a default, a lower rate for thin-margin electronics, and one shop's negotiated rate. */
export const DEMO_COMMISSION = {
  defaultBps: 1000,
  category: { slug: "electronics", rateBps: 800 },
  seller: { slug: "northwind-outfitters", rateBps: 850 },
} as const;

/**
 * Gives every demo shop without a shipping profile its profile and methods, and sets the commission rates
 * when none exist. Safe to run again and on a database in use.
 */
export async function seedCommerceSettings(db: Db): Promise<{ profiles: number; methods: number; commissionRates: number }> {
  const shops = await db
    .select({ id: sellers.id, slug: sellers.slug })
    .from(sellers)
    .where(
      inArray(
        sellers.slug,
        SELLER_SPECS.map((s) => s.slug),
      ),
    );
  const specOf = (slug: string) => DEMO_SHIPPING[slug] ?? FALLBACK_SHIPPING;

  let methods = 0;
  const created = shops.length
    ? await db
        .insert(shippingProfiles)
        .values(
          shops.map((shop) => {
            const { methods: _methods, ...profile } = specOf(shop.slug);
            return { sellerId: shop.id, ...profile };
          }),
        )
        .onConflictDoNothing({ target: shippingProfiles.sellerId })
        .returning({ sellerId: shippingProfiles.sellerId })
    : [];
  // Methods only for the profiles just created: a shop that already set up shipping keeps its own choices.
  const methodRows = created.flatMap(({ sellerId }) => {
    const shop = shops.find((s) => s.id === sellerId);
    return specOf(shop?.slug ?? "").methods.map((m, position) => ({
      id: seededUuid(`demo-shipping-method:${shop?.slug ?? sellerId}:${m.name}`),
      sellerId,
      name: m.name,
      transitDaysMin: m.transitDaysMin,
      transitDaysMax: m.transitDaysMax,
      priceMinor: m.priceMinor,
      freeOverMinor: m.freeOverMinor ?? null,
      position,
    }));
  });
  if (methodRows.length)
    methods = (await db.insert(shippingMethods).values(methodRows).onConflictDoNothing().returning({ id: shippingMethods.id }))
      .length;

  // Rates are the operator's to change: only a marketplace with none gets the demo ones.
  let rates = 0;
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(commissionRates);
  if ((existing?.n ?? 0) === 0) {
    const [category] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(sql`${categories.slug} = ${DEMO_COMMISSION.category.slug}`);
    const [seller] = await db
      .select({ id: sellers.id })
      .from(sellers)
      .where(sql`${sellers.slug} = ${DEMO_COMMISSION.seller.slug}`);
    const rows: (typeof commissionRates.$inferInsert)[] = [{ rateBps: DEMO_COMMISSION.defaultBps }];
    if (category) rows.push({ categoryId: category.id, rateBps: DEMO_COMMISSION.category.rateBps });
    if (seller) rows.push({ sellerId: seller.id, rateBps: DEMO_COMMISSION.seller.rateBps });
    rates = (await db.insert(commissionRates).values(rows).onConflictDoNothing().returning({ id: commissionRates.id })).length;
  }
  return { profiles: created.length, methods, commissionRates: rates };
}
