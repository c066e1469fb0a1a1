import type { RouterOutputs } from "@agora/api";
import { getViewer } from "@agora/auth";
import { formatDateRange } from "@agora/core/delivery";
import { formatMoney } from "@agora/core/money";
import { buttonClasses } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { LocalDate } from "~/components/orders/local-date";
import { LineThumb, OrderStatusBadge } from "~/components/orders/order-parts";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Your orders", robots: { index: false } };

type Props = { searchParams: Promise<{ page?: string | string[] }> };
type OrderSummary = RouterOutputs["orders"]["list"]["orders"][number];

export default function OrdersPage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Your orders</h1>
      <Suspense fallback={<OrdersSkeleton />}>
        <OrdersContent searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

function pageOf(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

const href = (page: number) => (page > 1 ? `/orders?page=${page}` : "/orders");

/** Orders are per person: read for each request, never cached. */
async function OrdersContent({ searchParams }: Props) {
  const page = pageOf((await searchParams).page);
  await connection();
  if (!(await getViewer())) redirect(`/sign-in?next=${encodeURIComponent(href(page))}`);
  const result = await (await api()).orders.list({ page });
  const today = new Date().toISOString().slice(0, 10);

  if (result.total === 0)
    return (
      <div className="mt-6">
        <EmptyState
          title="No orders yet"
          action={
            <Link href="/" className={buttonClasses("primary")}>
              Start shopping
            </Link>
          }
        >
          When you buy something, each shop’s part of your order appears here with its delivery date and tracking.
        </EmptyState>
      </div>
    );

  if (result.orders.length === 0)
    return (
      <div className="mt-6">
        <EmptyState
          title="No orders on this page"
          action={
            <Link href="/orders" className={buttonClasses("secondary")}>
              Go to your latest orders
            </Link>
          }
        />
      </div>
    );

  return (
    <>
      <p className="mt-1 text-sm text-muted">
        {result.total} {result.total === 1 ? "order" : "orders"}, newest first. A checkout with several shops makes one order per
        shop.
      </p>
      <ul role="list" className="mt-6 space-y-4">
        {result.orders.map((order) => (
          <li key={order.id}>
            <OrderCard order={order} today={today} />
          </li>
        ))}
      </ul>
      <Pagination page={result.page} pageCount={result.pageCount} href={href} />
    </>
  );
}

function OrderCard({ order, today }: { order: OrderSummary; today: string }) {
  const units = order.lines.reduce((sum, l) => sum + l.quantity, 0);
  const shown = order.lines.slice(0, 4);
  // Two sizes of one product are one title here.
  const distinct = [...new Set(order.lines.map((l) => l.title))];
  const titles = distinct.slice(0, 2);
  const more = distinct.length - titles.length;
  return (
    <article className="relative rounded-2xl border border-stone-200 bg-white p-4 transition-shadow hover:shadow-md has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand-600 has-[a:focus-visible]:ring-offset-2 sm:p-5">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-ink">
            <Link href={`/orders/${order.id}`} className="outline-none after:absolute after:inset-0 hover:underline">
              Order #{order.number}
            </Link>
          </h2>
          <p className="text-sm text-muted">
            {order.sellerName} · <LocalDate value={order.createdAt} />
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <OrderStatusBadge status={order.status} fulfilment={order.fulfilment} />
          <p className="text-[15px] font-semibold text-ink tabular-nums">{formatMoney(order.totalMinor, order.currency)}</p>
        </div>
      </div>

      <div className="mt-3 flex items-center gap-3">
        <div className="flex shrink-0 -space-x-3">
          {shown.map((line) => (
            <LineThumb key={line.id} image={line.image} size="sm" className="ring-2 ring-white" />
          ))}
        </div>
        <p className="min-w-0 text-sm text-stone-700">
          <span className="line-clamp-2">
            {titles.join(", ")}
            {more > 0 && ` and ${more} more`}
          </span>
          <span className="block text-muted">
            {units} {units === 1 ? "item" : "items"}
          </span>
        </p>
      </div>

      <DeliveryLine order={order} today={today} />
    </article>
  );
}

function DeliveryLine({ order, today }: { order: OrderSummary; today: string }) {
  const range = formatDateRange({ from: order.estimatedFrom, to: order.estimatedTo });
  const pickup = order.fulfilment === "pickup";
  const waiting = order.status === "placed" || order.status === "accepted";
  // Running late: the latest estimate has passed and the parcel has not left yet.
  const late = waiting && order.estimatedTo < today;
  const delayed = order.estimatedTo > order.promisedTo;
  let text: string | null = null;
  if (waiting)
    text = pickup
      ? `${order.deliveryLabel} · ${late ? "was expected" : "expected"} ${range}`
      : `${late ? "Was due" : "Arrives"} ${range}`;
  else if (order.status === "shipped")
    text = pickup
      ? order.deliveryLabel
      : [order.carrier, order.trackingNumber && `tracking ${order.trackingNumber}`, `arrives ${range}`]
          .filter(Boolean)
          .join(" · ");
  if (!text) return null;
  return (
    <p className="mt-3 border-t border-stone-100 pt-3 text-sm text-stone-700">
      {(late || delayed) && <span className="mr-1 font-medium text-amber-800">{late ? "Running late:" : "Delayed:"}</span>}
      {text}
    </p>
  );
}

function OrdersSkeleton() {
  return (
    <div aria-busy="true" className="mt-6 space-y-4">
      <span className="sr-only" role="status">
        Loading your orders…
      </span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-40 animate-pulse rounded-2xl bg-stone-100" />
      ))}
    </div>
  );
}
