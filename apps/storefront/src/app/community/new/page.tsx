import { getViewer } from "@agora/auth";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { Breadcrumb } from "~/components/breadcrumb";
import { NewThreadForm } from "~/components/community/forum/new-thread-form";
import { api } from "~/trpc/server";
import { ForumSkeleton } from "../skeleton";

export const metadata: Metadata = { title: "New thread", robots: { index: false } };

type Props = { searchParams: Promise<{ category?: string | string[] }> };

export default function NewThreadPage(props: Props) {
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:py-10">
      <Breadcrumb items={[{ label: "Community", href: "/community" }, { label: "New thread" }]} />
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Start a thread</h1>
      <Suspense fallback={<ForumSkeleton rows={3} />}>
        <NewThreadContent {...props} />
      </Suspense>
    </div>
  );
}

async function NewThreadContent({ searchParams }: Props) {
  const raw = (await searchParams).category;
  const category = (Array.isArray(raw) ? raw[0] : raw) ?? null;
  await connection();
  if (!(await getViewer())) redirect(`/sign-in?next=${encodeURIComponent(`/community/new${category ? `?category=${category}` : ""}`)}`);
  const categories = await (await api()).forum.postableCategories();
  return <NewThreadForm categories={categories.map((c) => ({ slug: c.slug, name: c.name, description: c.description }))} initialCategory={category} />;
}
