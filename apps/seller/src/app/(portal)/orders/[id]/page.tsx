import type { RouterOutputs } from "@agora/api";
import { canDo, orderTimeline } from "@agora/core";
import { formatDateRange } from "@agora/core/delivery";
import { imageSources } from "@agora/core/image-urls";
import { formatMoney } from "@agora/core/money";
import { idSchema } from "@agora/validators";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { OrderStatusBadge } from "~/components/status-badge";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { NotApprovedYet } from "../not-approved";
import { isLate, orderTabs, tabOfStatus } from "../tabs";
import { OrderActions } from "./order-actions";
import { SellerOrderTimeline } from "./order-timeline";

type Params = { params: Promise<{ id: string }> };
type Order = RouterOutputs["sellerOrders"]["get"];

async function load(id: string): Promise<Order> {
  if (!idSchema.safeParse(id).success) notFound();
  try {
    return await (await api()).sellerOrders.get({ orderId: id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) return { title: "Order" };
  try {
    const order = await (await api()).sellerOrders.get({ orderId: id });
    return { title: `Order #${order.number}` };
  } catch {
    return { title: "Order" };
  }
}

/** Times read in the store's own time zone (from its shipping settings), else UTC. */
function dateTimeFormat(timeZone: string) {
  try {
    return new Intl.DateTimeFormat("en-US", {
      month: "short",
      day: "numeric",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
  } catch {
    return new Intl.DateTimeFormat("en-US", {
      month: "short",
      day: "numeric",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone: "UTC",
      timeZoneName: "short",
    });
  }
}
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const countryName = (code: string) => {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
};

export default async function SellerOrderPage({ params }: Params) {
  const { store } = await requireStore();
  if (store.status !== "approved") return <NotApprovedYet />;
  const { id } = await params;
  const caller = await api();
  const [order, shipping] = await Promise.all([load(id), caller.seller.shipping.get().catch(() => null)]);
  const timeZone = shipping?.profile?.timeZone ?? "UTC";
  const dateTime = dateTimeFormat(timeZone);
  const today = new Date().toISOString().slice(0, 10);
  const tab = tabOfStatus[order.status] ?? "new";
  const tabLabel = orderTabs.find((t) => t.key === tab)?.label ?? "Orders";
  const money = (minor: number) => formatMoney(minor, order.currency);
  const pickup = order.fulfilment === "pickup";
  const late = isLate(order, today);
  const units = order.lines.reduce((s, l) => s + l.quantity, 0);

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm">
          <Link href={`/orders?tab=${tab}`} className="text-brand-700 hover:underline">
            ← {tabLabel} orders
          </Link>
        </nav>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="text-2xl font-semibold tracking-tight">Order #{order.number}</h1>
          <OrderStatusBadge status={order.status} fulfilment={order.fulfilment} />
        </div>
        <p className="mt-1 text-sm text-muted">
          Placed{" "}
          <time dateTime={(order.placedAt ?? order.createdAt).toISOString()}>
            {dateTime.format(order.placedAt ?? order.createdAt)}
          </time>
          {order.buyerName && ` by ${order.buyerName}`}
        </p>
      </div>

      <OrderActions
        order={{
          id: order.id,
          number: order.number,
          status: order.status,
          fulfilment: order.fulfilment,
          estimatedFrom: order.estimatedFrom,
          estimatedTo: order.estimatedTo,
          promisedFrom: order.promisedFrom,
          promisedTo: order.promisedTo,
          late,
        }}
        can={{
          accept: canDo("accept", order.status),
          ship: canDo("ship", order.status),
          deliver: canDo("deliver", order.status),
          cancel: canDo("cancel", order.status),
          delay: canDo("delay", order.status),
        }}
        today={today}
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="space-y-6">
          <Panel title={`Items (${units})`} id="items">
            <ul role="list" className="-my-3 divide-y divide-stone-100">
              {order.lines.map((line) => {
                const img = line.image ? imageSources(line.image, 320) : null;
                return (
                  <li key={line.id} className="flex gap-3 py-3">
                    <div aria-hidden className="size-16 shrink-0 overflow-hidden rounded-lg bg-stone-100">
                      {img && (
                        <img
                          src={img.src}
                          srcSet={img.srcSet}
                          sizes="64px"
                          alt=""
                          className="size-full object-cover"
                          loading="lazy"
                        />
                      )}
                    </div>
                    <div className="flex min-w-0 flex-1 flex-wrap justify-between gap-x-4 gap-y-1">
                      <div className="min-w-0">
                        <p className="font-medium text-ink">
                          {line.listingId ? (
                            <Link href={`/listings/${line.listingId}`} className="hover:underline">
                              {line.title}
                            </Link>
                          ) : (
                            line.title
                          )}
                        </p>
                        {line.variantLabel && <p className="text-sm text-muted">{line.variantLabel}</p>}
                        <p className="text-sm text-stone-600">
                          SKU <span className="font-mono">{line.sku}</span> · {line.quantity} × {money(line.unitPriceMinor)}
                        </p>
                      </div>
                      <p className="font-semibold tabular-nums">{money(line.lineTotalMinor)}</p>
                    </div>
                  </li>
                );
              })}
            </ul>
            <dl className="mt-4 space-y-1 border-t border-stone-100 pt-3 text-sm">
              <Amount term="Items">{money(order.subtotalMinor)}</Amount>
              <Amount term={pickup ? "Pickup" : "Shipping charged"}>
                {order.shippingMinor === 0 ? "Free" : money(order.shippingMinor)}
              </Amount>
              <Amount term="Order total" strong>
                {money(order.totalMinor)}
              </Amount>
              <Amount term="Marketplace commission">−{money(order.commissionMinor)}</Amount>
              <Amount term="You receive" strong>
                {money(order.totalMinor - order.commissionMinor)}
              </Amount>
            </dl>
          </Panel>

          <Panel title="Timeline" id="timeline">
            <SellerOrderTimeline entries={orderTimeline(order)} buyerName={order.buyerName} pickup={pickup} timeZone={timeZone} />
          </Panel>
        </div>

        <div className="space-y-6">
          <Panel title="Shopper" id="shopper">
            <p className="font-medium text-ink">{order.buyerName ?? "Deleted account"}</p>
            <p className="text-sm break-all text-stone-600">
              <a href={`mailto:${order.email}`} className="underline-offset-2 hover:underline">
                {order.email}
              </a>
            </p>
          </Panel>

          <Panel title={pickup ? "Pickup" : "Shipping"} id="delivery">
            <dl className="space-y-3 text-sm">
              <Fact term="Method">{order.deliveryLabel}</Fact>
              <Fact term="Promised at checkout">
                <span className={late ? "font-semibold text-red-800" : undefined}>
                  {formatDateRange({ from: order.promisedFrom, to: order.promisedTo })}
                </span>
                {late && <span className="block text-red-800">The promised date has passed.</span>}
              </Fact>
              {(order.estimatedFrom !== order.promisedFrom || order.estimatedTo !== order.promisedTo) && (
                <Fact term="Current estimate">{formatDateRange({ from: order.estimatedFrom, to: order.estimatedTo })}</Fact>
              )}
              {(order.carrier || order.trackingNumber) && (
                <Fact term={pickup ? "Pickup reference" : "Tracking"}>
                  {!pickup && order.carrier && <span className="block">{order.carrier}</span>}
                  {order.trackingNumber && <span className="block font-mono select-all">{order.trackingNumber}</span>}
                </Fact>
              )}
              {pickup ? (
                order.pickupLocation && (
                  <Fact term="Pickup location">
                    <address className="not-italic">
                      {order.pickupLocation.name}
                      <br />
                      {order.pickupLocation.line1}
                      <br />
                      {order.pickupLocation.postalCode} {order.pickupLocation.city}
                    </address>
                  </Fact>
                )
              ) : order.shippingAddress ? (
                <Fact term="Ship to">
                  <address className="not-italic">
                    {order.shippingAddress.name}
                    <br />
                    {order.shippingAddress.line1}
                    {order.shippingAddress.line2 && (
                      <>
                        <br />
                        {order.shippingAddress.line2}
                      </>
                    )}
                    <br />
                    {order.shippingAddress.city}
                    {order.shippingAddress.region && `, ${order.shippingAddress.region}`} {order.shippingAddress.postalCode}
                    <br />
                    {countryName(order.shippingAddress.country)}
                    {order.shippingAddress.phone && (
                      <>
                        <br />
                        {order.shippingAddress.phone}
                      </>
                    )}
                  </address>
                </Fact>
              ) : null}
            </dl>
          </Panel>

          <Panel title="Payment" id="payment">
            <p className="text-sm text-stone-700">{paymentText(order)}</p>
            <p className="mt-2 text-sm">
              <Link href="/payouts" className="font-medium text-brand-700 underline">
                See your payouts
              </Link>
            </p>
          </Panel>

          <p className="text-sm text-muted">Items are shown as they were ordered, even if you edit the listing later.</p>
        </div>
      </div>
    </div>
  );
}

function paymentText(order: Order): string {
  const card = order.cardLast4 ? ` (card ending in ${order.cardLast4})` : "";
  switch (order.paymentStatus) {
    case "authorized":
      return `Authorised${card}. The payment is captured when you ship.`;
    case "captured":
      return `Captured${card}. The sale is in your ledger.`;
    case "voided":
      return `Authorisation released${card}: the shopper was not charged.`;
    case "refunded":
      return `Refunded to the shopper${card}.`;
    default:
      return "No payment recorded.";
  }
}

function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5">
      <h2 id={`${id}-title`} className="mb-3 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">{term}</dt>
      <dd className="mt-0.5 text-stone-800">{children}</dd>
    </div>
  );
}

function Amount({ term, strong = false, children }: { term: string; strong?: boolean; children: ReactNode }) {
  return (
    <div className={strong ? "flex justify-between gap-4 font-semibold text-ink" : "flex justify-between gap-4"}>
      <dt className={strong ? undefined : "text-stone-600"}>{term}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}
