"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Button } from "@agora/ui/button";
import { TextAreaField } from "@agora/ui/field";
import { answerQuestionSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";

/** Answers a shopper's question inline, with the "Seller" badge; the question leaves the list once answered. */
export function AnswerForm({ questionId }: { questionId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [refreshing, startRefresh] = useTransition();
  const answer = useMutation(
    trpc.questions.answer.mutationOptions({
      onSuccess: () => startRefresh(() => router.refresh()),
      onError: (e) => {
        const { message, fieldErrors } = formErrorsOf(e);
        setError(fieldErrors.body ?? message);
      },
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (answer.isPending || answer.isSuccess) return;
    const parsed = answerQuestionSchema.safeParse({ questionId, body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    answer.mutate(parsed.data);
  }
  if (answer.isSuccess)
    return (
      <p role="status" className="text-sm text-emerald-800">
        Answered. The shopper has been told.
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <TextAreaField
        label="Your answer"
        hint="Shown publicly on the product page with the “Seller” badge."
        value={body}
        rows={3}
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
        error={error}
      />
      <Button type="submit" size="sm" loading={answer.isPending || refreshing}>
        Post answer
      </Button>
    </form>
  );
}
