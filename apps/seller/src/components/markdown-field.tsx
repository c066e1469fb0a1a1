"use client";

import { TextAreaField } from "@agora/ui/field";
import { cn } from "@agora/ui/cn";
import { useId, useState, useTransition, type TextareaHTMLAttributes } from "react";
import { previewMarkdown } from "~/app/(portal)/actions";

/** A markdown textarea with a preview rendered by the server exactly as shoppers will see it. */
export function MarkdownField({
  label,
  hint,
  error,
  value,
  onValueChange,
  ...props
}: { label: string; hint?: string; error?: string | undefined; value: string; onValueChange: (value: string) => void } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "value" | "onChange"
>) {
  const [mode, setMode] = useState<"write" | "preview">("write");
  const [html, setHtml] = useState("");
  const [pending, startTransition] = useTransition();
  const previewId = useId();

  function showPreview() {
    setMode("preview");
    startTransition(async () => setHtml(await previewMarkdown(value)));
  }

  const tab = (active: boolean) =>
    cn("h-6 rounded px-2 text-xs font-medium", active ? "bg-stone-200 text-ink" : "text-muted hover:bg-stone-100 hover:text-ink");

  return (
    <div className="relative">
      <div className="absolute top-0 right-0 flex items-center gap-1" role="group" aria-label="Editor view">
        <button type="button" className={tab(mode === "write")} aria-pressed={mode === "write"} onClick={() => setMode("write")}>
          Write
        </button>
        <button type="button" className={tab(mode === "preview")} aria-pressed={mode === "preview"} onClick={showPreview}>
          Preview
        </button>
      </div>
      <div className={mode === "write" ? undefined : "hidden"}>
        <TextAreaField
          label={label}
          hint={hint ?? "Markdown: **bold**, *italic*, lists with -, links as [text](https://…)."}
          error={error}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          {...props}
        />
      </div>
      {mode === "preview" && (
        <div className="space-y-1">
          <p className="text-sm font-medium text-ink">{label} (preview)</p>
          <div
            id={previewId}
            aria-live="polite"
            aria-busy={pending}
            className="min-h-28 rounded-lg border border-stone-200 bg-stone-50 px-4 py-2"
          >
            {pending ? (
              <p className="py-2 text-sm text-muted">Rendering preview…</p>
            ) : html ? (
              <div className="prose-agora" dangerouslySetInnerHTML={{ __html: html }} />
            ) : (
              <p className="py-2 text-sm text-muted">Nothing to preview yet.</p>
            )}
          </div>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
