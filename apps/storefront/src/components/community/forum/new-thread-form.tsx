"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { SelectField, TextField } from "@agora/ui/field";
import { createThreadSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useHydrated } from "~/components/discovery/use-hydrated";
import { MarkdownEditor } from "./markdown-editor";

type Category = { slug: string; name: string; description: string };

/** Starting a thread: category, title and a markdown body with a preview. One submit makes one thread. */
export function NewThreadForm({ categories, initialCategory }: { categories: Category[]; initialCategory: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [categorySlug, setCategorySlug] = useState(initialCategory && categories.some((c) => c.slug === initialCategory) ? initialCategory : "");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const inFlight = useRef(false);
  // Before hydration a click would submit the form natively and lose the text: wait for the page to be ready.
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation(trpc.forum.createThread.mutationOptions());
  const busy = create.isPending || create.isSuccess;

  function focusFirstError(fields: Record<string, string>) {
    const first = ["categorySlug", "title", "body"].find((f) => fields[f]);
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy || inFlight.current) return;
    const parsed = createThreadSchema.safeParse({ categorySlug, title, body });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
      setErrors(fields);
      setMessage("Please fix the highlighted fields.");
      focusFirstError(fields);
      return;
    }
    inFlight.current = true;
    setErrors({});
    setMessage(null);
    create.mutate(parsed.data, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: (created) => router.push(`/community/t/${created.threadId}/${created.slug}`),
      onError: (err) => {
        const { message: text, fieldErrors } = formErrorsOf(err);
        setErrors(fieldErrors);
        setMessage(text);
        focusFirstError(fieldErrors);
      },
    });
  }

  const selected = categories.find((c) => c.slug === categorySlug);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5" aria-describedby={message ? "new-thread-message" : undefined}>
      <div id="new-thread-message" aria-live="polite">
        {message && <Alert tone="error">{message}</Alert>}
      </div>
      <SelectField
        name="categorySlug"
        label="Category"
        value={categorySlug}
        onChange={(e) => {
          setCategorySlug(e.currentTarget.value);
          setErrors(({ categorySlug: _drop, ...rest }) => rest);
        }}
        error={errors.categorySlug}
        hint={selected?.description}
      >
        <option value="">Choose a category…</option>
        {categories.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField
        name="title"
        label="Title"
        value={title}
        maxLength={150}
        autoComplete="off"
        onChange={(e) => {
          setTitle(e.currentTarget.value);
          setErrors(({ title: _drop, ...rest }) => rest);
        }}
        error={errors.title}
        hint="A question or a short summary, 5–150 characters."
      />
      <MarkdownEditor
        name="body"
        label="Message"
        value={body}
        onValueChange={(v) => {
          setBody(v);
          setErrors(({ body: _drop, ...rest }) => rest);
        }}
        error={errors.body}
        rows={8}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button type="submit" loading={busy} disabled={!hydrated} className="w-full sm:w-auto">
          {busy ? "Posting…" : "Post thread"}
        </Button>
      </div>
    </form>
  );
}
