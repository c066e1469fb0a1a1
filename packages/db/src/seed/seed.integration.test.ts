import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  DEMO_ACCOUNTS,
  DEMO_COMMISSION,
  isSeeded,
  seedBulkListings,
  seedCommerceSettings,
  seedDemo,
  type SeedDeps,
} from "./index";

const { db } = await useTestDatabase();

let tmp: string;
let deps: SeedDeps;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "agora-seed-"));
  // Fast stand-ins for core's scrypt hashing and markdown renderer (db must not import core).
  deps = {
    hashPassword: async (password) => `test$${password}`,
    renderMarkdown: (source) => `<p>${source.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
    mediaDir: path.join(tmp, "media"),
  };
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function one<T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T> {
  const rows = (await db.execute(query)) as unknown as T[];
  const row = rows[0];
  if (!row) throw new Error("no row");
  return row;
}

async function tableCounts() {
  return one<{
    users: number;
    sellers: number;
    listings: number;
    variants: number;
    images: number;
    stock: number;
    categories: number;
  }>(sql`
    select (select count(*)::int from users) as users, (select count(*)::int from sellers) as sellers,
      (select count(*)::int from listings) as listings, (select count(*)::int from variants) as variants,
      (select count(*)::int from listing_images) as images, (select count(*)::int from stock_levels) as stock,
      (select count(*)::int from categories) as categories`);
}

describe("seedDemo", () => {
  it("creates a marketplace that looks real", async () => {
    expect(await isSeeded(db)).toBe(false);
    await seedDemo(db, deps);
    expect(await isSeeded(db)).toBe(true);

    const sellers = await one<{ approved: number; pending: number; without_art: number }>(sql`
      select count(*) filter (where status = 'approved')::int as approved, count(*) filter (where status = 'pending')::int as pending,
        count(*) filter (where logo_key is null or banner_key is null or about_html = '')::int as without_art
      from sellers`);
    expect(sellers.approved).toBeGreaterThanOrEqual(8);
    expect(sellers.pending).toBe(1);
    expect(sellers.without_art).toBe(0);

    const cats = await one<{ total: number; top: number; orphan_listings: number; deep: number }>(sql`
      select (select count(*)::int from categories) as total,
        (select count(*)::int from categories where parent_id is null) as top,
        (select count(*)::int from listings l join categories c on c.id = l.category_id where c.parent_id is null) as orphan_listings,
        (select count(*)::int from categories c join categories p on p.id = c.parent_id where p.parent_id is not null) as deep`);
    expect(cats.total).toBeGreaterThanOrEqual(12);
    expect(cats.top).toBeGreaterThanOrEqual(6);
    expect(cats.orphan_listings).toBe(0);
    expect(cats.deep).toBe(0);

    const listings = await one<{
      total: number;
      active: number;
      draft: number;
      multi: number;
      on_sale: number;
      bad_min: number;
      caps: number;
    }>(sql`
      select count(*)::int as total, count(*) filter (where status = 'active')::int as active, count(*) filter (where status = 'draft')::int as draft,
        count(*) filter (where cardinality(option_names) > 0)::int as multi,
        (select count(distinct listing_id)::int from variants where compare_at_minor is not null) as on_sale,
        count(*) filter (where min_price_minor <> (select min(price_minor) from variants v where v.listing_id = l.id))::int as bad_min,
        count(*) filter (where title = upper(title))::int as caps
      from listings l`);
    expect(listings.total).toBeGreaterThanOrEqual(300);
    expect(listings.active).toBeGreaterThan(listings.total * 0.9);
    expect(listings.draft).toBeGreaterThan(0);
    expect(listings.multi).toBeGreaterThan(100);
    expect(listings.on_sale).toBeGreaterThan(20);
    expect(listings.bad_min).toBe(0);
    expect(listings.caps).toBe(0);

    // Available per variant = on hand − reserved, summed over locations.
    const stock = await one<{ out: number; low: number; sold_out_listings: number }>(sql`
      with available as (
        select v.id, v.listing_id, coalesce(sum(s.on_hand - s.reserved), 0) as n
        from variants v left join stock_levels s on s.variant_id = v.id group by v.id)
      select count(*) filter (where n = 0)::int as out, count(*) filter (where n between 1 and 4)::int as low,
        (select count(*)::int from (select listing_id from available group by listing_id having max(n) = 0) x) as sold_out_listings
      from available`);
    expect(stock.out).toBeGreaterThan(0);
    expect(stock.low).toBeGreaterThan(0);
    expect(stock.sold_out_listings).toBeGreaterThan(0);

    const demo = await one<{ role: string; owner_shop: string; hash: string }>(sql`
      select (select role::text from user_roles r join users u on u.id = r.user_id where u.email = ${DEMO_ACCOUNTS.operator.email}) as role,
        (select s.slug::text from seller_members m join users u on u.id = m.user_id join sellers s on s.id = m.seller_id
          where u.email = ${DEMO_ACCOUNTS.seller.email} and m.role = 'owner') as owner_shop,
        (select c.password_hash from user_credentials c join users u on u.id = c.user_id where u.email = ${DEMO_ACCOUNTS.buyer.email}) as hash`);
    expect(demo.role).toBe("operator");
    expect(demo.owner_shop).toBe("northwind-outfitters");
    expect(demo.hash).toBe(`test$${DEMO_ACCOUNTS.buyer.password}`);

    const image = await one<{ storage_key: string; widths: number[] }>(
      sql`select storage_key, widths from listing_images order by storage_key limit 1`,
    );
    expect(image.storage_key).toMatch(/^seed\/listings\/[0-9a-f-]{36}\/\d$/);
    expect(image.widths).toEqual([]);
    const file = path.join(deps.mediaDir, `${image.storage_key}.svg`);
    expect(readFileSync(file, "utf8")).toMatch(/^<svg /);
    const seller = await one<{ logo_key: string; banner_key: string }>(
      sql`select logo_key, banner_key from sellers where slug = 'northwind-outfitters'`,
    );
    expect(existsSync(path.join(deps.mediaDir, seller.logo_key))).toBe(true);
    expect(existsSync(path.join(deps.mediaDir, seller.banner_key))).toBe(true);
  }, 120_000);

  it("gives every shop a shipping profile with one to three methods, and sets commission rates", async () => {
    const shipping = await one<{
      sellers: number;
      with_profile: number;
      fewest: number;
      most: number;
      pickup_shops: number;
      free_over: number;
    }>(sql`
      with per_seller as (
        select s.id, (select count(*)::int from shipping_methods m where m.seller_id = s.id and m.active) as methods
        from sellers s join shipping_profiles p on p.seller_id = s.id)
      select (select count(*)::int from sellers) as sellers, (select count(*)::int from per_seller) as with_profile,
        (select min(methods) from per_seller) as fewest, (select max(methods) from per_seller) as most,
        (select count(distinct seller_id)::int from stock_locations where pickup_enabled) as pickup_shops,
        (select count(*)::int from shipping_methods where free_over_minor is not null) as free_over`);
    expect(shipping.with_profile).toBe(shipping.sellers);
    expect(shipping.fewest).toBeGreaterThanOrEqual(1);
    expect(shipping.most).toBeLessThanOrEqual(3);
    expect(shipping.pickup_shops).toBeGreaterThan(1);
    expect(shipping.free_over).toBeGreaterThan(0);

    const rates = await one<{ default_bps: number; category_bps: number; seller_bps: number }>(sql`
      select (select rate_bps from commission_rates where seller_id is null and category_id is null) as default_bps,
        (select r.rate_bps from commission_rates r join categories c on c.id = r.category_id where c.slug = ${DEMO_COMMISSION.category.slug}) as category_bps,
        (select r.rate_bps from commission_rates r join sellers s on s.id = r.seller_id where s.slug = ${DEMO_COMMISSION.seller.slug}) as seller_bps`);
    expect(rates).toEqual({
      default_bps: 1000,
      category_bps: DEMO_COMMISSION.category.rateBps,
      seller_bps: DEMO_COMMISSION.seller.rateBps,
    });
  });

  it("adds commerce settings only where none are set, keeping a shop's own changes", async () => {
    await db.execute(
      sql`delete from shipping_methods where seller_id = (select id from sellers where slug = 'northwind-outfitters')`,
    );
    await db.execute(sql`update commission_rates set rate_bps = 1200 where seller_id is null and category_id is null`);
    const added = await seedCommerceSettings(db);
    expect(added).toEqual({ profiles: 0, methods: 0, commissionRates: 0 });
    const kept = await one<{ methods: number; default_bps: number }>(sql`
      select (select count(*)::int from shipping_methods m join sellers s on s.id = m.seller_id where s.slug = 'northwind-outfitters') as methods,
        (select rate_bps from commission_rates where seller_id is null and category_id is null) as default_bps`);
    expect(kept).toEqual({ methods: 0, default_bps: 1200 });

    // A shop without a profile (as on a database seeded before shipping existed) gets one.
    await db.execute(
      sql`delete from shipping_profiles where seller_id = (select id from sellers where slug = 'northwind-outfitters')`,
    );
    const backfilled = await seedCommerceSettings(db);
    expect(backfilled.profiles).toBe(1);
    expect(backfilled.methods).toBe(3);
  });

  it("does nothing the second time", async () => {
    const before = await tableCounts();
    await seedDemo(db, deps);
    expect(await tableCounts()).toEqual(before);
  }, 60_000);
});

describe("seedBulkListings", () => {
  it("tops active listings up to the target and then adds nothing", async () => {
    await seedBulkListings(db, deps, 2000);
    const after = await one<{
      active: number;
      images: number;
      without_variants: number;
      without_images: number;
      dup_skus: number;
    }>(sql`
      select (select count(*)::int from listings where status = 'active') as active,
        (select count(*)::int from listing_images where storage_key like 'seed/shared/%') as images,
        (select count(*)::int from listings l where not exists (select 1 from variants v where v.listing_id = l.id)) as without_variants,
        (select count(*)::int from listings l where not exists (select 1 from listing_images i where i.listing_id = l.id)) as without_images,
        (select count(*)::int from (select seller_id, sku from variants group by 1, 2 having count(*) > 1) d) as dup_skus`);
    expect(after.active).toBe(2000);
    expect(after.images).toBeGreaterThan(0);
    expect(after.without_variants).toBe(0);
    expect(after.without_images).toBe(0);
    expect(after.dup_skus).toBe(0);

    const shared = await one<{ storage_key: string }>(
      sql`select storage_key from listing_images where storage_key like 'seed/shared/%' limit 1`,
    );
    expect(existsSync(path.join(deps.mediaDir, `${shared.storage_key}.svg`))).toBe(true);

    const before = await tableCounts();
    await seedBulkListings(db, deps, 2000);
    expect(await tableCounts()).toEqual(before);

    await seedBulkListings(db, deps, 2100);
    const topped = await one<{ active: number }>(sql`select count(*)::int as active from listings where status = 'active'`);
    expect(topped.active).toBe(2100);
  }, 120_000);
});
