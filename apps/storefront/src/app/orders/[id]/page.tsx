import type { RouterOutputs } from "@agora/api";
import { getViewer } from "@agora/auth";
import { canDo, orderTimeline } from "@agora/core";
import { formatDateRange } from "@agora/core/delivery";
import { formatMoney } from "@agora/core/money";
import { idSchema } from "@agora/validators";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense, type ReactNode } from "react";
import { LocalDate } from "~/components/orders/local-date";
import { CardLabel, LineThumb, OrderStatusBadge, orderStatusLabel } from "~/components/orders/order-parts";
import { OrderTimeline } from "~/components/orders/order-timeline";
import { api } from "~/trpc/server";
import { CancelOrder } from "./cancel-order";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };
/**
 * A personal page with an id no build can list: it is rendered on request, so the root layout's header
 * (which reads the path in the browser menus) may wait for the request instead of failing the build.
 */
export const instant = false;

type Props = { params: Promise<{ id: string }> };
type Order = RouterOutputs["orders"]["get"];

export default function OrderPage({ params }: Props) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-6 sm:py-10">
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/orders" className="inline-flex min-h-9 items-center font-medium text-brand-700 hover:underline">
          ← Your orders
        </Link>
      </nav>
      <Suspense fallback={<OrderSkeleton />}>
        <OrderContent params={params} />
      </Suspense>
    </div>
  );
}

async function load(id: string): Promise<Order> {
  if (!idSchema.safeParse(id).success) notFound();
  try {
    return await (await api()).orders.get({ orderId: id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

/** One shopper's order: read for each request, never cached. */
async function OrderContent({ params }: Props) {
  const { id } = await params;
  await connection();
  if (!(await getViewer())) redirect(`/sign-in?next=${encodeURIComponent(`/orders/${id}`)}`);
  const order = await load(id);
  const timeline = orderTimeline(order);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Order #{order.number}</h1>
        <OrderStatusBadge status={order.status} fulfilment={order.fulfilment} />
      </div>
      <p className="mt-1 text-sm text-muted">
        Placed <LocalDate value={order.placedAt ?? order.createdAt} /> · Sold by{" "}
        <Link href={`/s/${order.sellerSlug}`} className="font-medium text-stone-700 underline-offset-2 hover:underline">
          {order.sellerName}
        </Link>
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start lg:gap-8">
        <div className="space-y-6">
          <Card title="Progress" id="progress">
            <OrderTimeline
              entries={timeline}
              sellerName={order.sellerName}
              fulfilment={order.fulfilment}
              pickupName={order.pickupLocation?.name ?? null}
              estimate={{ from: order.estimatedFrom, to: order.estimatedTo }}
            />
          </Card>
          <Card title={`Items (${order.lines.reduce((s, l) => s + l.quantity, 0)})`} id="items">
            <ul role="list" className="-my-4 divide-y divide-stone-100">
              {order.lines.map((line) => (
                <li key={line.id} className="flex gap-3 py-4 sm:gap-4">
                  <LineThumb image={line.image} />
                  <div className="flex min-w-0 flex-1 flex-wrap justify-between gap-x-4 gap-y-1">
                    <div className="min-w-0">
                      <h3 className="text-[15px] leading-snug font-medium text-ink">
                        {line.listingSlug ? (
                          <Link href={`/p/${line.listingSlug}`} className="hover:underline">
                            {line.title}
                          </Link>
                        ) : (
                          line.title
                        )}
                      </h3>
                      {line.variantLabel && <p className="mt-0.5 text-sm text-muted">{line.variantLabel}</p>}
                      <p className="mt-0.5 text-sm text-stone-600">
                        {line.quantity} × {formatMoney(line.unitPriceMinor, order.currency)}
                      </p>
                      {order.status === "delivered" && line.listingSlug && (
                        <Link href={`/p/${line.listingSlug}#write-review`} className="mt-1 inline-flex min-h-9 items-center text-sm font-medium text-brand-700 hover:underline">
                          Write a review<span className="sr-only"> of {line.title}</span>
                        </Link>
                      )}
                    </div>
                    <p className="text-[15px] font-semibold tabular-nums">{formatMoney(line.lineTotalMinor, order.currency)}</p>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        </div>

        <div className="space-y-6">
          <DeliveryCard
            order={order}
            today={today}
            deliveredAt={timeline.find((e) => e.kind === "step" && e.step === "delivered")?.at ?? null}
          />
          <PaymentCard order={order} />
          {order.siblings.length > 0 && (
            <Card title="Also in this checkout" id="siblings">
              <p className="-mt-2 mb-3 text-sm text-muted">Each shop sends its part separately.</p>
              <ul role="list" className="space-y-2">
                {order.siblings.map((s) => (
                  <li key={s.id}>
                    <Link
                      href={`/orders/${s.id}`}
                      className="flex min-h-11 items-center justify-between gap-3 rounded-lg px-3 py-2 ring-1 ring-stone-200 hover:bg-stone-50"
                    >
                      <span className="min-w-0">
                        <span className="block font-medium text-ink">Order #{s.number}</span>
                        <span className="block truncate text-sm text-muted">{s.sellerName}</span>
                      </span>
                      <span className="shrink-0 text-sm text-stone-600">{orderStatusLabel(s.status, s.fulfilment)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <CancelOrder
            orderId={order.id}
            number={order.number}
            sellerName={order.sellerName}
            cancellable={canDo("cancel", order.status)}
          />
        </div>
      </div>
    </>
  );
}

function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5">
      <h2 id={`${id}-title`} className="mb-4 text-lg font-semibold text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const countryName = (code: string) => {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
};

function DeliveryCard({ order, today, deliveredAt }: { order: Order; today: string; deliveredAt: Date | null }) {
  const pickup = order.fulfilment === "pickup";
  const estimate = formatDateRange({ from: order.estimatedFrom, to: order.estimatedTo });
  const moved = order.estimatedFrom !== order.promisedFrom || order.estimatedTo !== order.promisedTo;
  const address = order.shippingAddress;
  return (
    <Card title={pickup ? "Pickup" : "Delivery"} id="delivery">
      <dl className="space-y-4 text-sm">
        {order.status === "cancelled" ? (
          <Row term="Status">Cancelled — nothing will be {pickup ? "prepared" : "sent"}.</Row>
        ) : order.status === "delivered" ? (
          <Row term={pickup ? "Picked up" : "Delivered"}>{deliveredAt ? <LocalDate value={deliveredAt} /> : "Yes"}</Row>
        ) : pickup && order.status === "shipped" ? (
          <Row term="Ready for pickup">
            <span className="text-base font-semibold text-ink">Now</span>
            {order.trackingNumber && (
              <span className="mt-0.5 block">
                Quote <span className="font-mono font-medium text-ink">{order.trackingNumber}</span> at the counter.
              </span>
            )}
          </Row>
        ) : (
          <Row term={pickup ? "Ready for pickup" : "Estimated delivery"}>
            <span className="text-base font-semibold text-ink">{estimate}</span>
            {moved && (
              <span className="mt-0.5 block text-muted">
                Originally promised <s>{formatDateRange({ from: order.promisedFrom, to: order.promisedTo })}</s>
              </span>
            )}
            {order.estimatedTo < today && order.status !== "shipped" && (
              <span className="mt-1 block font-medium text-amber-800">
                Running late: {order.sellerName} has not {pickup ? "got it ready" : "shipped it"} yet.
              </span>
            )}
          </Row>
        )}
        <Row term="Method">{order.deliveryLabel}</Row>
        {(order.carrier || order.trackingNumber) && !pickup && (
          <Row term="Tracking">
            {order.carrier && <span className="block">{order.carrier}</span>}
            {order.trackingNumber && <span className="block font-mono text-ink select-all">{order.trackingNumber}</span>}
          </Row>
        )}
        {pickup && order.pickupLocation ? (
          <Row term="Pick up at">
            <address className="not-italic">
              {order.pickupLocation.name}
              <br />
              {order.pickupLocation.line1}
              <br />
              {order.pickupLocation.postalCode} {order.pickupLocation.city}
              <br />
              {countryName(order.pickupLocation.country)}
            </address>
          </Row>
        ) : (
          !pickup &&
          address && (
            <Row term="Ship to">
              <address className="not-italic">
                {address.name}
                <br />
                {address.line1}
                {address.line2 && (
                  <>
                    <br />
                    {address.line2}
                  </>
                )}
                <br />
                {address.city}
                {address.region && `, ${address.region}`} {address.postalCode}
                <br />
                {countryName(address.country)}
                {address.phone && (
                  <>
                    <br />
                    {address.phone}
                  </>
                )}
              </address>
            </Row>
          )
        )}
      </dl>
    </Card>
  );
}

const paymentNotes: Record<string, string> = {
  authorized: "Your card is authorised. You are charged when the order ships.",
  captured: "Charged to your card.",
  voided: "The authorisation was released: you were not charged.",
  refunded: "Refunded to your card. It can take a few days to appear.",
};

function PaymentCard({ order }: { order: Order }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <Card title="Payment" id="payment">
      {(order.cardBrand || order.cardLast4) && (
        <p className="text-sm font-medium text-ink">
          <CardLabel brand={order.cardBrand} last4={order.cardLast4} />
        </p>
      )}
      {order.paymentStatus && paymentNotes[order.paymentStatus] && (
        <p className="mt-0.5 text-sm text-muted">{paymentNotes[order.paymentStatus]}</p>
      )}
      <dl className="mt-4 space-y-1 border-t border-stone-100 pt-3 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">Items</dt>
          <dd className="tabular-nums">{money(order.subtotalMinor)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">{order.fulfilment === "pickup" ? "Pickup" : "Delivery"}</dt>
          <dd className="tabular-nums">{order.shippingMinor === 0 ? "Free" : money(order.shippingMinor)}</dd>
        </div>
        <div className="flex justify-between gap-4 pt-1 text-base font-semibold text-ink">
          <dt>Total</dt>
          <dd className="tabular-nums">{money(order.totalMinor)}</dd>
        </div>
      </dl>
    </Card>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">{term}</dt>
      <dd className="mt-0.5 text-stone-800">{children}</dd>
    </div>
  );
}

function OrderSkeleton() {
  return (
    <div aria-busy="true">
      <span className="sr-only" role="status">
        Loading your order…
      </span>
      <div className="h-9 w-56 animate-pulse rounded bg-stone-100" />
      <div className="mt-2 h-4 w-72 animate-pulse rounded bg-stone-100" />
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <div className="h-72 animate-pulse rounded-2xl bg-stone-100" />
          <div className="h-48 animate-pulse rounded-2xl bg-stone-100" />
        </div>
        <div className="space-y-6">
          <div className="h-64 animate-pulse rounded-2xl bg-stone-100" />
          <div className="h-48 animate-pulse rounded-2xl bg-stone-100" />
        </div>
      </div>
    </div>
  );
}
