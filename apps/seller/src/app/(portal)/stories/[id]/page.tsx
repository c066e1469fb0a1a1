import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireStore } from "~/lib/session";
import { loadEditableStory } from "../_components/load";
import { StoryCover } from "../_components/story-cover";
import { StoryEditor } from "../_components/story-editor";

export const metadata: Metadata = { title: "Edit story" };

export default async function EditStoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStore();
  const story = await loadEditableStory("seller", (await params).id);
  return (
    <div className="mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/stories" className="text-brand-700 hover:underline">
          ← Stories
        </Link>
      </nav>
      <PageHeader title={story.title} />
      <div className="mb-6">
        <StoryCover scope="seller" storyId={story.id} coverUrl={story.coverUrl} />
      </div>
      <StoryEditor key={story.id} scope="seller" story={story} basePath="/stories" storefrontUrl={storefrontLinks().base} />
    </div>
  );
}
