import { imageSources } from "@agora/core/image-urls";
import { stockLabel, stockState } from "@agora/core/stock";
import { buttonClasses } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import { Price } from "@agora/ui/price";
import { StockBadge } from "@agora/ui/stock-badge";
import { listingStatusSchema } from "@agora/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { ListingStatusBadge } from "~/components/status-badge";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Listings" };

type Search = { q?: string | string[]; status?: string | string[]; page?: string | string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });

export default async function ListingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireStore();
  const sp = await searchParams;
  const q = (first(sp.q) ?? "").trim().slice(0, 100);
  const statusParsed = listingStatusSchema.safeParse(first(sp.status));
  const status = statusParsed.success ? statusParsed.data : undefined;
  const pageNumber = Number(first(sp.page));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 10_000 ? pageNumber : 1;

  const result = await (await api()).seller.listings.list({ q: q || undefined, status, page });
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (status) params.set("status", status);
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return s ? `/listings?${s}` : "/listings";
  };
  const filtered = Boolean(q || status);

  return (
    <>
      <PageHeader
        title="Listings"
        description={`${result.total} ${result.total === 1 ? "listing" : "listings"}${filtered ? " match" : ""}`}
        actions={
          <Link href="/listings/new" className={buttonClasses()}>
            New listing
          </Link>
        }
      />

      <form
        role="search"
        action="/listings"
        className="mb-5 flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-3 shadow-xs sm:p-4"
      >
        <div className="min-w-0 flex-[1_1_14rem] space-y-1">
          <label htmlFor="listing-search" className="block text-sm font-medium">
            Search listings
          </label>
          <input
            id="listing-search"
            type="search"
            name="q"
            defaultValue={q}
            placeholder="Title or exact SKU"
            maxLength={100}
            className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-[15px] focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </div>
        <div className="flex-[0_1_10rem] space-y-1">
          <label htmlFor="listing-status" className="block text-sm font-medium">
            Status
          </label>
          <select
            id="listing-status"
            name="status"
            defaultValue={status ?? ""}
            className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-[15px] focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          >
            <option value="">All statuses</option>
            <option value="active">Active</option>
            <option value="draft">Draft</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
        {filtered && (
          <Link href="/listings" className="inline-flex min-h-11 items-center px-1 text-sm font-medium text-brand-700 underline">
            Clear
          </Link>
        )}
      </form>

      {result.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No listings match"
            action={
              <Link href="/listings" className={buttonClasses("secondary")}>
                Show all listings
              </Link>
            }
          >
            Try another word or status. SKUs must match exactly.
          </EmptyState>
        ) : (
          <EmptyState
            title="No listings yet"
            action={
              <Link href="/listings/new" className={buttonClasses()}>
                Create your first listing
              </Link>
            }
          >
            A listing is one product with its variants (sizes, colours), prices, stock and photos.
          </EmptyState>
        )
      ) : (
        <div className="overflow-hidden rounded-xl border border-stone-200 bg-white shadow-xs">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your listings{filtered ? " (filtered)" : ""}</caption>
            <thead className="hidden border-b border-stone-200 bg-stone-50 text-xs font-medium tracking-wide text-muted uppercase md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Listing
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Price
                </th>
                <th scope="col" className="px-4 py-3">
                  Stock
                </th>
                <th scope="col" className="px-4 py-3">
                  Updated
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {result.items.map((item) => {
                const img = item.image ? imageSources(item.image, 320) : null;
                const stock = stockState(item.available);
                return (
                  <tr
                    key={item.id}
                    className="relative grid grid-cols-[4rem_1fr_auto] gap-x-3 gap-y-1 p-3 hover:bg-stone-50 md:table-row md:p-0"
                  >
                    <td className="row-span-3 md:table-cell md:w-[45%] md:px-4 md:py-3">
                      <div className="flex items-center gap-3">
                        <div className="size-16 shrink-0 overflow-hidden rounded-lg bg-stone-100 md:size-12">
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
                        <div className="hidden min-w-0 md:block">
                          <Link
                            href={`/listings/${item.id}`}
                            className="line-clamp-2 font-medium text-ink after:absolute after:inset-0 hover:underline"
                          >
                            {item.title}
                          </Link>
                          <p className="text-xs text-muted">
                            {item.variantCount} {item.variantCount === 1 ? "variant" : "variants"}
                          </p>
                        </div>
                      </div>
                    </td>
                    <td className="col-span-2 min-w-0 md:hidden">
                      <Link
                        href={`/listings/${item.id}`}
                        className="line-clamp-2 font-medium text-ink after:absolute after:inset-0"
                      >
                        {item.title}
                      </Link>
                    </td>
                    <td className="md:table-cell md:px-4 md:py-3">
                      <ListingStatusBadge status={item.status} />
                    </td>
                    <td className="text-right md:table-cell md:px-4 md:py-3">
                      {item.variantCount > 0 ? (
                        <Price
                          amountMinor={item.minPriceMinor}
                          currency={item.currency}
                          prefix={item.variantCount > 1 ? "from " : undefined}
                        />
                      ) : (
                        <span className="text-muted">No price</span>
                      )}
                    </td>
                    <td className="col-span-2 md:table-cell md:px-4 md:py-3">
                      <span className="inline-flex items-center gap-2 whitespace-nowrap">
                        <StockBadge kind={stock.kind} label={stockLabel(stock)} />
                        <span className="text-xs text-muted tabular-nums">{item.available} available</span>
                      </span>
                    </td>
                    <td className="hidden text-sm text-muted md:table-cell md:px-4 md:py-3">
                      <time dateTime={new Date(item.updatedAt).toISOString()}>{dateFormat.format(new Date(item.updatedAt))}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} href={href} />
    </>
  );
}
