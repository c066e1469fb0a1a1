import { Alert } from "@agora/ui/alert";
import { buttonClasses } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { StoryTable } from "./_components/story-table";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage() {
  const { store } = await requireStore();
  if (store.status !== "approved")
    return (
      <>
        <PageHeader title="Stories" />
        <Alert tone="info">
          Once your store is approved you can write stories for the storefront, with live cards of your products.
        </Alert>
      </>
    );
  const rows = await (await api()).stories.seller.list();
  return (
    <>
      <PageHeader
        title="Stories"
        description="Guides and news from your store, shown on the storefront’s Stories page with live product cards."
        actions={
          <Link href="/stories/new" className={buttonClasses()}>
            New story
          </Link>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="No stories yet">
          Write about how your products are made or used, and show them with live product cards.
        </EmptyState>
      ) : (
        <StoryTable rows={rows} basePath="/stories" showStore={false} />
      )}
    </>
  );
}
