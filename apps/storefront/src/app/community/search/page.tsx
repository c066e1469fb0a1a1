import { buttonClasses } from "@agora/ui/button";
import { forumSearchSchema } from "@agora/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { Breadcrumb } from "~/components/breadcrumb";
import { ForumHeader } from "~/components/community/forum/forum-header";
import { LocalDate } from "~/components/orders/local-date";
import { api } from "~/trpc/server";
import { ForumSkeleton } from "../skeleton";

export const metadata: Metadata = { title: "Search the community", robots: { index: false } };

type Props = { searchParams: Promise<{ q?: string | string[]; from?: string | string[] }> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default function ForumSearchPage(props: Props) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:py-10">
      <Breadcrumb items={[{ label: "Community", href: "/community" }, { label: "Search" }]} />
      <Suspense fallback={<ForumSkeleton rows={5} />}>
        <SearchContent {...props} />
      </Suspense>
    </div>
  );
}

async function SearchContent({ searchParams }: Props) {
  const params = await searchParams;
  const q = first(params.q).trim();
  const parsed = forumSearchSchema.safeParse({ q, cursor: first(params.from) || 0 });
  await connection();
  const header = <ForumHeader title={q ? `Threads matching “${q}”` : "Search the community"} query={q} />;
  if (!parsed.success)
    return (
      <>
        {header}
        <p className="text-sm text-muted">{q ? parsed.error.issues[0]?.message : "Type a few words to find threads by their title or opening post."}</p>
      </>
    );
  const { results, nextOffset } = await (await api()).forum.search(parsed.data);
  return (
    <>
      {header}
      {results.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-muted">
          No threads match “{q}”. Try other words, or{" "}
          <Link href="/community/new" className="text-brand-700 underline">
            ask the community
          </Link>
          .
        </p>
      ) : (
        <ol role="list" className="space-y-3">
          {results.map((r) => (
            <li key={r.id} className="relative rounded-2xl border border-stone-200 bg-white p-4 focus-within:ring-2 focus-within:ring-brand-600 hover:border-stone-300">
              <h2 className="font-semibold text-ink">
                <Link href={r.href} className="after:absolute after:inset-0 focus:outline-none">
                  {r.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-stone-700">{r.excerpt}</p>
              <p className="mt-1 text-xs text-muted">
                {r.categoryName} · {r.replyCount} {r.replyCount === 1 ? "reply" : "replies"} · <LocalDate value={r.lastPostedAt} />
                {r.answered ? " · answered" : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
      {nextOffset !== null && (
        <Link href={`/community/search?q=${encodeURIComponent(q)}&from=${nextOffset}`} rel="next" className={buttonClasses("secondary")}>
          More results →
        </Link>
      )}
    </>
  );
}
