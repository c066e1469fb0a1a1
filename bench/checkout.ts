/**
 * Checkout benchmark: how many orders the place-order use-case completes per second, and its latency,
 * with N shoppers checking out at once against the 100k-listing database.
 *
 * Run by run.ts as a child process pinned to the server core (it is the server side: the use-case and
 * its PostgreSQL). It calls placeOrder in-process, as the API procedure does, so the numbers are the
 * server's time per order: re-pricing, stock locks and reservation, commission, the payment
 * authorisation (built-in test provider) and the confirmation with its outbox messages.
 *
 *   node --import tsx bench/checkout-child.ts '{"databaseUrl":"postgres://…","concurrency":[10,50],"durationSeconds":10,"warmupSeconds":2}'
 */
import { randomUUID } from "node:crypto";
import { placeOrder, DomainError } from "@agora/core";
import { createTestPaymentProvider } from "@agora/core/payments";
import { createDb, sql, type Db } from "@agora/db";

export const CHECKOUT_RESULT_PREFIX = "CHECKOUT_RESULT ";

export interface CheckoutBenchRequest {
  databaseUrl: string;
  concurrency: number[];
  durationSeconds: number;
  warmupSeconds: number;
}

export interface CheckoutRun {
  concurrency: number;
  durationSeconds: number;
  checkouts: number;
  sellerOrders: number;
  checkoutsPerSecond: number;
  sellerOrdersPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  failures: Record<string, number>;
}

export interface CheckoutBenchResult {
  variants: number;
  shoppers: number;
  linesPerCheckout: string;
  runs: CheckoutRun[];
}

const ADDRESS = { name: "Bench Shopper", line1: "1 Load Street", line2: null, city: "Portland", region: "OR", postalCode: "97201", country: "US", phone: null };
const CARD = { type: "test_card" as const, number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123" };

/** Variants from across the catalog with plenty of stock, sellers that ship to the US, and shoppers. */
async function prepare(db: Db) {
  const variants = await db.execute<{ id: string; seller_id: string }>(sql`
    select v.id, v.seller_id from variants v
    join listings l on l.id = v.listing_id and l.status = 'active'
    join sellers s on s.id = l.seller_id and s.status = 'approved'
    where exists (select 1 from stock_levels sl where sl.variant_id = v.id)
    order by md5(v.id::text) limit 500`);
  const ids = variants.map((v) => v.id);
  // Enough units that the run measures checkout, not sell-outs.
  await db.execute(sql`update stock_levels set on_hand = reserved + 1000000 where variant_id in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`);
  const sellers = [...new Set(variants.map((v) => v.seller_id))];
  for (const sellerId of sellers) {
    await db.execute(sql`insert into shipping_profiles (seller_id, handling_days, ships_to) values (${sellerId}, 1, '{US}') on conflict (seller_id) do nothing`);
    await db.execute(sql`
      insert into shipping_methods (seller_id, name, transit_days_min, transit_days_max, price_minor, free_over_minor)
      select ${sellerId}, 'Standard', 2, 5, 495, 5000
      where not exists (select 1 from shipping_methods where seller_id = ${sellerId} and active)`);
  }
  const shoppers: { id: string; email: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const email = `bench-shopper-${i}@agora.test`;
    const [row] = await db.execute<{ id: string; email: string }>(
      sql`insert into users (email, name) values (${email}, ${`Bench shopper ${i}`}) on conflict (email) do update set name = excluded.name returning id, email`,
    );
    if (row) shoppers.push(row);
  }
  return { variantIds: ids, shoppers };
}

const pick = <T>(items: T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error("nothing to pick from");
  return item;
};

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

async function runAt(db: Db, data: Awaited<ReturnType<typeof prepare>>, concurrency: number, seconds: number): Promise<CheckoutRun> {
  const provider = createTestPaymentProvider();
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let sellerOrders = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  async function client() {
    while (performance.now() < deadline) {
      const lines = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({ variantId: pick(data.variantIds), quantity: 1 + Math.floor(Math.random() * 2) }));
      const t0 = performance.now();
      try {
        const placed = await placeOrder(db, provider, {
          buyer: pick(data.shoppers),
          idempotencyKey: randomUUID().replace(/-/g, ""),
          lines,
          deliveryChoices: [],
          address: ADDRESS,
          payment: CARD,
        });
        latencies.push(performance.now() - t0);
        sellerOrders += placed.orders.length;
      } catch (error) {
        const code = error instanceof DomainError ? error.code : error instanceof Error ? error.message.slice(0, 60) : "unknown";
        failures[code] = (failures[code] ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    concurrency,
    durationSeconds: Math.round(elapsed * 10) / 10,
    checkouts: latencies.length,
    sellerOrders,
    checkoutsPerSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    sellerOrdersPerSecond: Math.round((sellerOrders / elapsed) * 10) / 10,
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: percentile(sorted, 100) },
    failures,
  };
}

export async function benchCheckout(request: CheckoutBenchRequest): Promise<CheckoutBenchResult> {
  const maxConcurrency = Math.max(...request.concurrency);
  const { db, close } = createDb(request.databaseUrl, { max: maxConcurrency + 2 });
  try {
    const data = await prepare(db);
    const runs: CheckoutRun[] = [];
    for (const concurrency of request.concurrency) {
      if (request.warmupSeconds > 0) await runAt(db, data, concurrency, request.warmupSeconds);
      runs.push(await runAt(db, data, concurrency, request.durationSeconds));
    }
    return { variants: data.variantIds.length, shoppers: data.shoppers.length, linesPerCheckout: "1–3 lines of 1–2 units, random sellers", runs };
  } finally {
    await close();
  }
}
