import { buttonClasses } from "@agora/ui/button";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { Breadcrumb } from "~/components/breadcrumb";
import { ForumHeader } from "~/components/community/forum/forum-header";
import { ThreadList } from "~/components/community/forum/thread-list";
import { api } from "~/trpc/server";
import { ForumSkeleton } from "../../skeleton";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

export const metadata: Metadata = { title: "Community" };
/** Ids no build can list: rendered on request, so the header (which reads the path in its menus) may wait for it. */
export const instant = false;

export default function CategoryPage(props: Props) {
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:py-10">
      <Suspense fallback={<ForumSkeleton rows={8} />}>
        <CategoryContent {...props} />
      </Suspense>
    </div>
  );
}

async function CategoryContent({ params, searchParams }: Props) {
  const { slug } = await params;
  const raw = (await searchParams).cursor;
  const cursor = (Array.isArray(raw) ? raw[0] : raw) ?? null;
  await connection();
  let page;
  try {
    page = await (await api()).forum.category({ categorySlug: slug, cursor });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  const { category } = page;
  return (
    <>
      <Breadcrumb items={[{ label: "Community", href: "/community" }, { label: category.name }]} />
      <ForumHeader title={category.name} newThreadHref={category.operatorsOnly ? null : `/community/new?category=${category.slug}`}>
        <p className="mt-1 text-sm text-muted">{category.description}</p>
      </ForumHeader>
      <ThreadList threads={[...page.pinned, ...page.threads]} showCategory={false} emptyText={cursor ? "No more threads." : "No threads here yet."} />
      <nav aria-label="More threads" className="flex justify-between gap-3">
        {cursor ? (
          <Link href={`/community/c/${category.slug}`} className={buttonClasses("ghost")}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link href={`/community/c/${category.slug}?cursor=${encodeURIComponent(page.nextCursor)}`} rel="next" className={buttonClasses("secondary")}>
            Older threads →
          </Link>
        )}
      </nav>
    </>
  );
}
