import { CATALOG_PAGE_SIZE } from "@agora/core";
import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "~/components/breadcrumb";
import { CategoryCarousel } from "~/components/discovery/category-carousel";
import { IntentLink } from "~/components/intent-link";
import { PaintedLink } from "~/components/painted-link";
import { ProductGrid } from "~/components/product-card";
import { SortSelect } from "~/components/sort-select";
import { browseHref, DEFAULT_SORT } from "~/lib/browse-params";
import { browseSegments } from "~/lib/browse-route";
import { cachedCategoryPage, cachedCategoryTree } from "~/lib/catalog";

type Props = { params: Promise<{ slug: string; sort: string; page: string }> };

export const ensureStatic = "navigation";

/** Every category's first page is built ahead; other sorts and pages are built on first visit and kept. */
export async function generateStaticParams() {
  const tree = await cachedCategoryTree();
  return tree.flatMap((top) => [top, ...top.children]).map((c) => ({ slug: c.slug, sort: DEFAULT_SORT, page: "1" }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, ...segments } = await params;
  const { sort, page } = browseSegments(segments);
  const data = await cachedCategoryPage(slug, sort, page);
  if (!data) return { title: "Category not found" };
  const base = `/c/${data.category.slug}`;
  return {
    title: page > 1 ? `${data.category.name} — page ${page}` : data.category.name,
    description: `Shop ${data.total} ${data.category.name.toLowerCase()} products from independent sellers on Agora.`,
    alternates: { canonical: browseHref(base, { sort, page }) },
  };
}

export default async function CategoryPage({ params }: Props) {
  const { slug, ...segments } = await params;
  const { sort, page } = browseSegments(segments);
  const data = await cachedCategoryPage(slug, sort, page);
  if (!data || (page > data.pageCount && page > 1)) notFound();

  const { category, parent, children, items, total, pageCount } = data;
  const base = `/c/${category.slug}`;
  const first = (page - 1) * CATALOG_PAGE_SIZE + 1;
  return (
    <div className="mx-auto max-w-7xl px-4 pt-5 pb-4 sm:pt-8">
      <Breadcrumb
        items={[{ label: "Home", href: "/" }, ...(parent ? [{ label: parent.name, href: `/c/${parent.slug}` }] : []), { label: category.name }]}
      />
      <div className="mt-3 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{category.name}</h1>
        <p className="text-sm text-muted">
          {total === 0 ? "No products" : total === 1 ? "1 product" : `${total.toLocaleString("en-US")} products`}
        </p>
      </div>

      {children.length > 0 && (
        <nav aria-label={`${category.name} subcategories`} className="mt-4">
          <ul role="list" className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:thin] sm:mx-0 sm:flex-wrap sm:px-0">
            {children.map((child) => (
              <li key={child.id} className="shrink-0">
                <IntentLink
                  href={`/c/${child.slug}`}
                  className="inline-flex min-h-10 items-center rounded-full bg-white px-4 text-sm font-medium text-stone-700 ring-1 ring-stone-200 hover:bg-stone-50 hover:text-ink hover:ring-stone-300"
                >
                  {child.name}
                </IntentLink>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {page === 1 && <CategoryCarousel category={category} subcategoryIds={children.map((c) => c.id)} />}

      {total > 0 ? (
        <>
          <div className="mt-6 mb-4 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3">
            <p className="text-sm text-muted" aria-live="polite">
              Showing {first}–{first + items.length - 1} of {total}
            </p>
            <SortSelect basePath={base} sort={sort} />
          </div>
          <ProductGrid items={items} label={`${category.name} products`} eagerFirstRow />
          <Pagination page={page} pageCount={pageCount} href={(p) => browseHref(base, { sort, page: p })} />
        </>
      ) : (
        <div className="mt-8">
          <EmptyState title={`No ${category.name.toLowerCase()} for sale right now`} action={<PaintedLink href="/" className="font-medium text-brand-700 underline">Browse other categories</PaintedLink>}>
            Sellers add new products all the time — check back soon.
          </EmptyState>
        </div>
      )}
    </div>
  );
}
