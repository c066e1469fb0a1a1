import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireOperator } from "~/lib/session";
import { loadEditableStory } from "../../../stories/_components/load";
import { StoryCover } from "../../../stories/_components/story-cover";
import { StoryEditor } from "../../../stories/_components/story-editor";

export const metadata: Metadata = { title: "Edit story" };

export default async function AdminEditStoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireOperator();
  const story = await loadEditableStory("operator", (await params).id);
  return (
    <div className="mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/admin/stories" className="text-brand-700 hover:underline">
          ← Stories
        </Link>
      </nav>
      <PageHeader title={story.title} />
      <div className="mb-6">
        <StoryCover scope="operator" storyId={story.id} coverUrl={story.coverUrl} />
      </div>
      <StoryEditor
        key={story.id}
        scope="operator"
        story={story}
        basePath="/admin/stories"
        storefrontUrl={storefrontLinks().base}
      />
    </div>
  );
}
