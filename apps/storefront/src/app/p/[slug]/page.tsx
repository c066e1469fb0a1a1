import { Badge } from "@agora/ui/badge";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "~/components/breadcrumb";
import { AlsoBought } from "~/components/discovery/also-bought";
import { RecentlyViewed } from "~/components/discovery/recently-viewed";
import { SimilarItems } from "~/components/discovery/similar-items";
import { DeliveryBox } from "~/components/delivery-box";
import { PaintedLink } from "~/components/painted-link";
import { ProductGallery } from "~/components/product-gallery";
import { RecordView } from "~/components/record-view";
import { SelectedVariantProvider } from "~/components/selected-variant";
import { SellerCard } from "~/components/seller-card";
import { VariantPicker } from "~/components/variant-picker";
import { QuestionsSection } from "~/components/questions/questions-section";
import { ReviewsSection } from "~/components/reviews/reviews-section";
import { ratingLabel, Stars } from "~/components/reviews/stars";
import { cachedHomePage, cachedProductPage } from "~/lib/catalog";
import { DiscussedIn } from "./discussed-in";
import { cachedListingRating } from "./rating";

type Props = { params: Promise<{ slug: string }> };

export const ensureStatic = "navigation";

/** The products on the home page are built ahead; every other product is built on first visit and kept. */
export async function generateStaticParams() {
  const { newest, popular } = await cachedHomePage();
  const slugs = new Set([...popular, ...newest].map((c) => c.slug));
  // At least one entry is required even in an empty catalog; an unknown slug renders the 404 page.
  return slugs.size > 0 ? [...slugs].map((slug) => ({ slug })) : [{ slug: "none" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await cachedProductPage((await params).slug);
  if (!data) return { title: "Product not found" };
  const text = data.listing.descriptionHtml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return {
    title: data.listing.title,
    description: text.slice(0, 160) || `${data.listing.title} from ${data.seller.name} on Agora.`,
    alternates: { canonical: `/p/${data.listing.slug}` },
  };
}

const conditionLabel = { new: null, used: "Used", refurbished: "Refurbished" } as const;

export default async function ProductPage({ params }: Props) {
  const data = await cachedProductPage((await params).slug);
  if (!data) notFound();
  const { listing, variants, images, attributes, category, parentCategory, seller, delivery } = data;
  const rating = await cachedListingRating(listing.id);
  const condition = conditionLabel[listing.condition];
  // Ids carry the listing: pages visited earlier stay in the document (hidden) after client navigation.
  const ids = { description: `description-${listing.id}`, details: `details-${listing.id}` };

  return (
    <div className="mx-auto max-w-7xl px-4 pt-5 pb-4 sm:pt-8">
      <RecordView listingId={listing.id} />
      <Breadcrumb
        items={[
          { label: "Home", href: "/" },
          ...(parentCategory ? [{ label: parentCategory.name, href: `/c/${parentCategory.slug}` }] : []),
          { label: category.name, href: `/c/${category.slug}` },
          { label: listing.title },
        ]}
      />
      <div className="mt-5 grid gap-8 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-12">
        <ProductGallery images={images} title={listing.title} />

        <div className="space-y-6">
          <div className="space-y-2">
            {listing.brand && <p className="text-sm font-medium tracking-wide text-muted uppercase">{listing.brand}</p>}
            <h1 className="text-2xl font-bold tracking-tight text-ink text-balance sm:text-3xl">{listing.title}</h1>
            <p className="text-sm text-stone-600">
              Sold by{" "}
              <PaintedLink href={`/s/${seller.slug}`} className="font-medium text-brand-700 hover:underline">
                {seller.name}
              </PaintedLink>
            </p>
            {rating.count > 0 && rating.average !== null ? (
              <a href="#reviews" className="inline-flex min-h-9 items-center gap-2 text-sm text-stone-700 hover:underline">
                <Stars rating={rating.average} label={ratingLabel(rating.average)} />
                <span>
                  {rating.average.toFixed(1)} · {rating.count} {rating.count === 1 ? "review" : "reviews"}
                </span>
              </a>
            ) : (
              <a href="#reviews" className="inline-flex min-h-9 items-center text-sm text-muted hover:underline">
                No reviews yet
              </a>
            )}
            {condition && <Badge tone="blue">{condition}</Badge>}
          </div>

          <SelectedVariantProvider>
            <VariantPicker variants={variants} optionNames={listing.optionNames} currency={listing.currency} />
            <DeliveryBox delivery={delivery} variants={variants} currency={listing.currency} headingId={`delivery-${listing.id}`} />
          </SelectedVariantProvider>

          <SellerCard seller={seller} headingId={`seller-${listing.id}`} />
          <DiscussedIn listingId={listing.id} />
        </div>
      </div>

      <div className="mt-12 grid gap-10 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-12">
        <section aria-labelledby={ids.description}>
          <h2 id={ids.description} className="text-lg font-semibold text-ink">
            Description
          </h2>
          {listing.descriptionHtml ? (
            // Rendered from the seller's markdown and sanitised with an allowlist on the server when saved.
            <div className="prose-agora mt-2 max-w-prose" dangerouslySetInnerHTML={{ __html: listing.descriptionHtml }} />
          ) : (
            <p className="mt-2 text-sm text-muted">The seller has not added a description yet.</p>
          )}
        </section>

        {attributes.length > 0 && (
          <section aria-labelledby={ids.details}>
            <h2 id={ids.details} className="text-lg font-semibold text-ink">
              Details
            </h2>
            <div className="mt-3 overflow-hidden rounded-xl border border-stone-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">Product details</caption>
              <tbody className="divide-y divide-stone-100">
                {attributes.map((a) => (
                  <tr key={a.name}>
                    <th scope="row" className="w-2/5 bg-stone-50 px-4 py-2.5 text-left font-medium text-stone-700">
                      {a.name}
                    </th>
                    <td className="px-4 py-2.5 text-ink">{a.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </section>
        )}
      </div>

      <ReviewsSection listingId={listing.id} listingSlug={listing.slug} />
      <QuestionsSection listingId={listing.id} listingSlug={listing.slug} />

      <AlsoBought listingId={listing.id} />
      <SimilarItems listingId={listing.id} categoryId={category.id} />
      <RecentlyViewed listingId={listing.id} />
    </div>
  );
}
