"use client";

import { useTRPC } from "@agora/api/react";
import { Button } from "@agora/ui/button";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";

/** How often an open thread asks for new replies, while its tab is visible. */
const POLL_MS = 8_000;

/**
 * "N new replies — show": the thread asks every few seconds (only while the tab is visible) whether
 * replies arrived after the last one on the page. Showing them re-renders the posts from the server;
 * whatever the reader is typing in the reply box stays as it is.
 */
export function LiveUpdates({ threadId, lastNumber, lastPageHref, onLastPage }: { threadId: string; lastNumber: number; lastPageHref: string; onLastPage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [visible, setVisible] = useState(true);
  const [refreshing, startRefresh] = useTransition();

  useEffect(() => {
    const update = () => setVisible(document.visibilityState === "visible");
    update();
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);

  const news = useQuery({
    ...trpc.forum.newPosts.queryOptions({ threadId, afterNumber: lastNumber }),
    refetchInterval: visible ? POLL_MS : false,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
  const count = news.data?.count ?? 0;

  return (
    <div aria-live="polite" className="sticky bottom-3 z-20 flex justify-center">
      {count > 0 && (
        <Button
          type="button"
          className="shadow-lg"
          loading={refreshing}
          onClick={() => startRefresh(() => (onLastPage ? router.refresh() : router.push(lastPageHref)))}
        >
          {count} new {count === 1 ? "reply" : "replies"} — show
        </Button>
      )}
    </div>
  );
}
