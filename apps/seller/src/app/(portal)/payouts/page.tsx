import { formatMoney } from "@agora/core/money";
import { EmptyState } from "@agora/ui/empty-state";
import { cn } from "@agora/ui/cn";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { NotApprovedYet } from "../orders/not-approved";

export const metadata: Metadata = { title: "Payouts" };

const typeLabels: Record<string, { label: string; detail: string }> = {
  sale: { label: "Sale", detail: "Order total, added when you ship" },
  commission: { label: "Commission", detail: "The marketplace’s fee on the sale" },
  refund: { label: "Refund", detail: "Returned to the shopper" },
  commission_refund: { label: "Commission returned", detail: "Fee given back on a refund" },
};

const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export default async function PayoutsPage() {
  const { store } = await requireStore();
  if (store.status !== "approved") return <NotApprovedYet title="Payouts" />;
  const { entries, balanceMinor } = await (await api()).sellerOrders.ledger();
  const currency = entries[0]?.currency ?? "USD";

  return (
    <>
      <PageHeader
        title="Payouts"
        description="Your ledger: every sale, commission and refund is an entry, and your balance is their sum. Sales are added when you ship an order."
      />

      <div className="mb-6 rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5">
        <p className="text-sm text-muted">Balance</p>
        <p className={cn("mt-1 text-3xl font-semibold tabular-nums", balanceMinor < 0 ? "text-red-700" : "text-ink")}>
          {formatMoney(balanceMinor, currency)}
        </p>
      </div>

      {entries.length === 0 ? (
        <EmptyState
          title="No entries yet"
          action={
            <Link href="/orders?tab=to_ship" className="font-medium text-brand-700 underline">
              See orders to ship
            </Link>
          }
        >
          When you ship an order, its sale and the marketplace commission appear here.
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl border border-stone-200 bg-white shadow-xs">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Ledger entries, newest first</caption>
            <thead className="border-b border-stone-200 bg-stone-50 text-xs font-medium tracking-wide text-muted uppercase">
              <tr>
                <th scope="col" className="hidden px-4 py-3 sm:table-cell">
                  Date
                </th>
                <th scope="col" className="px-3 py-3 sm:px-4">
                  Entry
                </th>
                <th scope="col" className="px-3 py-3 sm:px-4">
                  Order
                </th>
                <th scope="col" className="px-3 py-3 text-right sm:px-4">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {entries.map((entry) => {
                const type = typeLabels[entry.type] ?? { label: entry.type, detail: "" };
                return (
                  <tr key={entry.id}>
                    <td className="hidden px-4 py-3 whitespace-nowrap text-muted sm:table-cell">
                      <time dateTime={entry.createdAt.toISOString()}>{dateFormat.format(entry.createdAt)}</time>
                    </td>
                    <td className="px-3 py-3 sm:px-4">
                      <span className="font-medium text-ink">{type.label}</span>
                      <span className="block text-xs text-muted">
                        <span className="sm:hidden">{dateFormat.format(entry.createdAt)} · </span>
                        {type.detail}
                      </span>
                    </td>
                    <td className="px-3 py-3 sm:px-4">
                      <Link href={`/orders/${entry.orderId}`} className="font-medium text-brand-700 hover:underline">
                        #{entry.orderNumber}
                      </Link>
                    </td>
                    <td
                      className={cn(
                        "px-3 py-3 text-right font-medium whitespace-nowrap tabular-nums sm:px-4",
                        entry.amountMinor < 0 ? "text-red-700" : "text-emerald-700",
                      )}
                    >
                      {entry.amountMinor > 0 ? "+" : entry.amountMinor < 0 ? "−" : ""}
                      {formatMoney(Math.abs(entry.amountMinor), entry.currency)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {entries.length >= 50 && (
            <p className="border-t border-stone-100 px-4 py-3 text-sm text-muted">
              Showing the latest 50 entries. The balance counts them all.
            </p>
          )}
        </div>
      )}
    </>
  );
}
