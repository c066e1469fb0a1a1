import { CATALOG_PAGE_SIZE } from "@agora/core";
import { mediaUrl } from "@agora/core/image-urls";
import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductGrid } from "~/components/product-card";
import { RatingLine } from "~/components/reviews/stars";
import { SellerLogo } from "~/components/seller-card";
import { SortSelect } from "~/components/sort-select";
import { browseHref, DEFAULT_SORT } from "~/lib/browse-params";
import { browseSegments } from "~/lib/browse-route";
import { cachedHomePage, cachedStorePage } from "~/lib/catalog";

type Props = { params: Promise<{ slug: string; sort: string; page: string }> };

export const ensureStatic = "navigation";

/** Stores on the home page are built ahead; others on first visit. */
export async function generateStaticParams() {
  const { newest, popular } = await cachedHomePage();
  const slugs = new Set([...popular, ...newest].map((c) => c.sellerSlug));
  const list = slugs.size > 0 ? [...slugs] : ["none"];
  return list.map((slug) => ({ slug, sort: DEFAULT_SORT, page: "1" }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, ...segments } = await params;
  const { sort, page } = browseSegments(segments);
  const data = await cachedStorePage(slug, sort, page);
  if (!data) return { title: "Store not found" };
  return {
    title: data.seller.name,
    description: data.seller.description || `Shop ${data.seller.name} on Agora.`,
    alternates: { canonical: browseHref(`/s/${data.seller.slug}`, { sort, page }) },
  };
}

export default async function StorePage({ params }: Props) {
  const { slug, ...segments } = await params;
  const { sort, page } = browseSegments(segments);
  const data = await cachedStorePage(slug, sort, page);
  if (!data || (page > data.pageCount && page > 1)) notFound();
  const { seller, items, total, pageCount } = data;
  const base = `/s/${seller.slug}`;
  const banner = mediaUrl(seller.bannerKey);
  const first = (page - 1) * CATALOG_PAGE_SIZE + 1;
  // Ids carry the page: pages visited earlier stay in the document (hidden) after client navigation.
  const id = (name: string) => `${name}-${seller.slug}-${sort}-${page}`;
  const since = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(seller.memberSince);

  return (
    <div className="mx-auto max-w-7xl px-4 pt-4 pb-4 sm:pt-6">
      <section aria-labelledby={id("store-title")} className="overflow-hidden rounded-2xl border border-stone-200 bg-white">
        <div className="aspect-[4/1] min-h-28 bg-gradient-to-r from-brand-700 to-brand-500">
          {banner && <img src={banner} alt="" width={1600} height={400} fetchPriority="high" className="block h-full w-full object-cover" />}
        </div>
        <div className="px-5 pb-5 sm:px-8 sm:pb-7">
          <div className="-mt-8 flex items-end gap-4 sm:-mt-10">
            <div className="rounded-2xl bg-white p-1 shadow-sm ring-1 ring-stone-200">
              <SellerLogo logoKey={seller.logoKey} name={seller.name} size={80} />
            </div>
          </div>
          <h1 id={id("store-title")} className="mt-3 text-2xl font-bold tracking-tight text-ink sm:text-3xl">
            {seller.name}
          </h1>
          {seller.description && <p className="mt-1 max-w-2xl text-stone-600">{seller.description}</p>}
          {seller.rating && <RatingLine average={seller.rating.average} count={seller.rating.count} size="sm" className="mt-2 text-sm" />}
          <p className="mt-2 text-sm text-muted">
            Selling on Agora since {since} · {total === 1 ? "1 product" : `${total.toLocaleString("en-US")} products`}
          </p>
          <p className="mt-3 text-sm lg:hidden">
            <a href={`#${id("store-returns")}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {seller.aboutHtml ? "About the store and returns" : "Return policy"}
            </a>
          </p>
        </div>
      </section>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby={id("store-products")} className="min-w-0 lg:order-1">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3">
            <div>
              <h2 id={id("store-products")} className="text-lg font-semibold text-ink">
                Products
              </h2>
              {total > 0 && (
                <p className="text-sm text-muted">
                  Showing {first}–{first + items.length - 1} of {total}
                </p>
              )}
            </div>
            {total > 1 && <SortSelect basePath={base} sort={sort} />}
          </div>
          {total > 0 ? (
            <>
              <ProductGrid items={items} label={`Products from ${seller.name}`} eagerFirstRow showSeller={false} />
              <Pagination page={page} pageCount={pageCount} href={(p) => browseHref(base, { sort, page: p })} />
            </>
          ) : (
            <EmptyState title="No products listed yet">{seller.name} has not published any products yet.</EmptyState>
          )}
        </section>

        <aside aria-label={`About ${seller.name}`} className="space-y-6 lg:order-2">
          {seller.aboutHtml && (
            <section aria-labelledby={id("store-about")} className="rounded-2xl border border-stone-200 bg-white p-5">
              <h2 id={id("store-about")} className="text-base font-semibold text-ink">
                About {seller.name}
              </h2>
              {/* Rendered from the seller's markdown and sanitised on the server when saved. */}
              <div className="prose-agora mt-1 text-sm" dangerouslySetInnerHTML={{ __html: seller.aboutHtml }} />
            </section>
          )}
          <section aria-labelledby={id("store-returns")} className="rounded-2xl border border-stone-200 bg-white p-5">
            <h2 id={id("store-returns")} className="scroll-mt-36 text-base font-semibold text-ink">
              Returns
            </h2>
            <p className="mt-2 text-sm text-stone-600">{seller.returnPolicy}</p>
          </section>
        </aside>
      </div>
    </div>
  );
}
