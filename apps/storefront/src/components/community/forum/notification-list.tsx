"use client";

import { useTRPC } from "@agora/api/react";
import { Button, buttonClasses } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { LocalDate } from "~/components/orders/local-date";

/** The member's community notifications, newest first, with "mark all read". */
export function NotificationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const list = useInfiniteQuery({
    ...trpc.forum.notifications.infiniteQueryOptions({}, { getNextPageParam: (last) => last.nextCursor }),
    enabled: !!me.data,
  });
  const markRead = useMutation(
    trpc.forum.markRead.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.forum.pathFilter());
      },
    }),
  );

  if (me.isPending || (me.data && list.isPending))
    return (
      <div role="status" aria-label="Loading" className="space-y-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-14 animate-pulse rounded-xl bg-stone-100" />
        ))}
      </div>
    );
  if (!me.data)
    return (
      <p className="text-sm">
        <Link href="/sign-in?next=/community/notifications" className={buttonClasses("primary", "sm")}>
          Sign in to see your notifications
        </Link>
      </p>
    );
  if (list.isError) return <p className="text-sm text-red-700">{list.error.message}</p>;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return <p className="rounded-xl border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-muted">Nothing yet. Mentions, replies and accepted answers will show up here.</p>;
  const unread = items.filter((i) => !i.read);
  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <Button type="button" variant="secondary" size="sm" disabled={unread.length === 0} loading={markRead.isPending} onClick={() => markRead.mutate({})}>
          Mark all as read
        </Button>
      </div>
      <ul role="list" className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white">
        {items.map((n) => (
          <li key={n.id} className={cn("relative px-4 py-3 hover:bg-stone-50", !n.read && "bg-brand-50/40")}>
            <Link
              href={n.href}
              onClick={() => !n.read && markRead.mutate({ ids: [n.id] })}
              className="text-sm text-ink after:absolute after:inset-0 focus:outline-none focus-visible:underline"
            >
              {!n.read && <span className="sr-only">Unread: </span>}
              {n.text}
            </Link>
            <p className="text-xs text-muted">
              <LocalDate value={n.createdAt} withTime />
            </p>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Button type="button" variant="ghost" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Older notifications
        </Button>
      )}
    </div>
  );
}
