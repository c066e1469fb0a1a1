import { Badge } from "@agora/ui/badge";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { ForumHeader } from "~/components/community/forum/forum-header";
import { ThreadList } from "~/components/community/forum/thread-list";
import { LocalDate } from "~/components/orders/local-date";
import { api } from "~/trpc/server";
import { ForumSkeleton } from "./skeleton";

export const metadata: Metadata = { title: "Community", description: "Questions, answers and show-and-tell from people who buy and sell on Agora." };

export default function CommunityPage() {
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8 sm:py-10">
      <ForumHeader title="Community">
        <p className="mt-1 text-sm text-muted">Ask, answer and show what you made. Sellers and the Agora team are here too.</p>
      </ForumHeader>
      <Suspense fallback={<ForumSkeleton />}>
        <CommunityIndex />
      </Suspense>
    </div>
  );
}

async function CommunityIndex() {
  await connection();
  const index = await (await api()).forum.index();
  return (
    <>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="text-lg font-semibold text-ink">
          Categories
        </h2>
        <ul role="list" className="mt-3 grid gap-3 sm:grid-cols-2">
          {index.categories.map((c) => (
            <li key={c.slug} className="relative rounded-2xl border border-stone-200 bg-white p-4 focus-within:ring-2 focus-within:ring-brand-600 hover:border-stone-300">
              <h3 className="flex flex-wrap items-center gap-2 font-semibold text-ink">
                <Link href={`/community/c/${c.slug}`} className="after:absolute after:inset-0 focus:outline-none">
                  {c.name}
                </Link>
                {c.acceptsAnswers && <Badge tone="green">Q&amp;A</Badge>}
                {c.operatorsOnly && <Badge tone="amber">Team posts</Badge>}
              </h3>
              <p className="mt-1 text-sm text-muted">{c.description}</p>
              <p className="mt-2 text-xs text-muted">
                <span className="font-medium text-ink tabular-nums">{c.threadCount}</span> {c.threadCount === 1 ? "thread" : "threads"}
                {c.lastPostedAt && (
                  <>
                    {" "}
                    · last activity <LocalDate value={c.lastPostedAt} />
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="latest-heading" className="space-y-3">
        <h2 id="latest-heading" className="text-lg font-semibold text-ink">
          Latest threads
        </h2>
        <ThreadList threads={[...index.pinned, ...index.latest]} emptyText="No threads yet. Start the first one!" />
      </section>
    </>
  );
}
