"use client";

import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Badge } from "@agora/ui/badge";
import { Button } from "@agora/ui/button";
import { TextAreaField, TextField } from "@agora/ui/field";
import { cn } from "@agora/ui/cn";
import { saveStorySchema, STORY_BODY_MAX, STORY_SUMMARY_MAX, STORY_TITLE_MAX } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { CHECK_FIELDS, useFormFeedback } from "~/components/use-form-feedback";

export interface EditableStory {
  id: string;
  slug: string;
  title: string;
  summary: string;
  bodySource: string;
  tags: string[];
  status: "draft" | "published";
  moderation: "pending" | "visible" | "hidden" | "deleted";
  coverUrl: string | null;
}

/** "seller": the store's own stories; "operator": any story, with hiding from the storefront. */
export type StoryScope = "seller" | "operator";

const CARD = /<div data-listing-card="([a-z0-9-]+)"><\/div>/g;

/**
 * Write a story in markdown, preview it as shoppers will see it (product cards are shown as boxes here
 * and rendered live on the storefront), save drafts, publish and unpublish.
 */
export function StoryEditor({
  scope,
  story,
  basePath,
  storefrontUrl,
}: {
  scope: StoryScope;
  story: EditableStory | null;
  basePath: string;
  storefrontUrl: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const procedures = scope === "seller" ? trpc.stories.seller : trpc.stories.operator;
  const save = useMutation(procedures.save.mutationOptions());
  const publish = useMutation(procedures.publish.mutationOptions());
  const unpublish = useMutation(procedures.unpublish.mutationOptions());
  const remove = useMutation(procedures.delete.mutationOptions());
  const preview = useMutation(procedures.preview.mutationOptions());
  const moderate = useMutation(trpc.moderation.decide.mutationOptions());
  const [refreshing, startRefresh] = useTransition();
  const { formRef, errors, message, invalid, failed, touch, clear, setMessage } = useFormFeedback();
  const [saved, setSaved] = useState<string | null>(null);
  const [mode, setMode] = useState<"write" | "preview">("write");
  const [fields, setFields] = useState({
    title: story?.title ?? "",
    slug: story?.slug ?? "",
    summary: story?.summary ?? "",
    body: story?.bodySource ?? "",
    tags: story?.tags.join(", ") ?? "",
  });
  const previewId = useId();
  const busy = save.isPending || publish.isPending || unpublish.isPending || remove.isPending || moderate.isPending || refreshing;

  const set = (name: keyof typeof fields) => (value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    touch(name);
    setSaved(null);
  };

  function input() {
    return {
      id: story?.id,
      title: fields.title,
      slug: fields.slug,
      summary: fields.summary,
      body: fields.body,
      tags: fields.tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    };
  }

  function onSave(then?: "publish") {
    if (busy) return;
    const parsed = saveStorySchema.safeParse(input());
    if (!parsed.success) return invalid(parsed.error);
    clear();
    save.mutate(parsed.data, {
      onSuccess: (s) => {
        if (then === "publish") {
          publish.mutate(
            { id: s.id },
            {
              onSuccess: () => afterSave(s.id, "Published. It is on the storefront now."),
              onError: failed,
            },
          );
        } else afterSave(s.id, "Saved.");
      },
      onError: failed,
    });
  }

  function afterSave(id: string, text: string) {
    setSaved(text);
    if (!story) router.replace(`${basePath}/${id}?saved=1`);
    else startRefresh(() => router.refresh());
  }

  function showPreview() {
    setMode("preview");
    preview.mutate({ body: fields.body });
  }

  const previewHtml = (preview.data?.html ?? "").replace(
    CARD,
    (_m, slug: string) =>
      `<div class="my-3 rounded-xl border border-dashed border-brand-600 px-4 py-3 text-sm">Product card: ${slug}</div>`,
  );
  const tab = (active: boolean) =>
    cn("h-7 rounded px-2 text-xs font-medium", active ? "bg-stone-200 text-ink" : "text-muted hover:bg-stone-100 hover:text-ink");
  const published = story?.status === "published";
  const hidden = story?.moderation === "hidden";

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {story && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={published ? "green" : "neutral"}>{published ? "Published" : "Draft"}</Badge>
          {hidden && <Badge tone="red">Hidden by a moderator</Badge>}
          {published && !hidden && (
            <a
              href={`${storefrontUrl}/stories/${story.slug}`}
              target="_blank"
              rel="noreferrer"
              className="text-brand-700 underline"
            >
              View on the storefront
            </a>
          )}
        </div>
      )}
      {message && message !== CHECK_FIELDS && <Alert tone="error">{message}</Alert>}
      {saved && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {saved}
        </p>
      )}
      <TextField
        label="Title"
        value={fields.title}
        maxLength={STORY_TITLE_MAX}
        error={errors.title}
        onChange={(e) => set("title")(e.target.value)}
      />
      <TextField
        label="Address"
        hint="Lowercase words joined by hyphens, e.g. first-cup-of-the-morning. Made from the title when empty."
        value={fields.slug}
        maxLength={80}
        error={errors.slug}
        onChange={(e) => set("slug")(e.target.value)}
      />
      <TextAreaField
        label="Summary"
        hint="One or two sentences for the story list."
        value={fields.summary}
        maxLength={STORY_SUMMARY_MAX}
        rows={2}
        error={errors.summary}
        onChange={(e) => set("summary")(e.target.value)}
      />
      <TextField
        label="Tags"
        hint="Separated by commas, e.g. coffee, guides."
        value={fields.tags}
        error={errors.tags ?? errors["tags.0"]}
        onChange={(e) => set("tags")(e.target.value)}
      />

      <div className="relative">
        <div className="absolute top-0 right-0 flex items-center gap-1" role="group" aria-label="Editor view">
          <button
            type="button"
            className={tab(mode === "write")}
            aria-pressed={mode === "write"}
            onClick={() => setMode("write")}
          >
            Write
          </button>
          <button type="button" className={tab(mode === "preview")} aria-pressed={mode === "preview"} onClick={showPreview}>
            Preview
          </button>
        </div>
        <div className={mode === "write" ? undefined : "hidden"}>
          <TextAreaField
            label="Story"
            hint="Markdown. Put a product on a line of its own as [[product:its-address]] to show a live product card."
            value={fields.body}
            maxLength={STORY_BODY_MAX}
            rows={18}
            error={errors.body}
            onChange={(e) => set("body")(e.target.value)}
          />
        </div>
        {mode === "preview" && (
          <div className="space-y-1">
            <p className="text-sm font-medium text-ink">Story (preview)</p>
            <div
              id={previewId}
              aria-live="polite"
              aria-busy={preview.isPending}
              className="prose-agora min-h-48 rounded-lg border border-stone-200 bg-stone-50 px-4 py-2"
            >
              {preview.isPending ? (
                <p className="py-2 text-sm text-muted">Rendering preview…</p>
              ) : preview.error ? (
                <p className="py-2 text-sm text-red-700">{preview.error.message}</p>
              ) : previewHtml ? (
                <div dangerouslySetInnerHTML={{ __html: previewHtml }} />
              ) : (
                <p className="py-2 text-sm text-muted">Nothing to preview yet.</p>
              )}
            </div>
            {errors.body && (
              <p role="alert" className="text-sm text-red-700">
                {errors.body}
              </p>
            )}
          </div>
        )}
      </div>

      <div className="flex flex-wrap justify-between gap-2 border-t border-stone-100 pt-4">
        <div className="flex flex-wrap gap-2">
          {story && (
            <Button
              type="button"
              variant="ghost"
              className="text-red-700 hover:bg-red-50"
              disabled={busy}
              onClick={() => {
                if (!window.confirm("Delete this story? It leaves the storefront for good.")) return;
                remove.mutate({ id: story.id }, { onSuccess: () => router.replace(basePath), onError: failed });
              }}
            >
              Delete
            </Button>
          )}
          {story && scope === "operator" && published && (
            <Button
              type="button"
              variant="secondary"
              disabled={busy}
              onClick={() =>
                moderate.mutate(
                  { targetType: "story", targetId: story.id, decision: hidden ? "approve" : "hide" },
                  {
                    onSuccess: () => {
                      setSaved(hidden ? "Shown on the storefront again." : "Hidden from the storefront.");
                      startRefresh(() => router.refresh());
                    },
                    onError: (e) => setMessage(e.message),
                  },
                )
              }
            >
              {hidden ? "Show again" : "Hide from storefront"}
            </Button>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {published && story ? (
            <Button
              type="button"
              variant="secondary"
              disabled={busy}
              loading={unpublish.isPending}
              onClick={() =>
                unpublish.mutate(
                  { id: story.id },
                  { onSuccess: () => afterSave(story.id, "Back to draft: it left the storefront."), onError: failed },
                )
              }
            >
              Unpublish
            </Button>
          ) : null}
          <Button
            type="submit"
            variant={published ? "primary" : "secondary"}
            disabled={busy}
            loading={save.isPending && !publish.isPending}
          >
            {published ? "Save changes" : "Save draft"}
          </Button>
          {!published && (
            <Button type="button" disabled={busy} loading={publish.isPending} onClick={() => onSave("publish")}>
              Save and publish
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
