import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { LocationsManager } from "./locations-manager";

export const metadata: Metadata = { title: "Stock locations" };

export default async function LocationsPage() {
  await requireStore();
  const locations = await (await api()).seller.locations.list();
  return (
    <>
      <PageHeader
        title="Stock locations"
        description="Where you keep stock. Listings track units per location; locations with pickup let shoppers collect in person."
      />
      <LocationsManager
        locations={locations.map((l) => ({
          id: l.id,
          name: l.name,
          line1: l.line1,
          city: l.city,
          postalCode: l.postalCode,
          country: l.country,
          pickupEnabled: l.pickupEnabled,
        }))}
      />
    </>
  );
}
