"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { TextField } from "@agora/ui/field";
import { editPostSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { FlagButton } from "../flag-button";
import { MarkdownEditor } from "./markdown-editor";
import { RevisionHistory } from "./revision-history";

export const REPLY_TO_EVENT = "forum:reply-to";
export type ReplyToDetail = { postId: string; number: number; authorName: string };

const reactionLabels = { like: "Like", helpful: "Helpful", thanks: "Thanks", insightful: "Insightful" } as const;
const reactionIcons = { like: "👍", helpful: "✅", thanks: "🙏", insightful: "💡" } as const;
type ReactionKind = keyof typeof reactionLabels;

export interface PostShellProps {
  postId: string;
  threadId: string;
  number: number;
  authorName: string;
  authorHandle: string | null;
  signedIn: boolean;
  mine: boolean;
  edited: boolean;
  /** Markdown source when the reader may edit it. */
  editableSource: string | null;
  /** The thread's title, editable with the opening post. */
  title: string | null;
  canDelete: boolean;
  canReply: boolean;
  canAccept: boolean;
  accepted: boolean;
  reactions: { kind: string; count: number; mine: boolean }[];
  muteState: "mute" | "block" | null;
  children: ReactNode;
}

/**
 * Everything a reader can do with one post: react, reply to it, edit (with the history of earlier
 * versions), delete, accept as the answer, mute or block its author, report it. The post's body is
 * rendered on the server and passed in; editing swaps it for the form in place.
 */
export function PostShell(props: PostShellProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const refresh = () => startRefresh(() => router.refresh());
  const onError = (err: unknown) => setMessage({ tone: "error", text: formErrorsOf(err).message });

  const react = useMutation(trpc.forum.react.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(trpc.forum.delete.mutationOptions({ onSuccess: refresh, onError }));
  const accept = useMutation(trpc.forum.accept.mutationOptions({ onSuccess: refresh, onError }));
  const block = useMutation(
    trpc.forum.block.mutationOptions({
      onSuccess: (r) => {
        setMenuOpen(false);
        setMessage({ tone: "success", text: r.kind === "block" ? `You blocked ${props.authorName}.` : r.kind === "mute" ? `You muted ${props.authorName}.` : `${props.authorName} is no longer muted or blocked.` });
        refresh();
      },
      onError,
    }),
  );
  const busy = react.isPending || remove.isPending || accept.isPending || block.isPending || refreshing;

  function replyTo() {
    window.dispatchEvent(new CustomEvent<ReplyToDetail>(REPLY_TO_EVENT, { detail: { postId: props.postId, number: props.number, authorName: props.authorName } }));
  }

  const counts = new Map(props.reactions.map((r) => [r.kind, r]));
  return (
    <>
      {editing && props.editableSource !== null ? (
        <EditForm {...props} source={props.editableSource} onDone={() => setEditing(false)} />
      ) : (
        props.children
      )}
      <div aria-live="polite">{message && <Alert tone={message.tone} className="mt-3">{message.text}</Alert>}</div>
      {!editing && (
        <div className="mt-3 flex flex-wrap items-center gap-1.5">
          <div role="group" aria-label="Reactions" className="flex flex-wrap gap-1">
            {(Object.keys(reactionLabels) as ReactionKind[]).map((kind) => {
              const r = counts.get(kind);
              if (!props.signedIn || props.mine) {
                if (!r) return null;
                return (
                  <span key={kind} className="inline-flex min-h-8 items-center gap-1 rounded-full bg-stone-100 px-2.5 text-xs text-stone-700" title={reactionLabels[kind]}>
                    <span aria-hidden>{reactionIcons[kind]}</span>
                    <span className="sr-only">{reactionLabels[kind]}:</span> {r.count}
                  </span>
                );
              }
              return (
                <button
                  key={kind}
                  type="button"
                  disabled={busy}
                  aria-pressed={!!r?.mine}
                  onClick={() => react.mutate({ postId: props.postId, kind })}
                  className={cn(
                    "inline-flex min-h-8 items-center gap-1 rounded-full px-2.5 text-xs ring-1 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60",
                    r?.mine ? "bg-brand-50 text-brand-800 ring-brand-300" : "bg-white text-stone-700 ring-stone-200 hover:bg-stone-50",
                  )}
                >
                  <span aria-hidden>{reactionIcons[kind]}</span>
                  {reactionLabels[kind]}
                  {r ? <span className="tabular-nums"> {r.count}</span> : null}
                </button>
              );
            })}
          </div>
          <span className="flex-1" />
          {props.canReply && (
            <Button type="button" variant="ghost" size="sm" onClick={replyTo}>
              Reply
            </Button>
          )}
          {props.canAccept && (
            <Button type="button" variant={props.accepted ? "secondary" : "ghost"} size="sm" disabled={busy} onClick={() => accept.mutate({ threadId: props.threadId, postId: props.accepted ? null : props.postId })}>
              {props.accepted ? "Unmark answer" : "Accept answer"}
            </Button>
          )}
          {props.edited && <RevisionHistory postId={props.postId} />}
          {props.editableSource !== null && (
            <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {props.canDelete &&
            (confirmDelete ? (
              <span className="inline-flex items-center gap-1">
                <Button type="button" variant="danger" size="sm" loading={remove.isPending} onClick={() => remove.mutate({ postId: props.postId })}>
                  {props.number === 1 ? "Delete thread" : "Delete post"}
                </Button>
                <Button type="button" variant="ghost" size="sm" onClick={() => setConfirmDelete(false)}>
                  Keep
                </Button>
              </span>
            ) : (
              <Button type="button" variant="ghost" size="sm" onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            ))}
          {props.signedIn && !props.mine && props.authorHandle && (
            <div className="relative">
              <Button type="button" variant="ghost" size="sm" aria-expanded={menuOpen} aria-haspopup="true" onClick={() => setMenuOpen((o) => !o)}>
                <span className="sr-only">More about {props.authorName}</span>
                <span aria-hidden>•••</span>
              </Button>
              {menuOpen && (
                <div className="absolute right-0 z-10 mt-1 w-56 rounded-xl border border-stone-200 bg-white p-1 shadow-lg">
                  {(["mute", "block"] as const).map((kind) => (
                    <button
                      key={kind}
                      type="button"
                      disabled={busy}
                      onClick={() => props.authorHandle && block.mutate({ handle: props.authorHandle, kind: props.muteState === kind ? null : kind })}
                      className="block w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                    >
                      {props.muteState === kind ? `Un${kind} ${props.authorName}` : kind === "mute" ? `Mute ${props.authorName}` : `Block ${props.authorName}`}
                      <span className="block text-xs text-muted">{kind === "mute" ? "Collapse their posts for you." : "Also stop their mentions and replies notifying you."}</span>
                    </button>
                  ))}
                </div>
              )}
            </div>
          )}
          {!props.mine && <FlagButton targetType="post" targetId={props.postId} />}
        </div>
      )}
    </>
  );
}

function EditForm({ postId, number, title, source, onDone }: PostShellProps & { source: string; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState(source);
  const [newTitle, setNewTitle] = useState(title ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const inFlight = useRef(false);
  const edit = useMutation(trpc.forum.edit.mutationOptions());

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (inFlight.current) return;
    const parsed = editPostSchema.safeParse({ postId, body, title: number === 1 ? newTitle : undefined });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
      setErrors(fields);
      return;
    }
    inFlight.current = true;
    edit.mutate(parsed.data, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: () => startRefresh(() => {
        router.refresh();
        onDone();
      }),
      onError: (err) => {
        const { message: text, fieldErrors } = formErrorsOf(err);
        setErrors(fieldErrors);
        setMessage(text);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {message && <Alert tone="error">{message}</Alert>}
      {number === 1 && <TextField name="title" label="Title" value={newTitle} onChange={(e) => setNewTitle(e.currentTarget.value)} error={errors.title} maxLength={150} />}
      <MarkdownEditor name="body" label={`Edit post #${number}`} value={body} onValueChange={setBody} error={errors.body} rows={6} autoFocus />
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={edit.isPending || refreshing}>
          Save changes
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
