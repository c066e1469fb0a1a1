import { Alert } from "@agora/ui/alert";
import { mediaUrl } from "@agora/core/image-urls";
import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireStore } from "~/lib/session";
import { StoreImages } from "./store-images";
import { StoreProfileForm } from "./store-profile-form";

export const metadata: Metadata = { title: "Store profile" };

export default async function StoreProfilePage() {
  const { store } = await requireStore();
  const storeUrl = `${storefrontLinks().store}${store.slug}`;
  return (
    <>
      <PageHeader
        title="Store profile"
        description={
          <>
            What shoppers see on your store page:{" "}
            {store.status === "approved" ? (
              <a href={storeUrl} target="_blank" rel="noreferrer" className="break-all text-brand-700 underline">
                {storeUrl}
              </a>
            ) : (
              <span className="break-all">{storeUrl}</span>
            )}
          </>
        }
      />
      {store.status === "rejected" && store.statusReason && (
        <Alert tone="error" title="Your application was not approved" className="mb-6">
          Reason: {store.statusReason}
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <StoreProfileForm
          initial={{
            name: store.name,
            description: store.description,
            contactEmail: store.contactEmail,
            contactPhone: store.contactPhone ?? "",
            returnPolicy: store.returnPolicy,
            about: store.about,
          }}
        />
        <StoreImages logoUrl={mediaUrl(store.logoKey)} bannerUrl={mediaUrl(store.bannerKey)} storeName={store.name} />
      </div>
    </>
  );
}
