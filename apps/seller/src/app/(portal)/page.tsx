import { Alert } from "@agora/ui/alert";
import { buttonClasses } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { getMyStore, requireViewer } from "~/lib/session";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Dashboard" };

function Stat({ label, value, href, tone }: { label: string; value: number; href: string; tone?: "warn" }) {
  return (
    <Link
      href={href}
      className="group rounded-xl border border-stone-200 bg-white p-4 shadow-xs transition-colors hover:border-brand-500 focus-visible:border-brand-500"
    >
      <p className="text-sm text-muted">{label}</p>
      <p className={`mt-1 text-3xl font-semibold tabular-nums ${tone === "warn" && value > 0 ? "text-amber-700" : "text-ink"}`}>
        {value}
      </p>
    </Link>
  );
}

export default async function DashboardPage() {
  const viewer = await requireViewer();
  const store = await getMyStore();

  if (!store) {
    return (
      <>
        <PageHeader title={`Welcome, ${viewer.name}`} />
        <EmptyState
          title="Start selling on Agora"
          action={
            <Link href="/apply" className={buttonClasses()}>
              Apply to sell
            </Link>
          }
        >
          Tell us about your store: its name, what you sell and your return policy. The marketplace team reviews every
          application, usually within two working days.
        </EmptyState>
        {viewer.roles.includes("operator") && (
          <p className="mt-6 text-center text-sm text-muted">
            Reviewing applications? Open the{" "}
            <Link href="/admin" className="font-medium text-brand-700 underline">
              operator console
            </Link>
            .
          </p>
        )}
      </>
    );
  }

  if (store.status === "suspended") {
    return (
      <>
        <PageHeader title={store.name} />
        <Alert tone="error" title="Your store is suspended">
          {store.statusReason ?? "Contact the marketplace team to find out more."}
        </Alert>
      </>
    );
  }

  const caller = await api();
  const [stats, locations] = await Promise.all([caller.seller.dashboard(), caller.seller.locations.list()]);
  const links = storefrontLinks();
  const listingTotal = stats.listings.active + stats.listings.draft + stats.listings.archived;
  const setup = [
    {
      done: Boolean(store.logoKey && store.about.trim()),
      href: "/store",
      label: "Add your logo, banner and about text",
      detail: "Shoppers trust stores that show who they are.",
    },
    {
      done: locations.length > 0,
      href: "/locations",
      label: "Add a stock location",
      detail: "Stock is counted per location; pickup is offered per location.",
    },
    {
      done: listingTotal > 0,
      href: "/listings/new",
      label: "Create your first listing",
      detail: "Title, category, variants with prices and stock, then photos.",
    },
  ];

  return (
    <>
      <PageHeader
        title={store.name}
        description={
          store.status === "approved" ? (
            <a href={`${links.store}${store.slug}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
              View your store on Agora
            </a>
          ) : undefined
        }
        actions={
          <Link href="/listings/new" className={buttonClasses()}>
            New listing
          </Link>
        }
      />

      {store.status === "pending" && (
        <Alert tone="info" title="Your application is under review" className="mb-6">
          The marketplace team is reviewing your store. Meanwhile you can complete your{" "}
          <Link href="/store" className="underline">
            store profile
          </Link>
          , add{" "}
          <Link href="/locations" className="underline">
            stock locations
          </Link>{" "}
          and prepare draft listings. You can publish them once your store is approved.
        </Alert>
      )}
      {store.status === "rejected" && (
        <Alert tone="error" title="Your application was not approved" className="mb-6">
          <p>
            <span className="font-medium">Reason:</span> {store.statusReason ?? "No reason was given."}
          </p>
          <p className="mt-2">
            Address this in your{" "}
            <Link href="/store" className="font-medium underline">
              store profile
            </Link>
            ; the marketplace team can then review your store again.
          </p>
        </Alert>
      )}

      {setup.some((step) => !step.done) && (
        <section
          aria-labelledby="setup-heading"
          className="mb-8 rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5"
        >
          <h2 id="setup-heading" className="font-semibold">
            Get your store ready
          </h2>
          <ol className="mt-3 space-y-2">
            {setup.map((step, i) => (
              <li key={step.href} className="flex items-start gap-3">
                <span
                  aria-hidden
                  className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${step.done ? "bg-emerald-100 text-emerald-800" : "bg-stone-100 text-stone-700"}`}
                >
                  {step.done ? "✓" : i + 1}
                </span>
                <div className="min-w-0 text-sm">
                  {step.done ? (
                    <span className="text-muted line-through">{step.label}</span>
                  ) : (
                    <Link href={step.href} className="font-medium text-brand-700 underline">
                      {step.label}
                    </Link>
                  )}
                  <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
                  {!step.done && <p className="text-muted">{step.detail}</p>}
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading" className="sr-only">
          Overview
        </h2>
        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          <Stat label="Active listings" value={stats.listings.active} href="/listings?status=active" />
          <Stat label="Draft listings" value={stats.listings.draft} href="/listings?status=draft" />
          <Stat label="Low-stock variants" value={stats.lowStockVariants} href="/listings" tone="warn" />
          <Stat label="Sold-out variants" value={stats.soldOutVariants} href="/listings?status=active" tone="warn" />
        </div>
      </section>

      <div className="mt-8 grid gap-6 lg:grid-cols-3">
        <section
          aria-labelledby="low-stock-heading"
          className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs lg:col-span-2 sm:p-5"
        >
          <h2 id="low-stock-heading" className="font-semibold">
            Running low
          </h2>
          {stats.lowStock.length === 0 ? (
            <p className="mt-2 text-sm text-muted">
              No variant is running low. Variants with 5 or fewer units available show up here.
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-100">
              {stats.lowStock.map((v) => (
                <li key={`${v.listingId}:${v.sku}`} className="flex items-center justify-between gap-3 py-2.5">
                  <div className="min-w-0">
                    <Link
                      href={`/listings/${v.listingId}`}
                      className="block truncate text-sm font-medium text-ink hover:underline"
                    >
                      {v.title}
                    </Link>
                    <p className="text-xs text-muted">SKU {v.sku}</p>
                  </div>
                  <span className="shrink-0 text-sm font-medium text-amber-700 tabular-nums">{v.available} left</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="shortcuts-heading" className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5">
          <h2 id="shortcuts-heading" className="font-semibold">
            Shortcuts
          </h2>
          <ul className="mt-3 space-y-1 text-sm">
            {[
              { href: "/listings/new", label: "Create a listing" },
              { href: "/listings", label: "Manage listings" },
              { href: "/locations", label: "Stock locations" },
              { href: "/store", label: "Store profile, logo and banner" },
            ].map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="flex min-h-10 items-center rounded-md px-2 font-medium text-brand-700 hover:bg-brand-50"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
