import { imageSources } from "@agora/core/image-urls";
import { Alert } from "@agora/ui/alert";
import { idSchema } from "@agora/validators";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListingStatusBadge } from "~/components/status-badge";
import { storefrontLinks } from "~/env";
import { formDataFromListing } from "~/lib/listing-form-data";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { ListingForm } from "../listing-form";
import { ListingImages } from "./listing-images";
import { ListingStatusPanel } from "./listing-status";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

async function load(id: string) {
  if (!idSchema.safeParse(id).success) notFound();
  try {
    return await (await api()).seller.listings.get({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) return { title: "Listing" };
  try {
    const data = await (await api()).seller.listings.get({ id });
    return { title: data.listing.title };
  } catch {
    return { title: "Listing" };
  }
}

export default async function EditListingPage({ params, searchParams }: Params) {
  const { store } = await requireStore();
  const { id } = await params;
  const { created } = await searchParams;
  const data = await load(id);
  const caller = await api();
  const [categories, locations] = await Promise.all([caller.catalog.categories(), caller.seller.locations.list()]);
  const { listing } = data;
  const productUrl =
    listing.status === "active" && store.status === "approved" ? `${storefrontLinks().product}${listing.slug}` : null;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm">
          <Link href="/listings" className="text-brand-700 hover:underline">
            ← Listings
          </Link>
        </nav>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words">{listing.title}</h1>
          <ListingStatusBadge status={listing.status} />
        </div>
        {productUrl && (
          <p className="mt-1 text-sm">
            <a href={productUrl} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline">
              View on storefront
            </a>
          </p>
        )}
      </div>

      {created === "1" && (
        <Alert tone="success" title="Listing created as a draft">
          Add images below, then publish it when it is ready.
        </Alert>
      )}

      <ListingStatusPanel listingId={listing.id} status={listing.status} storeStatus={store.status} />

      <ListingImages
        listingId={listing.id}
        images={data.images.map((img) => ({ id: img.id, alt: img.alt, ...imageSources(img, 320) }))}
      />

      <ListingForm
        key={listing.id}
        listingId={listing.id}
        live={listing.status === "active"}
        initial={formDataFromListing(data)}
        categories={categories.map((c) => ({
          id: c.id,
          name: c.name,
          children: c.children.map((x) => ({ id: x.id, name: x.name })),
        }))}
        locations={locations.map((l) => ({ id: l.id, name: l.name }))}
      />
    </div>
  );
}
