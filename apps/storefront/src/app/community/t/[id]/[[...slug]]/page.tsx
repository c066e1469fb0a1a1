import { POSTS_PER_PAGE, threadHref } from "@agora/core";
import { getViewer } from "@agora/auth";
import { Alert } from "@agora/ui/alert";
import { Badge } from "@agora/ui/badge";
import { buttonClasses } from "@agora/ui/button";
import { Pagination } from "@agora/ui/pagination";
import { idSchema } from "@agora/validators";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { Breadcrumb } from "~/components/breadcrumb";
import { CommunityText, listingSlugsIn } from "~/components/community/community-text";
import { AuthorBadges } from "~/components/community/forum/author-badges";
import { LiveUpdates } from "~/components/community/forum/live-updates";
import { PostShell } from "~/components/community/forum/post-shell";
import { ReplyForm } from "~/components/community/forum/reply-form";
import { ThreadControls } from "~/components/community/forum/thread-controls";
import { loadListingCards } from "~/components/community/listing-card";
import { LocalDate } from "~/components/orders/local-date";
import { api } from "~/trpc/server";
import { ForumSkeleton } from "../../../skeleton";

type Props = { params: Promise<{ id: string; slug?: string[] }>; searchParams: Promise<{ page?: string | string[] }> };

export const metadata: Metadata = { title: "Community thread" };
/** Ids no build can list: rendered on request, so the header (which reads the path in its menus) may wait for it. */
export const instant = false;

export default function ThreadRoute(props: Props) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:py-10">
      <Suspense fallback={<ForumSkeleton rows={5} />}>
        <ThreadContent {...props} />
      </Suspense>
    </div>
  );
}

function pageOf(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** Per reader (pending posts, their reactions, what they may do): rendered for each request. */
async function ThreadContent({ params, searchParams }: Props) {
  const { id } = await params;
  const requested = pageOf((await searchParams).page);
  if (!idSchema.safeParse(id).success) notFound();
  await connection();
  const caller = await api();
  let data;
  try {
    data = await caller.forum.thread({ threadId: id, page: requested });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  const viewer = await getViewer();
  const { thread, category, posts, page, pageCount } = data;
  const cards = await loadListingCards(listingSlugsIn(posts.flatMap((p) => (p.bodyHtml ? [p.bodyHtml] : []))));
  const pageHref = (p: number) => threadHref(thread, p);
  const lastPageHref = pageHref(pageCount);

  return (
    <>
      <Breadcrumb items={[{ label: "Community", href: "/community" }, { label: category.name, href: `/community/c/${category.slug}` }, { label: thread.title }]} />
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{thread.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
          {thread.pinned && <Badge tone="blue">Pinned</Badge>}
          {thread.locked && <Badge>Locked</Badge>}
          {thread.status === "pending" && <Badge tone="amber">Awaiting approval</Badge>}
          {thread.status === "hidden" && <Badge tone="red">Hidden by a moderator</Badge>}
          {thread.status === "deleted" && <Badge tone="red">Deleted</Badge>}
          <span>
            {thread.replyCount} {thread.replyCount === 1 ? "reply" : "replies"}
          </span>
          <span>
            started <LocalDate value={thread.createdAt} />
          </span>
        </p>
        {thread.acceptedAnswer && (
          <p className="rounded-xl bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            <span className="font-semibold">Answered:</span>{" "}
            <Link href={thread.acceptedAnswer.href} className="underline">
              see #{thread.acceptedAnswer.number} by {thread.acceptedAnswer.authorName}
            </Link>
          </p>
        )}
        {data.viewer.canModerate && <ThreadControls threadId={thread.id} pinned={thread.pinned} locked={thread.locked} />}
      </header>

      {pageCount > 1 && <Pagination page={page} pageCount={pageCount} href={pageHref} />}

      <ol role="list" className="space-y-4">
        {posts.map((post) => {
          const parentHref = post.parent ? (Math.ceil(post.parent.number / POSTS_PER_PAGE) === page ? `#post-${post.parent.number}` : `${threadHref(thread, Math.ceil(post.parent.number / POSTS_PER_PAGE))}#post-${post.parent.number}`) : null;
          if (post.status === "deleted" || !post.author || post.bodyHtml === null)
            return (
              <li key={post.id} id={`post-${post.number}`} className="scroll-mt-24 rounded-2xl border border-dashed border-stone-300 px-4 py-3 text-sm text-muted">
                <span className="font-medium">#{post.number}</span> [deleted]
              </li>
            );
          const author = post.author;
          const body = <CommunityText html={post.bodyHtml} cards={cards} />;
          return (
            <li
              key={post.id}
              id={`post-${post.number}`}
              className={
                post.accepted
                  ? "scroll-mt-24 rounded-2xl border-2 border-emerald-500 bg-white p-4 sm:p-5"
                  : post.status !== "visible"
                    ? "scroll-mt-24 rounded-2xl border border-amber-300 bg-amber-50/50 p-4 sm:p-5"
                    : "scroll-mt-24 rounded-2xl border border-stone-200 bg-white p-4 sm:p-5"
              }
            >
              <article aria-labelledby={`post-${post.number}-by`}>
                <header className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                  <a href={`#post-${post.number}`} className="font-medium text-muted hover:text-ink">
                    #{post.number}
                  </a>
                  <span id={`post-${post.number}-by`} className="font-semibold text-ink">
                    {author.handle ? (
                      <Link href={`/community/u/${author.handle.toLowerCase()}`} className="hover:underline">
                        {author.name}
                      </Link>
                    ) : (
                      author.name
                    )}
                  </span>
                  {author.handle && <span className="text-muted">@{author.handle}</span>}
                  <AuthorBadges badges={author.badges} />
                  <span className="text-muted">
                    <LocalDate value={post.createdAt} withTime />
                  </span>
                  {post.editedAt && <span className="text-xs text-muted">(edited)</span>}
                  {post.accepted && <Badge tone="green">Accepted answer</Badge>}
                  {parentHref && post.parent && (
                    <a href={parentHref} className="text-xs text-brand-700 underline">
                      in reply to #{post.parent.number}
                    </a>
                  )}
                </header>
                {post.status === "pending" && (
                  <Alert tone="warning" className="mb-2">
                    Awaiting approval: only {post.mine ? "you" : "the author"} and moderators can see this post until a moderator approves it.
                  </Alert>
                )}
                {post.status === "hidden" && (
                  <Alert tone="error" className="mb-2">
                    Hidden by a moderator: only {post.mine ? "you" : "the author"} and moderators can see it.
                  </Alert>
                )}
                <PostShell
                  postId={post.id}
                  threadId={thread.id}
                  number={post.number}
                  authorName={author.name}
                  authorHandle={author.handle}
                  signedIn={!!viewer}
                  mine={post.mine}
                  edited={post.editedAt !== null}
                  editableSource={post.editableSource}
                  title={post.number === 1 ? thread.title : null}
                  canDelete={post.mine || data.viewer.canModerate}
                  canReply={data.viewer.canReply && post.status === "visible"}
                  canAccept={data.viewer.canAccept && post.number > 1 && post.status === "visible"}
                  accepted={post.accepted}
                  reactions={post.reactions}
                  muteState={data.viewer.blocks[author.id] ?? null}
                >
                  {post.muted ? (
                    <details className="rounded-lg bg-stone-50 px-3 py-2">
                      <summary className="cursor-pointer text-sm text-muted">You muted {author.name}. Show this post</summary>
                      <div className="mt-2">{body}</div>
                    </details>
                  ) : (
                    body
                  )}
                </PostShell>
              </article>
            </li>
          );
        })}
      </ol>

      {pageCount > 1 && <Pagination page={page} pageCount={pageCount} href={pageHref} />}

      <LiveUpdates threadId={thread.id} lastNumber={data.lastNumber} lastPageHref={lastPageHref} onLastPage={page === pageCount} />

      {thread.locked && !data.viewer.canReply ? (
        <Alert tone="info">This thread is locked: it no longer takes replies.</Alert>
      ) : data.viewer.canReply ? (
        <ReplyForm threadId={thread.id} pageHref={pageHref(page)} />
      ) : !viewer ? (
        <p className="rounded-2xl border border-stone-200 bg-white p-4 text-sm">
          <Link href={`/sign-in?next=${encodeURIComponent(pageHref(page))}`} className={buttonClasses("primary", "sm")}>
            Sign in to reply
          </Link>
        </p>
      ) : null}
    </>
  );
}
