"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import type { StockState } from "@agora/core/stock";
import { Button } from "@agora/ui/button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { QuantityStepper } from "./quantity-stepper";

/** The most of one item a cart line holds (the server enforces the same limit). */
const MAX_PER_LINE = 99;

/**
 * Quantity and "Add to cart" for the chosen variant. The stock shown on the page may be a little old:
 * the server checks it again, and its answer ("Only 2 left") is shown here.
 */
export function AddToCart({ variant }: { variant: { id: string; stock: StockState } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const baseId = useId();
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<{ quantity: number; inCart: number } | null>(null);
  const add = useMutation(
    trpc.cart.add.mutationOptions({
      onSuccess(result, input) {
        setAdded({ quantity: input.quantity, inCart: result.lineQuantity });
        queryClient.setQueryData(trpc.cart.count.queryKey(), { itemCount: result.itemCount });
        void queryClient.invalidateQueries(trpc.cart.get.queryFilter());
      },
      onMutate() {
        setAdded(null);
      },
    }),
  );

  const soldOut = variant.stock.kind === "out_of_stock";
  const max = Math.max(1, Math.min(variant.stock.available, MAX_PER_LINE));
  const error = add.error ? formErrorsOf(add.error) : null;
  const quantityError = error?.fieldErrors.quantity;
  const ids = { quantity: `${baseId}-qty`, error: `${baseId}-error` };

  return (
    <div className="space-y-3">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!add.isPending && !soldOut) add.mutate({ variantId: variant.id, quantity });
        }}
      >
        {!soldOut && (
          <div className="space-y-1">
            <label htmlFor={ids.quantity} className="block text-sm font-medium text-ink">
              Quantity
            </label>
            <QuantityStepper
              id={ids.quantity}
              value={Math.min(quantity, max)}
              min={1}
              max={max}
              onChange={(q) => {
                setQuantity(q);
                add.reset();
              }}
              disabled={add.isPending}
              invalid={Boolean(quantityError)}
              describedBy={error ? ids.error : undefined}
            />
          </div>
        )}
        <Button type="submit" className="min-w-44 flex-1 sm:flex-none" disabled={soldOut} loading={add.isPending}>
          {soldOut ? "Out of stock" : add.isPending ? "Adding…" : "Add to cart"}
        </Button>
      </form>

      <div aria-live="polite" className="empty:hidden">
        {added && (
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            <span>
              <span aria-hidden>✓ </span>
              {added.quantity === 1 ? "Added to your cart." : `Added ${added.quantity} to your cart.`}
              {added.inCart > added.quantity && ` You now have ${added.inCart}.`}
            </span>
            <Link href="/cart" className="font-semibold text-emerald-900 underline underline-offset-2">
              View cart
            </Link>
          </p>
        )}
      </div>
      {error && (
        <p id={ids.error} role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {quantityError ?? error.fieldErrors.variantId ?? error.message}
        </p>
      )}
    </div>
  );
}
