import type { RouterOutputs } from "@agora/api";
import { getViewer } from "@agora/auth";
import { formatDateRange } from "@agora/core/delivery";
import { formatMoney } from "@agora/core/money";
import { buttonClasses } from "@agora/ui/button";
import { idSchema } from "@agora/validators";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { LineThumb } from "~/components/orders/order-parts";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Thank you for your order", robots: { index: false } };
/**
 * A personal page with an id no build can list: it is rendered on request, so the root layout's header
 * (which reads the path in the browser menus) may wait for the request instead of failing the build.
 */
export const instant = false;

type Props = { params: Promise<{ groupId: string }> };
type Checkout = RouterOutputs["orders"]["checkout"];

export default function CheckoutCompletePage({ params }: Props) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <Suspense fallback={<CompleteSkeleton />}>
        <CompleteContent params={params} />
      </Suspense>
    </div>
  );
}

async function load(groupId: string): Promise<Checkout> {
  if (!idSchema.safeParse(groupId).success) notFound();
  try {
    return await (await api()).orders.checkout({ groupId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

/** The confirmation after placing an order: per shopper, read for each request. */
async function CompleteContent({ params }: Props) {
  const { groupId } = await params;
  await connection();
  if (!(await getViewer())) redirect(`/sign-in?next=${encodeURIComponent(`/checkout/complete/${groupId}`)}`);
  const checkout = await load(groupId);
  const several = checkout.orders.length > 1;

  return (
    <>
      <div className="flex items-start gap-3">
        <span
          aria-hidden
          className="mt-1 flex size-9 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-emerald-700"
        >
          <svg viewBox="0 0 20 20" className="size-5" fill="currentColor">
            <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-7.5 7.5a1 1 0 0 1-1.4 0L3.3 9.7a1 1 0 1 1 1.4-1.4l3.8 3.8 6.8-6.8a1 1 0 0 1 1.4 0Z" />
          </svg>
        </span>
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Thank you, your order is placed</h1>
          <p className="mt-1 text-[15px] text-stone-700">
            We sent a confirmation to <span className="font-medium text-ink">{checkout.email}</span>.{" "}
            {several
              ? `Your items come from ${checkout.orders.length} shops, so you have ${checkout.orders.length} orders, each with its own delivery date and tracking.`
              : "You can follow its progress on your orders page."}
          </p>
        </div>
      </div>

      <ul role="list" className="mt-8 space-y-4">
        {checkout.orders.map((order) => {
          const pickup = order.fulfilment === "pickup";
          return (
            <li key={order.id}>
              <section aria-labelledby={`order-${order.id}`} className="rounded-2xl border border-stone-200 bg-white">
                <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-stone-100 px-4 py-3 sm:px-5">
                  <h2 id={`order-${order.id}`} className="text-base font-semibold text-ink">
                    Order #{order.number} <span className="font-normal text-muted">from {order.sellerName}</span>
                  </h2>
                  <p className="text-[15px] font-semibold tabular-nums">{formatMoney(order.totalMinor, order.currency)}</p>
                </header>
                <ul role="list" className="divide-y divide-stone-100 px-4 sm:px-5">
                  {order.lines.map((line) => (
                    <li key={line.id} className="flex items-center gap-3 py-3">
                      <LineThumb image={line.image} size="sm" />
                      <div className="min-w-0 flex-1">
                        <p className="line-clamp-2 text-sm font-medium text-ink">{line.title}</p>
                        <p className="text-sm text-muted">
                          {line.variantLabel && `${line.variantLabel} · `}Qty {line.quantity}
                        </p>
                      </div>
                      <p className="shrink-0 text-sm tabular-nums">{formatMoney(line.lineTotalMinor, order.currency)}</p>
                    </li>
                  ))}
                </ul>
                <div className="flex flex-wrap items-center justify-between gap-3 border-t border-stone-100 px-4 py-3 sm:px-5">
                  <p className="text-sm text-stone-700">
                    <span className="font-medium text-ink">{pickup ? "Ready for pickup" : "Estimated delivery"}:</span>{" "}
                    {formatDateRange({ from: order.estimatedFrom, to: order.estimatedTo })}
                    <span className="block text-muted">{order.deliveryLabel}</span>
                  </p>
                  <Link href={`/orders/${order.id}`} className={buttonClasses("secondary", "sm")}>
                    View order #{order.number}
                  </Link>
                </div>
              </section>
            </li>
          );
        })}
      </ul>

      {several && (
        <p className="mt-4 flex justify-between gap-4 rounded-2xl bg-stone-50 px-4 py-3 text-base font-semibold text-ink sm:px-5">
          <span>Checkout total</span>
          <span className="tabular-nums">{formatMoney(checkout.totalMinor, checkout.currency)}</span>
        </p>
      )}

      <p className="mt-4 text-sm text-muted">
        Your card is authorised now and charged when each shop ships its part. If a shop cancels, you are not charged for it.
      </p>

      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <Link href="/orders" className={buttonClasses("primary")}>
          See your orders
        </Link>
        <Link href="/" className={buttonClasses("secondary")}>
          Continue shopping
        </Link>
      </div>
    </>
  );
}

function CompleteSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only" role="status">
        Loading your order…
      </span>
      <div className="h-9 w-80 max-w-full animate-pulse rounded bg-stone-100" />
      <div className="mt-2 h-5 w-96 max-w-full animate-pulse rounded bg-stone-100" />
      <div className="mt-8 h-56 animate-pulse rounded-2xl bg-stone-100" />
    </div>
  );
}
