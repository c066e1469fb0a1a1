import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { api } from "~/trpc/server";
import { CartContents } from "./cart-contents";

export const metadata: Metadata = { title: "Your cart", robots: { index: false } };

export default function CartPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6 pb-10 sm:pt-10">
      <h1 id="cart-title" tabIndex={-1} className="text-2xl font-bold tracking-tight text-ink outline-none sm:text-3xl">
        Your cart
      </h1>
      <Suspense fallback={<CartSkeleton />}>
        <CartLoader />
      </Suspense>
    </div>
  );
}

/** The cart is per visitor (its cookie or account), so it is read for each request. */
async function CartLoader() {
  await connection();
  const cart = await (await api()).cart.get();
  return <CartContents initial={cart} />;
}

function CartSkeleton() {
  return (
    <div aria-busy="true" className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <span className="sr-only" role="status">
        Loading your cart…
      </span>
      <div className="space-y-4">
        {[0, 1].map((i) => (
          <div key={i} className="h-56 animate-pulse rounded-2xl bg-stone-100" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded-2xl bg-stone-100" />
    </div>
  );
}
