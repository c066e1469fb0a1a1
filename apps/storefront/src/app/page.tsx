import { EmptyState } from "@agora/ui/empty-state";
import { ForYou } from "~/components/discovery/for-you";
import { HomeCarousel } from "~/components/discovery/home-carousel";
import { IntentLink } from "~/components/intent-link";
import { ProductGrid } from "~/components/product-card";
import { SectionHeading } from "~/components/section-heading";
import { env } from "~/env";
import { cachedHomePage } from "~/lib/catalog";

export const ensureStatic = "navigation";

const tileTones = [
  "from-emerald-50 to-teal-100/70",
  "from-sky-50 to-cyan-100/70",
  "from-amber-50 to-orange-100/70",
  "from-rose-50 to-pink-100/70",
  "from-violet-50 to-indigo-100/70",
  "from-lime-50 to-green-100/70",
];

export default async function HomePage() {
  const { categories, newest, popular } = await cachedHomePage();
  return (
    <div className="mx-auto max-w-7xl space-y-12 px-4 pt-6 pb-4 sm:pt-10">
      <section aria-labelledby="home-title" className="overflow-hidden rounded-2xl bg-brand-900 px-6 py-8 text-white sm:px-10 sm:py-12">
        <h1 id="home-title" className="max-w-xl text-3xl font-bold tracking-tight text-balance sm:text-4xl">
          Independent shops, one marketplace.
        </h1>
        <p className="mt-3 max-w-xl text-base text-brand-100 sm:text-lg">
          Gear, home goods and clothing from sellers who know their craft — with real stock levels on every product.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <a href="#new-arrivals" className="inline-flex min-h-11 items-center rounded-lg bg-white px-4 text-sm font-semibold text-brand-900 hover:bg-brand-50">
            Shop new arrivals
          </a>
          <a href={env.SELLER_URL} className="inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-semibold text-white ring-1 ring-white/40 hover:bg-white/10">
            Sell on Agora
          </a>
        </div>
      </section>

      <section aria-labelledby="categories-title">
        <SectionHeading id="categories-title" title="Shop by category" />
        <ul role="list" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {categories.map((top, i) => (
            <li key={top.id} className={`rounded-xl bg-gradient-to-br p-5 ${tileTones[i % tileTones.length]}`}>
              <h3 className="text-lg font-semibold text-ink">
                <IntentLink href={`/c/${top.slug}`} className="hover:underline">
                  {top.name}
                </IntentLink>
              </h3>
              {top.children.length > 0 && (
                <ul role="list" className="mt-3 flex flex-wrap gap-2" aria-label={`${top.name} subcategories`}>
                  {top.children.map((child) => (
                    <li key={child.id}>
                      <IntentLink
                        href={`/c/${child.slug}`}
                        className="inline-flex min-h-9 items-center rounded-full bg-white/80 px-3 text-sm text-stone-700 ring-1 ring-black/5 hover:bg-white hover:text-ink"
                      >
                        {child.name}
                      </IntentLink>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      <HomeCarousel />
      <ForYou />

      <section aria-labelledby="new-arrivals" className="scroll-mt-32">
        <SectionHeading id="new-arrivals" title="New arrivals" description="Just listed by our sellers." />
        {newest.length > 0 ? <ProductGrid items={newest} label="New arrivals" /> : <EmptyState title="No products yet">Check back soon.</EmptyState>}
      </section>

      <section aria-labelledby="popular">
        <SectionHeading id="popular" title="Popular" description="What other shoppers are looking at." />
        {popular.length > 0 ? <ProductGrid items={popular} label="Popular" /> : <EmptyState title="No products yet">Check back soon.</EmptyState>}
      </section>
    </div>
  );
}
