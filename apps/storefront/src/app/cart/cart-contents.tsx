"use client";

import type { RouterOutputs } from "@agora/api";
import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { formatDateRange } from "@agora/core/delivery";
import { formatMoney } from "@agora/core/money";
import { buttonClasses } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { EmptyState } from "@agora/ui/empty-state";
import { useIsMutating, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useId, useState } from "react";
import { ImagePlaceholder, ListingImage } from "~/components/listing-image";
import { QuantityStepper } from "~/components/quantity-stepper";

type Cart = RouterOutputs["cart"]["get"];
type Group = Cart["groups"][number];
type Line = Group["lines"][number];
type DeliveryOption = Group["deliveryOptions"][number];

/** The page's heading (page.tsx), focused when a removed line takes the focus with it. */
const CART_TITLE_ID = "cart-title";

/** The most of one item a cart line holds (the server enforces the same limit). */
const MAX_PER_LINE = 99;

type ApplyView = (view: Cart, announcement: string) => void;

/**
 * The cart page. Every change goes to the server, which answers with the whole cart re-priced, so the
 * totals on screen are always the server's. While one change is on its way the others wait, so answers
 * can never arrive out of order.
 */
export function CartContents({ initial }: { initial: Cart }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [cart, setCart] = useState(initial);
  const [shown, setShown] = useState(initial);
  if (initial !== shown) {
    // A fresh server render (e.g. after navigating back here) replaces what we had.
    setShown(initial);
    setCart(initial);
  }
  const [announcement, setAnnouncement] = useState("");
  const busy = useIsMutating({ mutationKey: trpc.cart.pathKey() }) > 0;

  const apply = useCallback<ApplyView>(
    (view, message) => {
      const lineCount = (c: Cart) => c.groups.reduce((n, g) => n + g.lines.length, 0);
      // The removed line took keyboard focus with it: continue from the page heading.
      if (lineCount(view) < lineCount(cart)) document.getElementById(CART_TITLE_ID)?.focus();
      setCart(view);
      setAnnouncement(message);
      queryClient.setQueryData(trpc.cart.count.queryKey(), { itemCount: view.itemCount });
    },
    [queryClient, trpc, cart],
  );
  /** After a refusal the cart may have changed under us (stock sold elsewhere): show the latest. */
  const reload = useCallback(async () => {
    try {
      const view = await queryClient.fetchQuery({ ...trpc.cart.get.queryOptions(), staleTime: 0 });
      setCart(view);
      queryClient.setQueryData(trpc.cart.count.queryKey(), { itemCount: view.itemCount });
    } catch {
      // The refusal message is already on screen; the cart stays as it was.
    }
  }, [queryClient, trpc]);

  return (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {cart.groups.length === 0 ? (
        <div className="mt-6">
          <EmptyState
            title="Your cart is empty"
            action={
              <Link href="/" className={buttonClasses("primary")}>
                Start shopping
              </Link>
            }
          >
            Browse gear, home goods and clothing from independent shops, and add what you like here.
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start lg:gap-8">
          <div className="space-y-5">
            {cart.groups.map((group) => (
              <SellerPart
                key={group.seller.id}
                group={group}
                currency={cart.currency}
                busy={busy}
                apply={apply}
                reload={reload}
              />
            ))}
          </div>
          <OrderSummary cart={cart} />
        </div>
      )}
    </>
  );
}

const money = formatMoney;

function SellerPart({
  group,
  currency,
  busy,
  apply,
  reload,
}: {
  group: Group;
  currency: string;
  busy: boolean;
  apply: ApplyView;
  reload: () => Promise<void>;
}) {
  const headingId = useId();
  const units = group.lines.reduce((sum, l) => sum + l.quantity, 0);
  const hasCounted = group.lines.some((l) => l.counted);
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white">
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-stone-100 px-4 py-3 sm:px-5">
        <h2 id={headingId} className="text-base font-semibold text-ink">
          <span className="font-normal text-muted">Sold by </span>
          <Link href={`/s/${group.seller.slug}`} className="hover:underline">
            {group.seller.name}
          </Link>
        </h2>
        <p className="text-sm text-muted">
          {units} {units === 1 ? "item" : "items"}
        </p>
      </header>

      <ul role="list" className="divide-y divide-stone-100 px-4 sm:px-5">
        {group.lines.map((line) => (
          <CartLineItem key={line.variantId} line={line} currency={currency} busy={busy} apply={apply} reload={reload} />
        ))}
      </ul>

      {hasCounted && (
        <div className="space-y-4 border-t border-stone-100 px-4 py-4 sm:px-5">
          <DeliveryChoice group={group} currency={currency} busy={busy} apply={apply} reload={reload} />
          <dl className="space-y-1 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-stone-600">Items</dt>
              <dd className="tabular-nums">{money(group.subtotalMinor, currency)}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-stone-600">Delivery</dt>
              <dd className="tabular-nums">{group.chosenDelivery ? priceLabel(group.shippingMinor, currency) : "—"}</dd>
            </div>
            <div className="flex justify-between gap-4 pt-1 font-semibold text-ink">
              <dt>From {group.seller.name}</dt>
              <dd className="tabular-nums">{money(group.totalMinor, currency)}</dd>
            </div>
          </dl>
        </div>
      )}
    </section>
  );
}

function CartLineItem({
  line,
  currency,
  busy,
  apply,
  reload,
}: {
  line: Line;
  currency: string;
  busy: boolean;
  apply: ApplyView;
  reload: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const baseId = useId();
  const ids = { qty: `${baseId}-qty`, note: `${baseId}-note` };
  const setQuantity = useMutation(
    trpc.cart.setQuantity.mutationOptions({
      onSuccess: (view, input) =>
        apply(view, input.quantity === 0 ? `Removed ${line.title}.` : `${line.title}: quantity ${input.quantity}.`),
      onError: () => void reload(),
    }),
  );
  const remove = useMutation(
    trpc.cart.remove.mutationOptions({
      onSuccess: (view) => apply(view, `Removed ${line.title}.`),
      onError: () => void reload(),
    }),
  );
  const pending = setQuantity.isPending || remove.isPending;
  const failed = setQuantity.error ?? remove.error;
  const error = failed ? formErrorsOf(failed) : null;
  const problem = line.problem;
  const canChange = problem === null || problem.kind === "insufficient";

  // Changes wait for the one on its way (controls stay focusable meanwhile, so they are ignored, not disabled).
  function changeQuantity(quantity: number) {
    if (busy) return;
    remove.reset();
    setQuantity.mutate({ variantId: line.variantId, quantity });
  }
  function removeLine() {
    if (busy) return;
    setQuantity.reset();
    remove.mutate({ variantId: line.variantId });
  }

  return (
    <li className={cn("flex gap-3 py-4 sm:gap-4", pending && "opacity-70")} aria-busy={pending || undefined}>
      <Link
        href={`/p/${line.slug}`}
        tabIndex={-1}
        aria-hidden
        className="size-20 shrink-0 overflow-hidden rounded-lg bg-stone-100 sm:size-24"
      >
        {line.image ? (
          <ListingImage
            image={line.image}
            alt=""
            width={96}
            height={96}
            sizes="96px"
            preferredWidth={200}
            className={cn(!canChange && "grayscale")}
          />
        ) : (
          <ImagePlaceholder label="" />
        )}
      </Link>
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 className="text-[15px] leading-snug font-medium text-ink">
              <Link href={`/p/${line.slug}`} className="line-clamp-2 hover:underline">
                {line.title}
              </Link>
            </h3>
            {line.variantLabel && <p className="mt-0.5 text-sm text-muted">{line.variantLabel}</p>}
            <p className="mt-0.5 text-sm text-stone-600">
              {money(line.unitPriceMinor, currency)} each
              {line.compareAtMinor !== null && line.compareAtMinor > line.unitPriceMinor && (
                <>
                  {" "}
                  <s className="text-muted" aria-label={`was ${money(line.compareAtMinor, currency)}`}>
                    {money(line.compareAtMinor, currency)}
                  </s>
                </>
              )}
            </p>
          </div>
          <p className={cn("shrink-0 text-[15px] font-semibold tabular-nums", !line.counted && "text-stone-400 line-through")}>
            {money(line.lineTotalMinor, currency)}
            {!line.counted && <span className="sr-only"> (not included in the total)</span>}
          </p>
        </div>

        {canChange && (
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
            <QuantityStepper
              id={ids.qty}
              itemName={line.title}
              size="sm"
              value={line.quantity}
              min={1}
              max={Math.min(Math.max(line.available, 1), MAX_PER_LINE)}
              onChange={changeQuantity}
              disabled={busy}
              invalid={problem !== null || Boolean(error?.fieldErrors.quantity)}
              describedBy={problem || error ? ids.note : undefined}
            />
            <button
              type="button"
              onClick={removeLine}
              aria-disabled={busy || undefined}
              className="min-h-9 rounded-md px-1 text-sm font-medium text-stone-600 underline underline-offset-2 hover:text-ink aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            >
              Remove<span className="sr-only"> {line.title}</span>
            </button>
          </div>
        )}

        <div id={ids.note}>
          {problem && (
            <LineProblem problem={problem} title={line.title} busy={busy} onReduce={changeQuantity} onRemove={removeLine} />
          )}
          {error && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {error.fieldErrors.quantity ?? error.fieldErrors.variantId ?? error.message}
            </p>
          )}
        </div>
      </div>
    </li>
  );
}

function LineProblem({
  problem,
  title,
  busy,
  onReduce,
  onRemove,
}: {
  problem: NonNullable<Line["problem"]>;
  title: string;
  busy: boolean;
  onReduce: (quantity: number) => void;
  onRemove: () => void;
}) {
  const fix =
    problem.kind === "insufficient"
      ? {
          text: `Only ${problem.available} left.`,
          action: `Reduce to ${problem.available}`,
          run: () => onReduce(problem.available),
        }
      : problem.kind === "out_of_stock"
        ? { text: "Out of stock.", action: "Remove", run: onRemove }
        : { text: "No longer available.", action: "Remove", run: onRemove };
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
      <span className="font-medium">{fix.text}</span>
      <span aria-hidden>—</span>
      <button
        type="button"
        onClick={fix.run}
        aria-disabled={busy || undefined}
        className="min-h-8 rounded font-semibold text-amber-950 underline underline-offset-2 hover:no-underline aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
      >
        {fix.action}
        <span className="sr-only"> {title}</span>
      </button>
    </p>
  );
}

function optionKey(option: DeliveryOption): string {
  return option.kind === "shipping" ? `m:${option.methodId}` : `p:${option.locationId}`;
}

function priceLabel(minor: number, currency: string): string {
  return minor === 0 ? "Free" : money(minor, currency);
}

function DeliveryChoice({
  group,
  currency,
  busy,
  apply,
  reload,
}: {
  group: Group;
  currency: string;
  busy: boolean;
  apply: ApplyView;
  reload: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const baseId = useId();
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const choose = useMutation(
    trpc.cart.chooseDelivery.mutationOptions({
      onSuccess: (view) => {
        const chosen = view.groups.find((g) => g.seller.id === group.seller.id)?.chosenDelivery;
        apply(view, chosen ? `Delivery from ${group.seller.name}: ${chosen.name}.` : "Delivery updated.");
      },
      onError: () => void reload(),
      onSettled: () => setPendingKey(null),
    }),
  );

  if (group.noDeliveryOption)
    return (
      <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
        {group.seller.name} does not offer delivery for {group.lines.length === 1 ? "this item" : "these items"} yet. Remove{" "}
        {group.lines.length === 1 ? "it" : "them"} to check out the rest of your cart.
      </p>
    );

  const chosenKey = pendingKey ?? (group.chosenDelivery ? optionKey(group.chosenDelivery) : null);
  const error = choose.error ? formErrorsOf(choose.error) : null;
  return (
    <fieldset aria-busy={choose.isPending || undefined}>
      <legend className="mb-2 text-sm font-semibold text-ink">Delivery</legend>
      <div className="space-y-2">
        {group.deliveryOptions.map((option) => {
          const key = optionKey(option);
          const freeByThreshold = option.kind === "shipping" && option.priceMinor === 0 && option.basePriceMinor > 0;
          const freeOverHint =
            option.kind === "shipping" && option.priceMinor > 0 && option.freeOverMinor !== null
              ? `Free on orders over ${money(option.freeOverMinor, currency)}`
              : null;
          return (
            <label
              key={key}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 text-sm transition-colors",
                "has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-brand-600",
                chosenKey === key ? "border-brand-600 bg-brand-50" : "border-stone-200 hover:border-stone-400",
              )}
            >
              <input
                type="radio"
                name={`${baseId}-delivery`}
                value={key}
                checked={chosenKey === key}
                onChange={() => {
                  if (busy) return;
                  setPendingKey(key);
                  choose.mutate(
                    option.kind === "shipping"
                      ? { sellerId: group.seller.id, methodId: option.methodId }
                      : { sellerId: group.seller.id, pickupLocationId: option.locationId },
                  );
                }}
                className="mt-0.5 size-4 shrink-0 accent-brand-600"
              />
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-ink">
                  {option.kind === "pickup" ? `Pick up at ${option.name}` : option.name}
                </span>
                <span className="block text-stone-600">
                  {option.kind === "pickup"
                    ? `Ready ${formatDateRange(option.estimate)}`
                    : `Arrives ${formatDateRange(option.estimate)}`}
                </span>
                {option.kind === "pickup" && <span className="block text-muted">{option.address}</span>}
                {freeOverHint && <span className="block text-muted">{freeOverHint}</span>}
              </span>
              <span
                className={cn("shrink-0 font-medium tabular-nums", option.priceMinor === 0 ? "text-emerald-700" : "text-ink")}
              >
                {priceLabel(option.priceMinor, currency)}
                {freeByThreshold && <span className="sr-only"> (usually {money(option.basePriceMinor, currency)})</span>}
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {Object.values(error.fieldErrors)[0] ?? error.message}
        </p>
      )}
    </fieldset>
  );
}

function OrderSummary({ cart }: { cart: Cart }) {
  const headingId = useId();
  const whyId = useId();
  const undeliverable = cart.groups.filter((g) => g.noDeliveryOption);
  const delivering = cart.groups.filter((g) => g.chosenDelivery).length;
  const reason =
    cart.problemCount > 0
      ? `${cart.problemCount === 1 ? "One item needs" : `${cart.problemCount} items need`} your attention before you can check out.`
      : undeliverable.length > 0
        ? `${undeliverable.map((g) => g.seller.name).join(" and ")} cannot deliver ${undeliverable.length === 1 ? "its items" : "their items"} yet. Remove them to check out.`
        : "Choose a delivery option for each seller to check out.";
  return (
    <aside aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5 lg:sticky lg:top-24">
      <h2 id={headingId} className="text-base font-semibold text-ink">
        Order summary
      </h2>
      <dl className="mt-3 space-y-1.5 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">Items ({cart.itemCount})</dt>
          <dd className="tabular-nums">{money(cart.subtotalMinor, cart.currency)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">Delivery{delivering > 1 ? ` (${delivering} sellers)` : ""}</dt>
          <dd className="tabular-nums">{priceLabel(cart.shippingMinor, cart.currency)}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-stone-100 pt-2.5 text-base font-semibold text-ink">
          <dt>Total</dt>
          <dd className="tabular-nums">{money(cart.totalMinor, cart.currency)}</dd>
        </div>
      </dl>
      <div className="mt-4">
        {cart.readyForCheckout ? (
          <Link href="/checkout" className={cn(buttonClasses("primary"), "w-full")}>
            Checkout
          </Link>
        ) : (
          <>
            <button type="button" disabled aria-describedby={whyId} className={cn(buttonClasses("primary"), "w-full")}>
              Checkout
            </button>
            <p id={whyId} className="mt-2 text-sm text-amber-900">
              {reason}
            </p>
          </>
        )}
      </div>
      <p className="mt-3 text-xs text-muted">Stock and prices are checked again when you place your order.</p>
    </aside>
  );
}
