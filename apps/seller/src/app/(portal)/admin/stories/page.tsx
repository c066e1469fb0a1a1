import { buttonClasses } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { requireOperator } from "~/lib/session";
import { api } from "~/trpc/server";
import { StoryTable } from "../../stories/_components/story-table";

export const metadata: Metadata = { title: "Stories" };

export default async function AdminStoriesPage() {
  await requireOperator();
  const rows = await (await api()).stories.operator.list();
  return (
    <>
      <PageHeader
        title="Stories"
        description="Every story, by the marketplace team and by stores. Edit any of them, or hide one from the storefront."
        actions={
          <Link href="/admin/stories/new" className={buttonClasses()}>
            New story
          </Link>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="No stories yet">Stories written here appear as by the marketplace team.</EmptyState>
      ) : (
        <StoryTable rows={rows} basePath="/admin/stories" showStore />
      )}
    </>
  );
}
