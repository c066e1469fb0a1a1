import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireOperator } from "~/lib/session";
import { StoryEditor } from "../../../stories/_components/story-editor";

export const metadata: Metadata = { title: "New story" };

export default async function AdminNewStoryPage() {
  await requireOperator();
  return (
    <div className="mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/admin/stories" className="text-brand-700 hover:underline">
          ← Stories
        </Link>
      </nav>
      <PageHeader title="New story" description="Published as by the marketplace team. It starts as a draft." />
      <StoryEditor scope="operator" story={null} basePath="/admin/stories" storefrontUrl={storefrontLinks().base} />
    </div>
  );
}
