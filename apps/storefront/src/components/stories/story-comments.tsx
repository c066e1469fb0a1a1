import { getViewer } from "@agora/auth";
import { buttonClasses } from "@agora/ui/button";
import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { connection } from "next/server";
import { CommunityText } from "../community/community-text";
import { ReplyForm } from "../community/forum/reply-form";
import { LocalDate } from "../orders/local-date";
import { api } from "~/trpc/server";

/** How many comments the story page shows; the thread page has the whole discussion. */
const SHOWN = 20;

/** The story's comment thread (a forum thread), read per request: it changes with every reply. */
export async function StoryComments({
  threadId,
  threadHref,
  storyPath,
}: {
  threadId: string;
  threadHref: string;
  storyPath: string;
}) {
  await connection();
  let page;
  try {
    page = await (await api()).forum.thread({ threadId, page: 1 });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const viewer = await getViewer();
  const comments = page.posts
    .filter((p) => p.number > 1 && p.status !== "deleted" && p.bodyHtml && p.author && !p.muted)
    .slice(-SHOWN);
  const total = page.thread.replyCount;

  return (
    <section aria-labelledby="comments-heading" className="space-y-4 border-t border-stone-200 pt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="comments-heading" className="text-xl font-semibold text-ink">
          Comments {total > 0 && <span className="text-base font-normal text-muted">({total})</span>}
        </h2>
        <Link href={threadHref} className="text-sm text-brand-700 underline">
          Open the full discussion
        </Link>
      </div>
      {comments.length === 0 ? (
        <p className="text-sm text-muted">No comments yet. Start the conversation.</p>
      ) : (
        <ol role="list" className="space-y-3">
          {comments.map((post) => (
            <li
              key={post.id}
              className={
                post.status === "visible"
                  ? "rounded-2xl border border-stone-200 bg-white p-4"
                  : "rounded-2xl border border-amber-300 bg-amber-50/50 p-4"
              }
            >
              <p className="mb-1 flex flex-wrap gap-x-2 text-sm">
                <span className="font-semibold text-ink">{post.author?.name}</span>
                <span className="text-muted">
                  <LocalDate value={post.createdAt} withTime />
                </span>
                {post.status === "pending" && <span className="text-amber-800">Awaiting approval</span>}
                {post.status === "hidden" && <span className="text-red-700">Hidden by a moderator</span>}
              </p>
              <CommunityText html={post.bodyHtml ?? ""} />
            </li>
          ))}
        </ol>
      )}
      {page.viewer.canReply ? (
        <ReplyForm threadId={threadId} pageHref={threadHref} />
      ) : !viewer ? (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(storyPath)}`} className={buttonClasses("primary", "sm")}>
            Sign in to comment
          </Link>
        </p>
      ) : page.thread.locked ? (
        <p className="text-sm text-muted">Comments are closed.</p>
      ) : null}
    </section>
  );
}
