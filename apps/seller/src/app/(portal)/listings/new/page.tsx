import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { ListingForm } from "../listing-form";

export const metadata: Metadata = { title: "New listing" };

export default async function NewListingPage() {
  await requireStore();
  const caller = await api();
  const [categories, locations] = await Promise.all([caller.catalog.categories(), caller.seller.locations.list()]);
  return (
    <div className="mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/listings" className="text-brand-700 hover:underline">
          ← Listings
        </Link>
      </nav>
      <PageHeader title="New listing" description="It starts as a draft. Add images and publish it when it is ready." />
      <ListingForm
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
