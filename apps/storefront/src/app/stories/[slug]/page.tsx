import { mediaUrl } from "@agora/core/image-urls";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Breadcrumb } from "~/components/breadcrumb";
import { FlagButton } from "~/components/community/flag-button";
import { StoryBody } from "~/components/stories/story-body";
import { StoryComments } from "~/components/stories/story-comments";
import { cachedStory, cachedStoryList } from "~/components/stories/stories-data";

type Props = { params: Promise<{ slug: string }> };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/i;
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** The newest stories are built ahead; others on first visit, then kept until a write expires them. */
export async function generateStaticParams() {
  const { items } = await cachedStoryList(undefined, 1);
  return items.length > 0 ? items.map((s) => ({ slug: s.slug })) : [{ slug: "none" }];
}

async function load(slug: string) {
  return SLUG.test(slug) && slug.length <= 80 ? cachedStory(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const story = await load((await params).slug);
  if (!story) return { title: "Story not found" };
  return {
    title: story.title,
    description: story.summary.slice(0, 160) || undefined,
    alternates: { canonical: `/stories/${story.slug}` },
  };
}

export default async function StoryPage({ params }: Props) {
  const story = await load((await params).slug);
  if (!story) notFound();
  const cover = mediaUrl(story.coverImageKey);
  const path = `/stories/${story.slug}`;

  return (
    <article className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:py-10">
      <Breadcrumb items={[{ label: "Stories", href: "/stories" }, { label: story.title }]} />
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-ink [overflow-wrap:anywhere] sm:text-4xl">{story.title}</h1>
        {story.summary && <p className="text-lg text-stone-700 [overflow-wrap:anywhere]">{story.summary}</p>}
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
          <span>
            By <span className="font-medium text-ink">{story.authorName}</span>
            {story.store ? (
              <>
                {" "}
                of{" "}
                <Link href={`/s/${story.store.slug}`} className="text-brand-700 underline">
                  {story.store.name}
                </Link>
              </>
            ) : (
              " for Agora"
            )}
          </span>
          {story.publishedAt && <span>· {dateFormat.format(story.publishedAt)}</span>}
          <span aria-hidden>·</span>
          <FlagButton targetType="story" targetId={story.id} />
        </p>
        {story.tags.length > 0 && (
          <ul className="flex flex-wrap gap-1" aria-label="Tags">
            {story.tags.map((tag) => (
              <li key={tag}>
                <Link
                  href={`/stories?tag=${encodeURIComponent(tag)}`}
                  className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-200"
                >
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </header>
      {cover && <img src={cover} alt="" className="aspect-[16/9] w-full rounded-2xl object-cover" />}
      <StoryBody html={story.bodyHtml} />
      {story.commentThread && (
        <Suspense fallback={<div className="h-40 animate-pulse rounded-2xl bg-stone-100" aria-hidden />}>
          <StoryComments threadId={story.commentThread.id} threadHref={story.commentThread.href} storyPath={path} />
        </Suspense>
      )}
    </article>
  );
}
