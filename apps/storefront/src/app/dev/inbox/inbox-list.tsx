"use client";

import type { RouterOutputs } from "@agora/api";
import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Badge, type BadgeTone } from "@agora/ui/badge";
import { Button, buttonClasses } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useEffect, useRef, useState } from "react";

type Inbox = RouterOutputs["notifications"]["inbox"];
type Message = Inbox["messages"][number];

/** New messages show up without reloading: the worker delivers within about a second. */
const REFRESH_MS = 3_000;

const statusBadge: Record<Message["status"], { tone: BadgeTone; label: string }> = {
  sent: { tone: "green", label: "Delivered" },
  pending: { tone: "amber", label: "Waiting" },
  failed: { tone: "red", label: "Failed" },
};

export function InboxList({ initial, page, canRetry }: { initial: Inbox; page: number; canRetry: boolean }) {
  const trpc = useTRPC();
  const inbox = useQuery(trpc.notifications.inbox.queryOptions({ page }, { initialData: initial, refetchInterval: REFRESH_MS }));
  const data = inbox.data;
  const announcement = useNewMessageAnnouncement(data.messages);
  const [refreshing, setRefreshing] = useState(false);

  return (
    <div className="mt-6">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 pb-3 text-sm text-muted">
        <p>
          {data.total === 0 ? "No messages" : data.total === 1 ? "1 message" : `${data.total.toLocaleString("en-US")} messages`}
          {data.pageCount > 1 && ` · page ${data.page} of ${data.pageCount}`}
        </p>
        <Button
          variant="ghost"
          size="sm"
          loading={refreshing}
          onClick={() => {
            setRefreshing(true);
            void inbox.refetch().finally(() => setRefreshing(false));
          }}
        >
          Refresh
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {inbox.isRefetchError && (
        <Alert tone="warning" className="mt-4">
          Could not check for new messages. Trying again in a few seconds.
        </Alert>
      )}
      {data.messages.length === 0 ? (
        <div className="mt-6">
          <EmptyState
            title="No messages yet"
            action={
              <Link href="/" className={buttonClasses("secondary")}>
                Browse the marketplace
              </Link>
            }
          >
            When you place an order, or a store accepts, ships, delays or cancels one, the messages Agora sends appear here.
          </EmptyState>
        </div>
      ) : (
        <ol className="mt-4 space-y-4">
          {data.messages.map((message) => (
            <li key={message.id}>
              <MessageCard message={message} canRetry={canRetry} page={page} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} href={(p) => (p === 1 ? "/dev/inbox" : `/dev/inbox?page=${p}`)} />
    </div>
  );
}

/** "1 new message" for screen readers when the list grows while the page is open. */
function useNewMessageAnnouncement(messages: Message[]): string {
  const seen = useRef<Set<number> | null>(null);
  const [text, setText] = useState("");
  useEffect(() => {
    const ids = messages.map((m) => m.id);
    if (seen.current) {
      const fresh = ids.filter((id) => !seen.current?.has(id)).length;
      if (fresh > 0) setText(fresh === 1 ? "1 new message" : `${fresh} new messages`);
    }
    seen.current = new Set([...(seen.current ?? []), ...ids]);
  }, [messages]);
  return text;
}

function MessageCard({ message, canRetry, page }: { message: Message; canRetry: boolean; page: number }) {
  const status = statusBadge[message.status];
  const headingId = `message-${message.id}-subject`;
  return (
    <article aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <Badge tone={message.channel === "email" ? "blue" : "neutral"}>
          {message.channel === "email" ? "E-mail" : "Text message"}
        </Badge>
        <Badge tone={status.tone}>{status.label}</Badge>
        <LocalTime date={message.createdAt} className="ml-auto" />
      </div>
      <h2 id={headingId} className="mt-2 text-base font-semibold break-words text-ink">
        {message.subject}
      </h2>
      <p className="mt-1 text-sm break-words text-stone-600">
        To <span className="break-all text-stone-800">{message.recipient}</span>
        <span aria-hidden> · </span>
        <span className="sr-only">, </span>
        <span className="whitespace-nowrap">
          {message.attempts === 1 ? "1 attempt" : `${message.attempts} attempts`}
          {message.status === "pending" && message.attempts > 0 && (
            <>
              , next <LocalTime date={message.availableAt} />
            </>
          )}
        </span>
      </p>
      {message.lastError && message.status !== "sent" && (
        <p className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm break-words text-red-800">Last error: {message.lastError}</p>
      )}
      <details className="group mt-3 rounded-lg border border-stone-200">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden">
          <span className="group-open:hidden">Show the message</span>
          <span className="hidden group-open:inline">Hide the message</span>
          <span aria-hidden className="transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="border-t border-stone-200 px-3 py-3 text-sm leading-relaxed break-words whitespace-pre-wrap text-stone-800">
          <Linked text={message.body} />
        </div>
      </details>
      {canRetry && message.status === "failed" && <RetryButton messageId={message.id} page={page} />}
    </article>
  );
}

const urlPattern = /(https?:\/\/[^\s]+)/g;

/** Message text with its links clickable (they lead to order pages). */
function Linked({ text }: { text: string }) {
  return (
    <>
      {text.split(urlPattern).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function RetryButton({ messageId, page }: { messageId: number; page: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const retry = useMutation(trpc.notifications.retry.mutationOptions());
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3" aria-live="polite">
      <Button
        variant="secondary"
        size="sm"
        loading={retry.isPending}
        disabled={retry.isSuccess}
        onClick={() => {
          setError(null);
          retry.mutate(
            { messageId },
            {
              onSuccess: () => void queryClient.invalidateQueries(trpc.notifications.inbox.queryFilter({ page })),
              onError: (e) => setError(formErrorsOf(e).message),
            },
          );
        }}
      >
        {retry.isSuccess ? "Queued again" : "Try sending again"}
      </Button>
      {error && <span className="text-sm text-red-700">{error}</span>}
    </div>
  );
}

/** A time in the reader's own time zone; the server's rendering is replaced once the page is in the browser. */
function LocalTime({ date, className }: { date: Date; className?: string }) {
  const [text, setText] = useState(() => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`);
  useEffect(() => {
    setText(
      new Intl.DateTimeFormat(undefined, {
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        second: "2-digit",
      }).format(date),
    );
  }, [date]);
  return (
    <time dateTime={date.toISOString()} className={className}>
      {text}
    </time>
  );
}
