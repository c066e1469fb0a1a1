import { EmptyState } from "@agora/ui/empty-state";
import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireOperator } from "~/lib/session";
import { api } from "~/trpc/server";
import { ModerationQueue, type QueueEntry } from "./moderation-queue";

export const metadata: Metadata = { title: "Moderation queue" };

export default async function ModerationPage() {
  await requireOperator();
  const queue = await (await api()).moderation.queue({});
  const base = storefrontLinks().base;
  const entries: QueueEntry[] = queue.map((item) => ({
    ...item,
    url: `${base}${item.href}`,
    author: { ...item.author, silencedUntil: item.author.silencedUntil?.toISOString() ?? null },
    firstFlaggedAt: item.firstFlaggedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
  }));

  return (
    <>
      <PageHeader
        title="Moderation queue"
        description="Reported posts, reviews, questions, answers and stories, most reported first; then new members’ posts waiting for approval."
      />
      {entries.length === 0 ? (
        <EmptyState title="Nothing to moderate">Reports and new members’ posts show up here as they arrive.</EmptyState>
      ) : (
        <ModerationQueue entries={entries} />
      )}
    </>
  );
}
