"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { createReplySchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useHydrated } from "~/components/discovery/use-hydrated";
import { MarkdownEditor } from "./markdown-editor";
import { REPLY_TO_EVENT, type ReplyToDetail } from "./post-shell";

/**
 * The reply box at the foot of a thread. "Reply" on a post sets what this answers ("in reply to #N").
 * Its text survives the page refreshing with new replies; one submit makes one reply.
 */
export function ReplyForm({ threadId, pageHref }: { threadId: string; pageHref: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [parent, setParent] = useState<ReplyToDetail | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const inFlight = useRef(false);
  // Before hydration a click would submit the form natively and lose the text: wait for the page to be ready.
  const hydrated = useHydrated();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const reply = useMutation(trpc.forum.reply.mutationOptions());
  const busy = reply.isPending || refreshing;

  useEffect(() => {
    function onReplyTo(e: Event) {
      setParent((e as CustomEvent<ReplyToDetail>).detail);
      textareaRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
      textareaRef.current?.focus({ preventScroll: true });
    }
    window.addEventListener(REPLY_TO_EVENT, onReplyTo);
    return () => window.removeEventListener(REPLY_TO_EVENT, onReplyTo);
  }, []);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy || inFlight.current) return;
    const parsed = createReplySchema.safeParse({ threadId, body, parentId: parent?.postId ?? null });
    if (!parsed.success) {
      setError(parsed.error.issues.find((i) => i.path[0] === "body")?.message ?? parsed.error.issues[0]?.message);
      textareaRef.current?.focus();
      return;
    }
    inFlight.current = true;
    setError(undefined);
    setMessage(null);
    reply.mutate(parsed.data, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: (created) => {
        setBody("");
        setParent(null);
        setMessage(
          created.status === "pending"
            ? { tone: "success", text: "Thanks! Your reply is waiting for a moderator’s approval; only you can see it until then." }
            : { tone: "success", text: `Your reply was posted as #${created.number}.` },
        );
        const [path] = created.href.split("#");
        startRefresh(() => {
          if (path && path !== pageHref) router.push(created.href);
          else {
            router.refresh();
            window.history.replaceState(null, "", `#post-${created.number}`);
          }
        });
      },
      onError: (err) => {
        const { message: text, fieldErrors } = formErrorsOf(err);
        setError(fieldErrors.body);
        setMessage({ tone: "error", text });
      },
    });
  }

  return (
    <form id="reply" onSubmit={submit} noValidate className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-5">
      <h2 className="text-lg font-semibold text-ink">Your reply</h2>
      {parent && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
          Replying to <a href={`#post-${parent.number}`} className="font-medium text-brand-700 underline">#{parent.number}</a> by {parent.authorName}
          <Button type="button" variant="ghost" size="sm" onClick={() => setParent(null)}>
            <span aria-hidden>×</span> <span className="sr-only">Stop replying to #{parent.number}</span>
          </Button>
        </p>
      )}
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
      <MarkdownEditor
        ref={textareaRef}
        name="body"
        label="Message"
        value={body}
        onValueChange={(v) => {
          setBody(v);
          setError(undefined);
        }}
        error={error}
        rows={5}
      />
      <div className="flex justify-end">
        <Button type="submit" loading={busy} disabled={!hydrated} className="w-full sm:w-auto">
          {busy ? "Posting…" : "Post reply"}
        </Button>
      </div>
    </form>
  );
}
