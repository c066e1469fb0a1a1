"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { TextAreaField } from "@agora/ui/field";
import { ANSWER_BODY_MAX, answerQuestionSchema, askQuestionSchema, QUESTION_BODY_MAX } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { roleBadge, useRefreshQuestions, type AnswerRole } from "./answer-roles";

/** A signed-in member asks; checked with the server's schema before sending. Loaded on demand (see QuestionsSection). */
export function AskForm({ listingId }: { listingId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshQuestions();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const ask = useMutation(
    trpc.questions.ask.mutationOptions({
      onSuccess: async (result) => {
        setBody("");
        setNotice(
          result.status === "pending"
            ? "Thanks! Your question will appear once a moderator has approved it."
            : "Thanks! Your question is posted.",
        );
        await refresh();
      },
      onError: (e) => {
        const { message, fieldErrors } = formErrorsOf(e);
        setError(fieldErrors.body ?? message);
      },
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (ask.isPending) return;
    const parsed = askQuestionSchema.safeParse({ listingId, body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setNotice(null);
    ask.mutate(parsed.data);
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      {notice && <Alert tone="success">{notice}</Alert>}
      <TextAreaField
        label="Ask a question"
        value={body}
        rows={3}
        maxLength={QUESTION_BODY_MAX}
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
        error={error}
        hint="About size, materials, use… The seller and shoppers who own it can answer."
      />
      <Button type="submit" loading={ask.isPending}>
        Ask
      </Button>
    </form>
  );
}

export function AnswerForm({ questionId, role, onClose }: { questionId: string; role: AnswerRole; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshQuestions();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const answer = useMutation(
    trpc.questions.answer.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
      onError: (e) => {
        const { message, fieldErrors } = formErrorsOf(e);
        setError(fieldErrors.body ?? message);
      },
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (answer.isPending) return;
    const parsed = answerQuestionSchema.safeParse({ questionId, body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    answer.mutate(parsed.data);
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <TextAreaField
        label={`Your answer (shown with the “${roleBadge[role].label}” badge)`}
        value={body}
        rows={3}
        maxLength={ANSWER_BODY_MAX}
        autoFocus
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
        error={error}
      />
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={answer.isPending}>
          Post answer
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onClose} disabled={answer.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
