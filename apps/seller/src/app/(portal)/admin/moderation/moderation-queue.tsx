"use client";

import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Badge, type BadgeTone } from "@agora/ui/badge";
import { Button } from "@agora/ui/button";
import { EmptyState } from "@agora/ui/empty-state";
import { TextAreaField, TextField } from "@agora/ui/field";
import {
  flagReasonLabels,
  suspendMemberSchema,
  warnMemberSchema,
  type FlagReason,
  type FlagTargetType,
  type ModerationDecision,
} from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { CHECK_FIELDS, useFormFeedback } from "~/components/use-form-feedback";

export interface QueueEntry {
  targetType: FlagTargetType;
  targetId: string;
  kind: "flagged" | "pending";
  status: "pending" | "visible" | "hidden" | "deleted";
  context: string;
  excerpt: string;
  url: string;
  author: { id: string; name: string; handle: string | null; level: number; approvedPosts: number; silencedUntil: string | null };
  flagCount: number;
  reasons: { reason: FlagReason; count: number }[];
  notes: string[];
  firstFlaggedAt: string | null;
  createdAt: string;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const typeLabel: Record<FlagTargetType, string> = {
  post: "Forum post",
  review: "Review",
  question: "Question",
  answer: "Answer",
  story: "Story",
};
const statusBadge: Record<QueueEntry["status"], { tone: BadgeTone; label: string }> = {
  pending: { tone: "amber", label: "Awaiting approval" },
  visible: { tone: "green", label: "Visible" },
  hidden: { tone: "red", label: "Hidden" },
  deleted: { tone: "neutral", label: "Deleted" },
};
const outcomeText: Record<ModerationDecision, string> = {
  approve: "approved",
  hide: "hidden",
  delete: "deleted",
  dismiss: "kept; its reports were dismissed",
};

/**
 * The queue: items leave it as they are decided, so the outcome is announced here, not on the item (this
 * stays mounted when the last item goes, so the announcement survives the refresh).
 */
export function ModerationQueue({ entries }: { entries: QueueEntry[] }) {
  const [announcement, setAnnouncement] = useState("");
  return (
    <>
      <p role="status" className={announcement ? "mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "sr-only"}>
        {announcement}
      </p>
      {entries.length === 0 ? (
        <EmptyState title="Nothing to moderate">Reports and new members’ posts show up here as they arrive.</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Items to moderate">
          {entries.map((e) => (
            <QueueItem key={`${e.targetType}:${e.targetId}`} entry={e} onDone={setAnnouncement} />
          ))}
        </ul>
      )}
    </>
  );
}

function QueueItem({ entry, onDone }: { entry: QueueEntry; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const headingId = useId();
  const [refreshing, startRefresh] = useTransition();
  const decide = useMutation(trpc.moderation.decide.mutationOptions());
  const [choice, setChoice] = useState<ModerationDecision | null>(null);
  const [note, setNote] = useState("");
  const [panel, setPanel] = useState<"warn" | "suspend" | null>(null);
  const busy = decide.isPending || refreshing;
  const what = typeLabel[entry.targetType].toLowerCase();
  const silenced = entry.author.silencedUntil && new Date(entry.author.silencedUntil).getTime() > Date.now();

  function run(decision: ModerationDecision) {
    if (busy) return;
    setChoice(decision);
    decide.mutate(
      { targetType: entry.targetType, targetId: entry.targetId, decision, note: note || undefined },
      {
        onSuccess: () => {
          onDone(`The ${what} in “${entry.context}” was ${outcomeText[decision]}.`);
          startRefresh(() => router.refresh());
        },
      },
    );
  }

  const badge = statusBadge[entry.status];
  return (
    <li aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-muted uppercase">{typeLabel[entry.targetType]}</p>
          <h2 id={headingId} className="text-lg font-semibold break-words">
            <a href={entry.url} target="_blank" rel="noreferrer" className="hover:underline">
              {entry.context}
            </a>
          </h2>
        </div>
        <div className="flex flex-wrap gap-2">
          {entry.flagCount > 0 && <Badge tone="red">{entry.flagCount === 1 ? "1 report" : `${entry.flagCount} reports`}</Badge>}
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </div>
      </div>

      <blockquote className="mt-3 rounded-lg border-l-4 border-stone-300 bg-stone-50 px-4 py-3 text-sm whitespace-pre-line [overflow-wrap:anywhere]">
        {entry.excerpt || <span className="text-muted">(no text)</span>}
      </blockquote>

      <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">Author</dt>
          <dd className="[overflow-wrap:anywhere]">
            {entry.author.name}
            {entry.author.handle && <span className="text-muted"> @{entry.author.handle}</span>}
            <span className="text-muted">
              {" "}
              · level {entry.author.level}, {entry.author.approvedPosts} approved
            </span>
            {silenced && entry.author.silencedUntil && (
              <span className="block text-red-700">
                Suspended until {dateFormat.format(new Date(entry.author.silencedUntil))}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-muted">{entry.firstFlaggedAt ? "First reported" : "Written"}</dt>
          <dd>{dateFormat.format(new Date(entry.firstFlaggedAt ?? entry.createdAt))}</dd>
        </div>
        {entry.reasons.length > 0 && (
          <div className="sm:col-span-2">
            <dt className="text-muted">Reasons</dt>
            <dd>
              <ul className="flex flex-wrap gap-2">
                {entry.reasons.map((r) => (
                  <li key={r.reason} className="rounded-full bg-stone-100 px-3 py-1 text-xs font-medium">
                    {flagReasonLabels[r.reason]} × {r.count}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {entry.notes.length > 0 && (
          <div className="sm:col-span-2">
            <dt className="text-muted">Reporters’ notes</dt>
            <dd>
              <ul className="list-disc space-y-1 pl-5 [overflow-wrap:anywhere]">
                {entry.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>

      <div className="mt-5 space-y-3 border-t border-stone-100 pt-4">
        {decide.error && <Alert tone="error">{decide.error.message}</Alert>}
        <TextField
          label="Note for the log (optional)"
          hint="Shown to the author when their text is hidden or deleted."
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="flex flex-wrap justify-end gap-2">
          {entry.flagCount > 0 && (
            <Button
              type="button"
              variant="secondary"
              size="sm"
              disabled={busy}
              loading={busy && choice === "dismiss"}
              onClick={() => run("dismiss")}
            >
              Dismiss reports
            </Button>
          )}
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={busy}
            onClick={() => setPanel(panel === "warn" ? null : "warn")}
            aria-expanded={panel === "warn"}
          >
            Warn author…
          </Button>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={busy}
            onClick={() => setPanel(panel === "suspend" ? null : "suspend")}
            aria-expanded={panel === "suspend"}
          >
            Suspend author…
          </Button>
          <Button
            type="button"
            variant="danger"
            size="sm"
            disabled={busy}
            loading={busy && choice === "delete"}
            onClick={() => run("delete")}
          >
            Delete
          </Button>
          <Button
            type="button"
            variant="danger"
            size="sm"
            disabled={busy}
            loading={busy && choice === "hide"}
            onClick={() => run("hide")}
          >
            Hide
          </Button>
          <Button type="button" size="sm" disabled={busy} loading={busy && choice === "approve"} onClick={() => run("approve")}>
            {entry.status === "pending" ? "Approve" : entry.status === "visible" ? "Keep" : "Restore"}
          </Button>
        </div>
        {panel === "warn" && (
          <WarnForm
            entry={entry}
            onDone={(m) => {
              setPanel(null);
              onDone(m);
            }}
          />
        )}
        {panel === "suspend" && (
          <SuspendForm
            entry={entry}
            onDone={(m) => {
              setPanel(null);
              onDone(m);
              startRefresh(() => router.refresh());
            }}
          />
        )}
      </div>
    </li>
  );
}

function WarnForm({ entry, onDone }: { entry: QueueEntry; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const warn = useMutation(trpc.moderation.warn.mutationOptions());
  const [message, setMessageText] = useState("");
  const feedback = useFormFeedback();
  return (
    <form
      ref={feedback.formRef}
      noValidate
      className="space-y-3 rounded-lg bg-stone-50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (warn.isPending) return;
        const parsed = warnMemberSchema.safeParse({
          userId: entry.author.id,
          targetType: entry.targetType,
          targetId: entry.targetId,
          message,
        });
        if (!parsed.success) return feedback.invalid(parsed.error);
        feedback.clear();
        warn.mutate(parsed.data, { onSuccess: () => onDone(`${entry.author.name} was warned.`), onError: feedback.failed });
      }}
    >
      {feedback.message && feedback.message !== CHECK_FIELDS && <Alert tone="error">{feedback.message}</Alert>}
      <TextAreaField
        label={`Warning to ${entry.author.name}`}
        hint="Sent to them as a moderation notice."
        value={message}
        rows={3}
        maxLength={1000}
        error={feedback.errors.message}
        onChange={(e) => {
          setMessageText(e.target.value);
          feedback.touch("message");
        }}
      />
      <div className="flex justify-end">
        <Button type="submit" size="sm" loading={warn.isPending}>
          Send warning
        </Button>
      </div>
    </form>
  );
}

function SuspendForm({ entry, onDone }: { entry: QueueEntry; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const suspend = useMutation(trpc.moderation.suspend.mutationOptions());
  const [days, setDays] = useState("7");
  const [note, setNote] = useState("");
  const feedback = useFormFeedback();
  return (
    <form
      ref={feedback.formRef}
      noValidate
      className="space-y-3 rounded-lg bg-stone-50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (suspend.isPending) return;
        const parsed = suspendMemberSchema.safeParse({
          userId: entry.author.id,
          days,
          targetType: entry.targetType,
          targetId: entry.targetId,
          note,
        });
        if (!parsed.success) return feedback.invalid(parsed.error);
        feedback.clear();
        suspend.mutate(parsed.data, {
          onSuccess: (r) =>
            onDone(`${entry.author.name} cannot take part in the community until ${dateFormat.format(r.silencedUntil)}.`),
          onError: feedback.failed,
        });
      }}
    >
      {feedback.message && feedback.message !== CHECK_FIELDS && <Alert tone="error">{feedback.message}</Alert>}
      <TextField
        label="Days"
        type="number"
        inputMode="numeric"
        min={1}
        max={365}
        value={days}
        error={feedback.errors.days}
        onChange={(e) => {
          setDays(e.target.value);
          feedback.touch("days");
        }}
      />
      <TextAreaField
        label="Reason (optional)"
        hint="Sent to them with the suspension."
        value={note}
        rows={2}
        maxLength={1000}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="flex justify-end">
        <Button type="submit" variant="danger" size="sm" loading={suspend.isPending}>
          Suspend {entry.author.name}
        </Button>
      </div>
    </form>
  );
}
