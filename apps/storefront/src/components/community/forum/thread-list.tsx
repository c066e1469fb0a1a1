import type { ThreadSummary } from "@agora/core";
import { Badge } from "@agora/ui/badge";
import Link from "next/link";
import { LocalDate } from "~/components/orders/local-date";

/** Threads as a list: title (the link), category, who started it, replies and the last activity. */
export function ThreadList({ threads, showCategory = true, emptyText }: { threads: ThreadSummary[]; showCategory?: boolean; emptyText?: string }) {
  if (threads.length === 0) return emptyText ? <p className="rounded-xl border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-muted">{emptyText}</p> : null;
  return (
    <ul role="list" className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white">
      {threads.map((t) => (
        <li key={t.id} className="relative px-4 py-3 focus-within:bg-stone-50 hover:bg-stone-50">
          <div className="flex items-start gap-3">
            <div className="min-w-0 flex-1">
              <h3 className="text-[15px] font-semibold text-ink">
                <Link href={t.href} className="after:absolute after:inset-0 focus:outline-none focus-visible:underline">
                  {t.title}
                </Link>
              </h3>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                {t.pinned && <Badge tone="blue">Pinned</Badge>}
                {t.locked && <Badge>Locked</Badge>}
                {t.answered && <Badge tone="green">Answered</Badge>}
                {showCategory && <span>{t.categoryName}</span>}
                <span>
                  by {t.authorName}
                  {t.authorHandle ? ` (@${t.authorHandle})` : ""}
                </span>
                <span>
                  last activity <LocalDate value={t.lastPostedAt} />
                </span>
              </p>
            </div>
            <p className="shrink-0 text-right text-xs text-muted">
              <span className="block text-base font-semibold text-ink tabular-nums">{t.replyCount}</span>
              {t.replyCount === 1 ? "reply" : "replies"}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
