import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireStore } from "~/lib/session";
import { StoryEditor } from "../_components/story-editor";

export const metadata: Metadata = { title: "New story" };

export default async function NewStoryPage() {
  const { store } = await requireStore();
  if (store.status !== "approved") redirect("/stories");
  return (
    <div className="mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/stories" className="text-brand-700 hover:underline">
          ← Stories
        </Link>
      </nav>
      <PageHeader title="New story" description="It starts as a draft; publish it when it is ready." />
      <StoryEditor scope="seller" story={null} basePath="/stories" storefrontUrl={storefrontLinks().base} />
    </div>
  );
}
