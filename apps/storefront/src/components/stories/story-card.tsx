import type { StorySummary } from "@agora/core";
import { mediaUrl } from "@agora/core/image-urls";
import Link from "next/link";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** One story in the index: cover, title, summary, who wrote it. Everything written is shown as text. */
export function StoryCard({ story }: { story: StorySummary }) {
  const cover = mediaUrl(story.coverImageKey);
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-xs focus-within:ring-2 focus-within:ring-brand-600 hover:border-stone-300">
      <div className="aspect-[16/9] bg-gradient-to-br from-stone-100 to-stone-200">
        {cover && <img src={cover} alt="" className="size-full object-cover" loading="lazy" />}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h2 className="text-lg leading-snug font-semibold text-ink [overflow-wrap:anywhere]">
          <Link href={`/stories/${story.slug}`} className="after:absolute after:inset-0 focus:outline-none">
            {story.title}
          </Link>
        </h2>
        {story.summary && <p className="line-clamp-3 text-sm text-stone-700 [overflow-wrap:anywhere]">{story.summary}</p>}
        <p className="mt-auto text-xs text-muted">
          {story.store ? story.store.name : "Agora"} · {story.authorName}
          {story.publishedAt && <> · {dateFormat.format(story.publishedAt)}</>}
        </p>
        {story.tags.length > 0 && (
          <ul className="relative z-10 flex flex-wrap gap-1" aria-label="Tags">
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
      </div>
    </article>
  );
}
