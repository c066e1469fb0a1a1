import { paymentProvider } from "@agora/api/http";
import { getViewer } from "@agora/auth";
import { TEST_CARDS } from "@agora/core/payments";
import { COUNTRY_CODES } from "@agora/validators";
import { buttonClasses } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { api } from "~/trpc/server";
import { CheckoutForm } from "./checkout-form";
import type { CountryOption, SavedAddressOption, TestCard } from "./types";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const countries: CountryOption[] = COUNTRY_CODES.map((code) => ({ code, name: regionNames.of(code) ?? code })).sort((a, b) =>
  a.name.localeCompare(b.name, "en"),
);

export default function CheckoutPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6 pb-10 sm:pt-10">
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Checkout</h1>
      <Suspense fallback={<CheckoutSkeleton />}>
        <CheckoutLoader />
      </Suspense>
    </div>
  );
}

/** Checkout is per shopper (their cart, their addresses): read for each request. */
async function CheckoutLoader() {
  await connection();
  const viewer = await getViewer();
  // A guest's cart is merged into their account when they sign in, then they come back here.
  if (!viewer) redirect("/sign-in?next=/checkout");

  const caller = await api();
  const [cart, addresses] = await Promise.all([caller.cart.get(), caller.orders.addresses()]);

  if (cart.groups.length === 0)
    return (
      <div className="mt-6">
        <EmptyState
          title="Your cart is empty"
          action={
            <Link href="/cart" className={buttonClasses("primary")}>
              Go to your cart
            </Link>
          }
        >
          Add something to your cart first, then come back here to check out.
        </EmptyState>
      </div>
    );

  const saved: SavedAddressOption[] = addresses.map((a) => ({
    id: a.id,
    name: a.name,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    region: a.region,
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone,
    isDefault: a.isDefault,
  }));
  // The test cards are listed only while the built-in test provider takes the payments.
  const testCards: TestCard[] | null =
    paymentProvider().name === "test" ? TEST_CARDS.map((c) => ({ number: c.number, label: c.label })) : null;

  return (
    <CheckoutForm
      initialCart={cart}
      addresses={saved}
      countries={countries}
      testCards={testCards}
      viewer={{ name: viewer.name, email: viewer.email }}
    />
  );
}

function CheckoutSkeleton() {
  return (
    <div aria-busy="true" className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <span className="sr-only" role="status">
        Loading checkout…
      </span>
      <div className="space-y-5">
        <div className="h-56 animate-pulse rounded-2xl bg-stone-100" />
        <div className="h-72 animate-pulse rounded-2xl bg-stone-100" />
        <div className="h-64 animate-pulse rounded-2xl bg-stone-100" />
      </div>
      <div className="h-72 animate-pulse rounded-2xl bg-stone-100" />
    </div>
  );
}
