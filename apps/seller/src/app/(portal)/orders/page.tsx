import type { RouterOutputs } from "@agora/api";
import { formatDateRange } from "@agora/core/delivery";
import { formatMoney } from "@agora/core/money";
import { Badge } from "@agora/ui/badge";
import { cn } from "@agora/ui/cn";
import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import { sellerOrderQueueSchema } from "@agora/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { OrderStatusBadge } from "~/components/status-badge";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { NotApprovedYet } from "./not-approved";
import { isLate, orderTabs, type OrderTab } from "./tabs";

export const metadata: Metadata = { title: "Orders" };

type Search = { tab?: string | string[]; page?: string | string[] };
type Row = RouterOutputs["sellerOrders"]["list"]["orders"][number];

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

const empty: Record<OrderTab, { title: string; text: string }> = {
  new: {
    title: "No new orders",
    text: "Orders appear here as soon as a shopper pays. Accept them to tell the shopper you are on it.",
  },
  to_ship: { title: "Nothing to ship", text: "Accepted orders wait here until you ship them with a tracking number." },
  shipped: { title: "No orders on their way", text: "Shipped orders stay here until you mark them delivered." },
  delivered: { title: "No delivered orders yet", text: "Orders you mark delivered are kept here." },
  cancelled: { title: "No cancelled orders", text: "Orders cancelled by you or the shopper are kept here." },
};

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { store } = await requireStore();
  if (store.status !== "approved") return <NotApprovedYet />;
  const sp = await searchParams;
  const parsed = sellerOrderQueueSchema.safeParse({ tab: first(sp.tab), page: first(sp.page) });
  const { tab, page } = parsed.success ? parsed.data : { tab: "new" as const, page: 1 };
  const result = await (await api()).sellerOrders.list({ tab, page });
  const today = new Date().toISOString().slice(0, 10);
  const href = (t: OrderTab, p = 1) => `/orders?tab=${t}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <>
      <PageHeader
        title="Orders"
        description="Accept new orders, ship them with tracking, and tell shoppers straight away when something is late."
      />

      <nav aria-label="Order status" className="-mx-4 mb-5 overflow-x-auto px-4">
        <ul role="list" className="flex min-w-max gap-1 border-b border-stone-200">
          {orderTabs.map((t) => {
            const current = t.key === tab;
            return (
              <li key={t.key}>
                <Link
                  href={href(t.key)}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "relative -mb-px inline-flex min-h-11 items-center gap-2 border-b-2 px-3 text-sm font-medium whitespace-nowrap",
                    current ? "border-brand-600 text-ink" : "border-transparent text-muted hover:border-stone-300 hover:text-ink",
                  )}
                >
                  {t.label}
                  <span
                    className={cn(
                      "inline-flex min-w-6 justify-center rounded-full px-1.5 text-xs leading-5 tabular-nums",
                      current
                        ? "bg-ink text-white"
                        : t.key === "new" && result.tabCounts.new > 0
                          ? "bg-brand-600 text-white"
                          : "bg-stone-100 text-stone-700",
                    )}
                  >
                    {result.tabCounts[t.key]}
                    <span className="sr-only"> {result.tabCounts[t.key] === 1 ? "order" : "orders"}</span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {result.orders.length === 0 ? (
        result.tabCounts[tab] > 0 ? (
          <EmptyState
            title="No orders on this page"
            action={
              <Link href={href(tab)} className="font-medium text-brand-700 underline">
                Go to the first page
              </Link>
            }
          />
        ) : (
          <EmptyState title={empty[tab].title}>{empty[tab].text}</EmptyState>
        )
      ) : (
        <div className="overflow-hidden rounded-xl border border-stone-200 bg-white shadow-xs">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {orderTabs.find((t) => t.key === tab)?.label} orders
              {tab === "new" || tab === "to_ship" ? ", oldest first" : ", newest first"}
            </caption>
            <thead className="hidden border-b border-stone-200 bg-stone-50 text-xs font-medium tracking-wide text-muted uppercase md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Order
                </th>
                <th scope="col" className="px-4 py-3">
                  Shopper
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Items
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Total
                </th>
                <th scope="col" className="px-4 py-3">
                  Delivery
                </th>
                <th scope="col" className="px-4 py-3">
                  Promised
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {result.orders.map((order) => (
                <OrderRow key={order.id} order={order} today={today} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => href(tab, p)} />
    </>
  );
}

function OrderRow({ order, today }: { order: Row; today: string }) {
  const late = isLate(order, today);
  const moved = order.estimatedTo !== order.promisedTo;
  return (
    <tr
      className={cn(
        "relative grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 p-3 hover:bg-stone-50 md:table-row md:p-0",
        late && "bg-red-50/60",
      )}
    >
      <td className="md:table-cell md:px-4 md:py-3">
        <Link href={`/orders/${order.id}`} className="font-semibold text-ink after:absolute after:inset-0 hover:underline">
          #{order.number}
        </Link>
        <span className="ml-2 md:hidden">
          <OrderStatusBadge status={order.status} fulfilment={order.fulfilment} />
        </span>
        <p className="text-xs text-muted">
          <time dateTime={order.createdAt.toISOString()}>{dateFormat.format(order.createdAt)}</time>
        </p>
      </td>
      <td className="text-right md:table-cell md:px-4 md:py-3 md:text-left">
        {order.buyerName ?? <span className="text-muted">Deleted account</span>}
      </td>
      <td className="text-stone-600 md:table-cell md:px-4 md:py-3 md:text-right md:tabular-nums">
        {order.itemCount} {order.itemCount === 1 ? "item" : "items"}
      </td>
      <td className="text-right font-medium tabular-nums md:table-cell md:px-4 md:py-3">
        {formatMoney(order.totalMinor, order.currency)}
      </td>
      <td className="text-stone-700 md:table-cell md:px-4 md:py-3">
        {order.deliveryLabel}
        {order.trackingNumber && (
          <span className="block truncate text-xs text-muted">
            {[order.carrier, order.trackingNumber].filter(Boolean).join(" · ")}
          </span>
        )}
      </td>
      <td className="text-right md:table-cell md:px-4 md:py-3 md:text-left">
        <span className={cn("whitespace-nowrap", late && "font-semibold text-red-800")}>
          by {formatDateRange({ from: order.promisedTo, to: order.promisedTo })}
        </span>
        {late && (
          <Badge tone="red" className="ml-2">
            Past due
          </Badge>
        )}
        {moved && (
          <span className="block text-xs text-amber-800">
            Delayed to {formatDateRange({ from: order.estimatedTo, to: order.estimatedTo })}
          </span>
        )}
      </td>
    </tr>
  );
}
