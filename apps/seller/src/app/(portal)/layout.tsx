import { Button } from "@agora/ui/button";
import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks, type NavItem } from "~/components/nav-links";
import { StoreStatusBadge } from "~/components/status-badge";
import { getMyStore, requireViewer } from "~/lib/session";
import { api } from "~/trpc/server";
import { signOutAction } from "./actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const store = await getMyStore();
  const operator = viewer.roles.includes("operator");
  // Only an approved store has orders; the count is one small query.
  const newOrders = store?.status === "approved" ? await (await api()).sellerOrders.newCount() : 0;
  const items: NavItem[] = store
    ? [
        { href: "/", label: "Dashboard" },
        ...(store.status === "approved"
          ? [
              { href: "/orders", label: "Orders", count: newOrders, countLabel: newOrders === 1 ? "new order" : "new orders" },
              { href: "/payouts", label: "Payouts" },
              { href: "/reviews", label: "Reviews" },
              { href: "/questions", label: "Questions" },
              { href: "/stories", label: "Stories" },
            ]
          : []),
        { href: "/listings", label: "Listings" },
        { href: "/locations", label: "Locations" },
        { href: "/shipping", label: "Shipping" },
        { href: "/promotions", label: "Promotions" },
        { href: "/store", label: "Store profile" },
      ]
    : [
        { href: "/", label: "Dashboard" },
        { href: "/apply", label: "Apply to sell" },
      ];

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 pt-3 sm:flex-nowrap sm:gap-4">
          <Link href="/" className="shrink-0 text-base font-semibold tracking-tight text-ink">
            Agora <span className="text-brand-700">Sellers</span>
          </Link>
          {store && (
            <div className="order-last flex w-full min-w-0 items-center gap-2 sm:order-none sm:w-auto sm:border-l sm:border-stone-200 sm:pl-4">
              <span className="truncate text-sm font-medium" title={store.name}>
                {store.name}
              </span>
              <StoreStatusBadge status={store.status} />
            </div>
          )}
          <div className="ml-auto flex shrink-0 items-center gap-3">
            <span className="hidden text-sm text-muted md:inline">{viewer.name}</span>
            <form action={signOutAction}>
              <Button type="submit" variant="ghost" size="sm">
                Sign out
              </Button>
            </form>
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-2 sm:px-4">
          <NavLinks items={items} operator={operator} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
