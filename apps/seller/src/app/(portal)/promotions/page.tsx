import { EmptyState } from "@agora/ui/empty-state";
import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { SellerPins } from "./seller-pins";

export const metadata: Metadata = { title: "Promotions" };

export default async function PromotionsPage() {
  const { store } = await requireStore();
  return (
    <>
      <PageHeader
        title="Promotions"
        description="Pin your listings to the top of their category page or of a search, for the dates you choose. A pin shows only while the listing is in stock and can be delivered."
      />
      {store.status === "approved" ? (
        <SellerPins initial={await (await api()).discovery.seller.list({ status: "current" })} productUrl={storefrontLinks().product} />
      ) : (
        <EmptyState title="Promotions open once your store is approved">
          When the marketplace team approves your store, you can pin your listings here.
        </EmptyState>
      )}
    </>
  );
}
