import { Badge } from "@agora/ui/badge";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { Breadcrumb } from "~/components/breadcrumb";
import { ThreadList } from "~/components/community/forum/thread-list";
import { LocalDate } from "~/components/orders/local-date";
import { api } from "~/trpc/server";
import { ForumSkeleton } from "../../skeleton";

export const metadata: Metadata = { title: "Community member" };
/** Ids no build can list: rendered on request, so the header (which reads the path in its menus) may wait for it. */
export const instant = false;

type Props = { params: Promise<{ handle: string }> };

export default function MemberRoute(props: Props) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:py-10">
      <Suspense fallback={<ForumSkeleton rows={4} />}>
        <MemberContent {...props} />
      </Suspense>
    </div>
  );
}

async function MemberContent({ params }: Props) {
  const { handle } = await params;
  await connection();
  let member;
  try {
    member = await (await api()).forum.member({ handle: decodeURIComponent(handle) });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <>
      <Breadcrumb items={[{ label: "Community", href: "/community" }, { label: `@${member.handle}` }]} />
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{member.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
          <span>@{member.handle}</span>
          <Badge>{member.levelName}</Badge>
          {member.isStaff && <Badge tone="amber">Staff</Badge>}
          {member.store && (
            <Link href={`/s/${member.store.slug}`}>
              <Badge tone="blue">Seller · {member.store.name}</Badge>
            </Link>
          )}
          <span>{member.reputation} reputation</span>
          <span>
            joined <LocalDate value={member.joinedAt} />
          </span>
        </p>
      </header>
      <section aria-labelledby="threads-heading" className="space-y-3">
        <h2 id="threads-heading" className="text-lg font-semibold text-ink">
          Threads
        </h2>
        <ThreadList threads={member.threads} emptyText={`${member.name} has not started a thread yet.`} />
      </section>
      <section aria-labelledby="replies-heading" className="space-y-3">
        <h2 id="replies-heading" className="text-lg font-semibold text-ink">
          Latest replies
        </h2>
        {member.posts.length === 0 ? (
          <p className="rounded-xl border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-muted">No replies yet.</p>
        ) : (
          <ul role="list" className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
            {member.posts.map((p) => (
              <li key={p.id} className="px-4 py-3">
                <Link href={p.href} className="text-sm font-medium text-ink hover:underline">
                  #{p.number} in {p.threadTitle}
                </Link>
                <p className="mt-0.5 text-sm text-stone-700">{p.excerpt}</p>
                <p className="text-xs text-muted">
                  <LocalDate value={p.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
