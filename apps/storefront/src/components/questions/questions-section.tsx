"use client";

import type { RouterOutputs } from "@agora/api";
import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { useHydrated } from "~/components/discovery/use-hydrated";
import { Alert } from "@agora/ui/alert";
import { Badge } from "@agora/ui/badge";
import { Button } from "@agora/ui/button";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { FlagButton } from "~/components/community/flag-button";
import { LocalDate } from "~/components/orders/local-date";
import { useAfterFirstPaint } from "~/components/use-after-first-paint";
import { roleBadge, useRefreshQuestions, type AnswerRole } from "./answer-roles";

// The forms check their input with the shared zod schemas before sending: their code (zod is ~31 KB
// compressed) loads when a signed-in member gets one, not with every product page.
const AskForm = dynamic(() => import("./question-forms").then((m) => m.AskForm));
const AnswerForm = dynamic(() => import("./question-forms").then((m) => m.AnswerForm));

type QuestionPage = RouterOutputs["questions"]["list"];
type Question = QuestionPage["items"][number];

/**
 * Product Q&A, fetched by the browser (fresh, and the page shell stays cached): signed-in members ask;
 * the seller and verified owners answer, with their badge; the asker accepts the answer that helped.
 */
export function QuestionsSection({ listingId, listingSlug }: { listingId: string; listingSlug: string }) {
  const trpc = useTRPC();
  const headingId = `questions-${listingId}`;
  // Until hydrated this shows what the server sent (loading), even if answers already arrived for
  // other parts of the page: anything else would not match the server HTML.
  const hydrated = useHydrated();
  // Asked for once the page is on screen, after the sized placeholder below (see useAfterFirstPaint).
  const painted = useAfterFirstPaint();
  const me = useQuery({ ...trpc.account.me.queryOptions(), enabled: painted });
  const mePending = !hydrated || me.isPending;
  const signedIn = hydrated && Boolean(me.data);
  const list = useInfiniteQuery(
    trpc.questions.list.infiniteQueryOptions(
      { listingId, limit: 10 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, enabled: painted },
    ),
  );
  const listData = hydrated ? list.data : undefined;
  const first = listData?.pages[0];
  const items = listData?.pages.flatMap((p) => p.items) ?? [];
  const answerRole = first?.viewer?.answerRole ?? null;

  return (
    <section aria-labelledby={headingId} id="questions" className="mt-12 scroll-mt-24">
      <h2 id={headingId} className="text-xl font-semibold tracking-tight text-ink sm:text-2xl">
        Questions and answers
      </h2>
      {first && first.total > 0 && (
        <p className="mt-1 text-sm text-muted">
          {first.total} {first.total === 1 ? "question" : "questions"}
        </p>
      )}

      <div className="mt-4 space-y-4">
        {signedIn ? (
          <AskForm listingId={listingId} />
        ) : mePending ? null : (
          <p className="text-sm text-muted">
            Have a question?{" "}
            <Link href={`/sign-in?next=${encodeURIComponent(`/p/${listingSlug}#questions`)}`} className="font-medium text-brand-700 hover:underline">
              Sign in to ask the seller and owners
            </Link>
            .
          </p>
        )}

        {!hydrated || list.isPending ? (
          <div aria-busy="true" className="space-y-3">
            <span className="sr-only" role="status">
              Loading questions…
            </span>
            <div aria-hidden className="h-24 animate-pulse rounded-xl bg-stone-100" />
          </div>
        ) : list.isError ? (
          <Alert tone="error">
            The questions could not be loaded.{" "}
            <button type="button" className="font-medium underline" onClick={() => void list.refetch()}>
              Try again
            </button>
          </Alert>
        ) : items.length === 0 ? (
          <p className="rounded-xl border border-dashed border-stone-300 bg-white px-4 py-8 text-center text-sm text-muted">
            No questions yet. Ask the first one: the seller and shoppers who own it can answer.
          </p>
        ) : (
          <ul role="list" className="space-y-3">
            {items.map((q) => (
              <QuestionItem key={q.id} question={q} answerRole={answerRole} />
            ))}
          </ul>
        )}

        {list.hasNextPage && (
          <Button type="button" variant="secondary" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Show more questions
          </Button>
        )}
      </div>
    </section>
  );
}

function QuestionItem({ question, answerRole }: { question: Question; answerRole: AnswerRole | null }) {
  const [answering, setAnswering] = useState(false);
  return (
    <li id={`question-${question.id}`} className="scroll-mt-24 rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
      <div className="flex gap-3">
        <span aria-hidden className="font-bold text-brand-700">
          Q
        </span>
        <div className="min-w-0 flex-1 space-y-1">
          <div className="prose-agora max-w-prose text-[15px] font-medium" dangerouslySetInnerHTML={{ __html: question.bodyHtml }} />
          <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
            <span>
              Asked by {question.mine ? "you" : question.authorName} · <LocalDate value={question.createdAt} />
            </span>
            {question.status === "pending" && <Badge tone="amber">Waiting for approval</Badge>}
            {!question.mine && <FlagButton targetType="question" targetId={question.id} />}
            {question.mine && <DeleteOwn what="question" id={question.id} />}
          </p>
        </div>
      </div>

      {question.answers.length > 0 && (
        <ul role="list" className="mt-3 space-y-3 border-t border-stone-100 pt-3 sm:pl-7">
          {question.answers.map((a) => (
            <AnswerItem key={a.id} answer={a} question={question} />
          ))}
        </ul>
      )}

      {answerRole && question.status === "visible" && (
        <div className="mt-3 sm:pl-7">
          {answering ? (
            <AnswerForm questionId={question.id} role={answerRole} onClose={() => setAnswering(false)} />
          ) : (
            <Button type="button" size="sm" variant="secondary" onClick={() => setAnswering(true)}>
              Answer{answerRole === "seller" ? " as the seller" : " as a verified owner"}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function AnswerItem({ answer, question }: { answer: Question["answers"][number]; question: Question }) {
  const trpc = useTRPC();
  const refresh = useRefreshQuestions();
  const accept = useMutation(trpc.questions.accept.mutationOptions({ onSuccess: () => refresh() }));
  const badge = roleBadge[answer.role];
  const acceptError = accept.error ? formErrorsOf(accept.error).message : null;
  return (
    <li className="flex gap-3">
      <span aria-hidden className="font-bold text-stone-500">
        A
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        {answer.accepted && (
          <p className="text-sm font-semibold text-emerald-800">
            <span aria-hidden>✓ </span>Accepted answer
          </p>
        )}
        <div className="prose-agora max-w-prose text-[15px]" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
          <span className="font-medium text-stone-700">{answer.mine ? "You" : answer.authorName}</span>
          <Badge tone={badge.tone}>{badge.label}</Badge>
          <span aria-hidden>·</span>
          <LocalDate value={answer.createdAt} />
          {question.mine && !answer.accepted && (
            <Button type="button" size="sm" variant="ghost" loading={accept.isPending} onClick={() => !accept.isPending && accept.mutate({ questionId: question.id, answerId: answer.id })}>
              Accept this answer
            </Button>
          )}
          {!answer.mine && <FlagButton targetType="answer" targetId={answer.id} />}
          {answer.mine && <DeleteOwn what="answer" id={answer.id} />}
        </p>
        {acceptError && (
          <p role="alert" className="text-sm text-red-700">
            {acceptError}
          </p>
        )}
      </div>
    </li>
  );
}

/** The author's own question or answer: Delete, then a confirm step (focus moves to it), or Keep. */
function DeleteOwn({ what, id }: { what: "question" | "answer"; id: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshQuestions();
  const [confirming, setConfirming] = useState(false);
  const options = { onSuccess: () => refresh() };
  const removeQuestion = useMutation(trpc.questions.delete.mutationOptions(options));
  const removeAnswer = useMutation(trpc.questions.deleteAnswer.mutationOptions(options));
  const remove = what === "question" ? removeQuestion : removeAnswer;
  const error = remove.error ? formErrorsOf(remove.error).message : null;
  const label = what === "question" ? "Delete question" : "Delete answer";
  return (
    <>
      {confirming ? (
        <span role="group" aria-label={`${label}?`} className="inline-flex items-center gap-1">
          <Button
            type="button"
            size="sm"
            variant="danger"
            autoFocus
            loading={remove.isPending}
            onClick={() => (what === "question" ? removeQuestion.mutate({ questionId: id }) : removeAnswer.mutate({ answerId: id }))}
          >
            {label}
          </Button>
          <Button type="button" size="sm" variant="ghost" disabled={remove.isPending} onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </span>
      ) : (
        <Button type="button" size="sm" variant="ghost" aria-label={label} onClick={() => setConfirming(true)}>
          Delete
        </Button>
      )}
      {error && (
        <span role="alert" className="w-full text-sm text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
