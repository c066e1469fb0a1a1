import { mediaUrl } from "@agora/core/image-urls";
import { PaintedLink } from "./painted-link";

export function SellerLogo({ logoKey, name, size = 48 }: { logoKey: string | null; name: string; size?: number }) {
  const src = mediaUrl(logoKey);
  return src ? (
    <img src={src} alt="" width={size} height={size} loading="lazy" decoding="async" className="shrink-0 rounded-xl bg-white object-cover" style={{ width: size, height: size }} />
  ) : (
    <span
      aria-hidden
      className="flex shrink-0 items-center justify-center rounded-xl bg-brand-100 font-semibold text-brand-900"
      style={{ width: size, height: size, fontSize: size / 2.5 }}
    >
      {(name.trim()[0] ?? "?").toUpperCase()}
    </span>
  );
}

/** Who sells this product, their return policy and where to collect it. */
export function SellerCard({
  seller,
  headingId,
}: {
  /** Unique per page: earlier pages stay mounted (hidden) after client navigation. */
  headingId: string;
  seller: { slug: string; name: string; logoKey: string | null; description: string; returnPolicy: string; pickupCities: string[] };
}) {
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white p-5">
      <p className="text-xs font-medium tracking-wide text-muted uppercase">Sold by</p>
      <div className="mt-2 flex items-center gap-3">
        <SellerLogo logoKey={seller.logoKey} name={seller.name} />
        <div className="min-w-0">
          <h2 id={headingId} className="truncate text-base font-semibold text-ink">
            <PaintedLink href={`/s/${seller.slug}`} className="hover:underline">
              {seller.name}
            </PaintedLink>
          </h2>
          {seller.description && <p className="line-clamp-2 text-sm text-muted">{seller.description}</p>}
        </div>
      </div>
      <dl className="mt-4 space-y-3 text-sm">
        <div>
          <dt className="font-medium text-ink">Returns</dt>
          <dd className="mt-0.5 text-stone-600">{seller.returnPolicy}</dd>
        </div>
        {seller.pickupCities.length > 0 && (
          <div>
            <dt className="font-medium text-ink">Pickup</dt>
            <dd className="mt-0.5 text-stone-600">Collect from the seller in {formatList(seller.pickupCities)}.</dd>
          </div>
        )}
      </dl>
      <PaintedLink
        href={`/s/${seller.slug}`}
        className="mt-4 inline-flex min-h-10 items-center rounded-lg px-3 text-sm font-medium text-brand-700 ring-1 ring-brand-100 hover:bg-brand-50"
      >
        Visit {seller.name}
      </PaintedLink>
    </section>
  );
}

function formatList(items: string[]): string {
  return new Intl.ListFormat("en-US", { style: "long", type: "conjunction" }).format(items);
}
