import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import { cn } from "@agora/ui/cn";
import { storyListSchema } from "@agora/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { GridSkeleton } from "~/components/skeletons";
import { StoryCard } from "~/components/stories/story-card";
import { cachedStoryList, cachedStoryTags } from "~/components/stories/stories-data";

export const metadata: Metadata = {
  title: "Stories",
  description: "Guides, field notes and shop stories from the Agora community and its sellers.",
};

type Props = { searchParams: Promise<{ tag?: string | string[]; page?: string | string[] }> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default function StoriesPage(props: Props) {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:py-10">
      <header className="mb-6 space-y-1">
        <h1 className="text-3xl font-bold tracking-tight text-ink">Stories</h1>
        <p className="text-muted">Guides, field notes and shop stories, with the products they talk about.</p>
      </header>
      <Suspense fallback={<GridSkeleton count={6} />}>
        <StoryIndex {...props} />
      </Suspense>
    </div>
  );
}

async function StoryIndex({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = storyListSchema.safeParse({ tag: first(params.tag) || undefined, page: first(params.page) ?? 1 });
  const { tag, page } = parsed.success ? parsed.data : { tag: undefined, page: 1 };
  const [list, tags] = await Promise.all([cachedStoryList(tag, page), cachedStoryTags()]);
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (tag) q.set("tag", tag);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/stories?${s}` : "/stories";
  };

  return (
    <>
      {tags.length > 0 && (
        <nav aria-label="Filter by tag" className="mb-6 flex flex-wrap gap-2">
          <TagLink href="/stories" current={!tag} label="All" />
          {tags.map((t) => (
            <TagLink
              key={t.tag}
              href={`/stories?tag=${encodeURIComponent(t.tag)}`}
              current={tag === t.tag}
              label={`${t.tag} (${t.count})`}
            />
          ))}
        </nav>
      )}
      {list.items.length === 0 ? (
        <EmptyState title={tag ? `No stories tagged “${tag}”` : "No stories yet"}>
          {tag ? (
            <Link href="/stories" className="text-brand-700 underline">
              See all stories
            </Link>
          ) : (
            "Check back soon."
          )}
        </EmptyState>
      ) : (
        <ul role="list" className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {list.items.map((story) => (
            <li key={story.id} className="flex">
              <StoryCard story={story} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} />
    </>
  );
}

function TagLink({ href, current, label }: { href: string; current: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "inline-flex min-h-9 items-center rounded-full px-3 text-sm font-medium",
        current ? "bg-ink text-white" : "bg-white text-ink ring-1 ring-stone-300 hover:bg-stone-50",
      )}
    >
      {label}
    </Link>
  );
}
