import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireOperator } from "~/lib/session";
import { api } from "~/trpc/server";
import { ModerationQueue, type QueueEntry } from "./moderation-queue";
import { SuspendedMembers } from "./suspended-members";

export const metadata: Metadata = { title: "Moderation queue" };

const dateFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
});
const actionLabel: Record<string, string> = {
  approve: "Approved",
  hide: "Hid",
  restore: "Restored",
  delete: "Deleted",
  warn: "Warned",
  suspend: "Suspended",
  pin: "Pinned",
  unpin: "Unpinned",
  lock: "Locked",
  unlock: "Unlocked",
  dismiss_flags: "Dismissed reports on",
};

export default async function ModerationPage() {
  await requireOperator();
  const caller = await api();
  const [queue, log, suspended] = await Promise.all([caller.moderation.queue({}), caller.moderation.log(), caller.moderation.suspended()]);
  const base = storefrontLinks().base;
  const entries: QueueEntry[] = queue.map((item) => ({
    ...item,
    url: `${base}${item.href}`,
    author: {
      ...item.author,
      silencedUntil: item.author.silencedUntil?.toISOString() ?? null,
    },
    firstFlaggedAt: item.firstFlaggedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
  }));

  return (
    <>
      <PageHeader
        title="Moderation queue"
        description="Reported posts, reviews, questions, answers and stories, most reported first; then new members’ posts waiting for approval."
      />
      <ModerationQueue entries={entries} />
      <SuspendedMembers
        members={suspended.map((m) => ({
          userId: m.userId,
          name: m.name,
          handle: m.handle,
          silencedUntil: m.silencedUntil?.toISOString() ?? "",
          reason: m.reason,
        }))}
      />
      {log.length > 0 && (
        <section aria-labelledby="moderation-log" className="mt-10">
          <h2 id="moderation-log" className="mb-3 text-lg font-semibold text-ink">
            Recent decisions
          </h2>
          <ol className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white text-sm shadow-xs">
            {log.map((entry) => (
              <li key={entry.id} className="flex flex-wrap gap-x-3 gap-y-1 px-4 py-2">
                <span className="text-muted">{dateFormat.format(entry.createdAt)}</span>
                <span>
                  <span className="font-medium">{entry.moderatorName ?? "A moderator"}</span>{" "}
                  {(actionLabel[entry.action] ?? entry.action).toLowerCase()}{" "}
                  {entry.targetType && entry.action !== "warn" && entry.action !== "suspend"
                    ? `a ${entry.targetType}`
                    : "a member"}
                </span>
                {entry.note && <span className="text-muted [overflow-wrap:anywhere]">“{entry.note}”</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
