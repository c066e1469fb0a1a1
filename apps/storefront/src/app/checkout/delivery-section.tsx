"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { formatDateRange } from "@agora/core/delivery";
import { formatMoney } from "@agora/core/money";
import { cn } from "@agora/ui/cn";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { LineThumb } from "~/components/orders/order-parts";
import { RadioCard, StepHeading } from "./address-section";
import { optionKey, type Cart, type CartGroup, type CartLine, type FieldErrors } from "./types";

/**
 * Step 2: each seller's items and how that seller delivers them. A change is saved to the cart on the
 * server, which answers with the cart re-priced: the totals on screen are always the server's.
 */
export function DeliverySection({
  cart,
  errors,
  disabled,
  onCartChange,
  reloadCart,
}: {
  cart: Cart;
  errors: FieldErrors;
  disabled: boolean;
  onCartChange: (cart: Cart, announcement: string, sellerId: string) => void;
  reloadCart: () => Promise<void>;
}) {
  return (
    <section aria-labelledby="checkout-delivery-heading" className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5">
      <StepHeading id="checkout-delivery-heading" step={2}>
        Delivery
      </StepHeading>
      <p className="mt-1 text-sm text-muted">
        {cart.groups.length > 1
          ? `Your items come from ${cart.groups.length} shops. Each sends its part separately.`
          : "Choose how your items reach you."}
      </p>
      <div className="mt-4 space-y-6">
        {cart.groups.map((group) => (
          <SellerDelivery
            key={group.seller.id}
            group={group}
            currency={cart.currency}
            errors={errors}
            disabled={disabled}
            onCartChange={onCartChange}
            reloadCart={reloadCart}
          />
        ))}
      </div>
    </section>
  );
}

function SellerDelivery({
  group,
  currency,
  errors,
  disabled,
  onCartChange,
  reloadCart,
}: {
  group: CartGroup;
  currency: string;
  errors: FieldErrors;
  disabled: boolean;
  onCartChange: (cart: Cart, announcement: string, sellerId: string) => void;
  reloadCart: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const choose = useMutation(
    trpc.cart.chooseDelivery.mutationOptions({
      onSuccess: (view) => {
        const chosen = view.groups.find((g) => g.seller.id === group.seller.id)?.chosenDelivery;
        onCartChange(
          view,
          chosen
            ? `Delivery from ${group.seller.name}: ${chosen.kind === "pickup" ? `pick up at ${chosen.name}` : chosen.name}. Total ${formatMoney(view.totalMinor, view.currency)}.`
            : "Delivery updated.",
          group.seller.id,
        );
      },
      onError: () => void reloadCart(),
      onSettled: () => setPendingKey(null),
    }),
  );

  const headingId = `checkout-seller-${group.seller.id}`;
  const errorId = `checkout-delivery-${group.seller.id}-error`;
  const chosenKey = pendingKey ?? (group.chosenDelivery ? optionKey(group.chosenDelivery) : null);
  const chooseError = choose.error ? formErrorsOf(choose.error) : null;
  const error =
    errors[`delivery.${group.seller.id}`] ??
    (chooseError ? (Object.values(chooseError.fieldErrors)[0] ?? chooseError.message) : null);
  const units = group.lines.reduce((sum, l) => sum + l.quantity, 0);

  return (
    <div aria-labelledby={headingId} role="group" className="border-t border-stone-100 pt-4 first:border-t-0 first:pt-0">
      <h3 id={headingId} className="flex flex-wrap items-baseline justify-between gap-x-3 text-base font-semibold text-ink">
        <span>
          <span className="font-normal text-muted">From </span>
          {group.seller.name}
        </span>
        <span className="text-sm font-normal text-muted">
          {units} {units === 1 ? "item" : "items"}
        </span>
      </h3>

      <ul role="list" className="mt-2 divide-y divide-stone-100">
        {group.lines.map((line) => (
          <LineSummary key={line.variantId} line={line} currency={currency} error={errors[`lines.${line.variantId}`]} />
        ))}
      </ul>

      {group.noDeliveryOption ? (
        <p role="note" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {group.seller.name} does not offer delivery for {group.lines.length === 1 ? "this item" : "these items"} yet.{" "}
          <Link href="/cart" className="font-semibold underline underline-offset-2">
            Remove {group.lines.length === 1 ? "it" : "them"} in your cart
          </Link>{" "}
          to check out the rest.
        </p>
      ) : group.deliveryOptions.length > 0 ? (
        <fieldset
          disabled={disabled || choose.isPending}
          aria-busy={choose.isPending || undefined}
          aria-describedby={error ? errorId : undefined}
          className="mt-3"
        >
          <legend className="mb-2 text-sm font-semibold text-ink">
            Delivery option<span className="sr-only"> for {group.seller.name}</span>
          </legend>
          <div className="space-y-2">
            {group.deliveryOptions.map((option) => {
              const key = optionKey(option);
              const freeByThreshold = option.kind === "shipping" && option.priceMinor === 0 && option.basePriceMinor > 0;
              const freeOverHint =
                option.kind === "shipping" && option.priceMinor > 0 && option.freeOverMinor !== null
                  ? `Free on orders over ${formatMoney(option.freeOverMinor, currency)}`
                  : null;
              return (
                <RadioCard
                  key={key}
                  name={`checkout-delivery-${group.seller.id}`}
                  checked={chosenKey === key}
                  onChange={() => {
                    setPendingKey(key);
                    choose.mutate(
                      option.kind === "shipping"
                        ? { sellerId: group.seller.id, methodId: option.methodId }
                        : { sellerId: group.seller.id, pickupLocationId: option.locationId },
                    );
                  }}
                  trailing={
                    <span
                      className={cn(
                        "shrink-0 font-medium tabular-nums",
                        option.priceMinor === 0 ? "text-emerald-700" : "text-ink",
                      )}
                    >
                      {option.priceMinor === 0 ? "Free" : formatMoney(option.priceMinor, currency)}
                      {freeByThreshold && (
                        <span className="sr-only"> (usually {formatMoney(option.basePriceMinor, currency)})</span>
                      )}
                    </span>
                  }
                >
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
                </RadioCard>
              );
            })}
          </div>
          {error && (
            <p id={errorId} role="alert" className="mt-2 text-sm text-red-700">
              {error}
            </p>
          )}
        </fieldset>
      ) : null}
    </div>
  );
}

function lineProblem(line: CartLine): string | null {
  const problem = line.problem;
  if (!problem) return null;
  if (problem.kind === "insufficient") return `Only ${problem.available} left`;
  if (problem.kind === "out_of_stock") return "Out of stock";
  return "No longer available";
}

function LineSummary({ line, currency, error }: { line: CartLine; currency: string; error: string | undefined }) {
  const problem = error ?? lineProblem(line);
  const noteId = `checkout-line-${line.variantId}-note`;
  return (
    <li className="flex gap-3 py-3">
      <LineThumb image={line.image} size="sm" className={cn(!line.counted && "grayscale")} />
      <div className="min-w-0 flex-1 text-sm">
        <div className="flex items-start justify-between gap-3">
          <p className="min-w-0 font-medium text-ink">
            <Link href={`/p/${line.slug}`} className="line-clamp-2 hover:underline">
              {line.title}
            </Link>
          </p>
          <p className={cn("shrink-0 font-semibold tabular-nums", !line.counted && "text-stone-400 line-through")}>
            {formatMoney(line.lineTotalMinor, currency)}
            {!line.counted && <span className="sr-only"> (not included in the total)</span>}
          </p>
        </div>
        <p className="text-muted">
          {line.variantLabel && <>{line.variantLabel} · </>}
          Qty {line.quantity}
          {line.quantity > 1 && <> × {formatMoney(line.unitPriceMinor, currency)}</>}
        </p>
        {problem && (
          <p id={noteId} className="mt-1 font-medium text-amber-900">
            {problem} —{" "}
            <Link href="/cart" className="underline underline-offset-2">
              change in your cart
            </Link>
          </p>
        )}
      </div>
    </li>
  );
}
