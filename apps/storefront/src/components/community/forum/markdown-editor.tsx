"use client";

import { useTRPC } from "@agora/api/react";
import { cn } from "@agora/ui/cn";
import { useMutation } from "@tanstack/react-query";
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type TextareaHTMLAttributes } from "react";
import { communityProse } from "./prose";

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  hint?: string;
};

const money = (minor: number, currency: string) => new Intl.NumberFormat("en-US", { style: "currency", currency }).format(minor / 100);

/**
 * A markdown body with Write/Preview tabs. The preview is rendered by the server exactly as the saved
 * post will be (sanitised, with mentions and live product cards).
 */
export const MarkdownEditor = forwardRef<HTMLTextAreaElement, Props>(function MarkdownEditor(
  { label, value, onValueChange, error, hint = "Markdown works: **bold**, lists, links. Mention someone with @handle; show a product with [[product:its-slug]] on its own line.", className, id, ...props },
  ref,
) {
  const trpc = useTRPC();
  const auto = useId();
  const fieldId = id ?? auto;
  const [tab, setTab] = useState<"write" | "preview">("write");
  const preview = useMutation(trpc.forum.preview.mutationOptions());
  const box = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => box.current as HTMLTextAreaElement);
  // Text typed while the page was still loading is in the box but not in the form's state: adopt it,
  // so a quick writer never sees "write something first" beside their own words.
  const initial = useRef({ value, onValueChange });
  useEffect(() => {
    const typed = box.current?.value ?? "";
    if (typed !== initial.current.value) initial.current.onValueChange(typed);
  }, []);

  function showPreview() {
    setTab("preview");
    if (value.trim()) preview.mutate({ body: value });
  }

  const tabClass = (active: boolean) =>
    cn("min-h-9 rounded-md px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600", active ? "bg-white text-ink shadow-sm" : "text-stone-600 hover:text-ink");
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={fieldId} className="block text-sm font-medium text-ink">
          {label}
        </label>
        <div role="tablist" aria-label="Write or preview" className="inline-flex rounded-lg bg-stone-100 p-0.5">
          <button type="button" role="tab" aria-selected={tab === "write"} className={tabClass(tab === "write")} onClick={() => setTab("write")}>
            Write
          </button>
          <button type="button" role="tab" aria-selected={tab === "preview"} className={tabClass(tab === "preview")} onClick={showPreview}>
            Preview
          </button>
        </div>
      </div>
      <textarea
        ref={box}
        id={fieldId}
        value={value}
        onChange={(e) => onValueChange(e.currentTarget.value)}
        hidden={tab !== "write"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : `${fieldId}-hint`}
        className={cn(
          "block min-h-36 w-full rounded-lg border bg-white px-3 py-2 text-base text-ink shadow-sm placeholder:text-stone-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none sm:text-sm",
          error ? "border-red-500" : "border-stone-300",
          className,
        )}
        {...props}
      />
      {tab === "preview" && (
        <div className="min-h-36 rounded-lg border border-stone-200 bg-stone-50 px-3 py-2" aria-live="polite" aria-busy={preview.isPending || undefined}>
          {!value.trim() ? (
            <p className="text-sm text-muted">Nothing to preview yet.</p>
          ) : preview.isPending ? (
            <p className="text-sm text-muted">Rendering preview…</p>
          ) : preview.isError ? (
            <p className="text-sm text-red-700">The preview could not be shown. {preview.error.message}</p>
          ) : preview.data ? (
            <div className={communityProse}>
              {preview.data.parts.map((part, i) => {
                if (part.kind === "html") return <div key={i} dangerouslySetInnerHTML={{ __html: part.html }} />;
                const card = preview.data.cards[part.slug.toLowerCase()];
                return card ? (
                  <div key={i} className="my-3 max-w-md rounded-xl border border-stone-200 bg-white p-3 text-sm">
                    <p className="font-semibold text-ink">{card.title}</p>
                    <p className="text-xs text-muted">{card.sellerName}</p>
                    <p className="mt-1">
                      {money(card.priceMinor, card.currency)} · {card.available > 0 ? `${card.available} in stock` : "Out of stock"}
                    </p>
                  </div>
                ) : (
                  <p key={i} className="my-3 rounded-xl border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                    No product on sale with the address “{part.slug}”.
                  </p>
                );
              })}
            </div>
          ) : null}
        </div>
      )}
      {error ? (
        <p id={`${fieldId}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${fieldId}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
});
