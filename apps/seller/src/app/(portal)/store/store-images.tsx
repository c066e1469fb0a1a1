"use client";

import { Button } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { tooLarge, uploadWithProgress } from "~/lib/upload";

type Kind = "logo" | "banner";

function ImageSlot({ kind, url, storeName }: { kind: Kind; url: string | null; storeName: string }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [uploading, setUploading] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const title = kind === "logo" ? "Logo" : "Banner";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (uploading) return;
    const file = inputRef.current?.files?.[0];
    if (!file) return setError(`Choose an image for your ${kind} first.`);
    const large = tooLarge(file);
    if (large) return setError(large);
    setError(null);
    setStatus(`Uploading ${file.name}…`);
    setUploading(true);
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", file);
    const result = await uploadWithProgress<{ url: string }>("/api/uploads/store", form);
    setUploading(false);
    if (!result.ok) {
      setStatus("");
      setError(result.message);
      return;
    }
    if (inputRef.current) inputRef.current.value = "";
    setStatus(`${title} updated.`);
    startRefresh(() => router.refresh());
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`} className="text-sm font-semibold">
        {title}
      </h3>
      <div
        className={cn(
          "overflow-hidden border border-stone-200 bg-stone-100",
          kind === "logo" ? "size-24 rounded-xl" : "aspect-[4/1] w-full rounded-lg",
        )}
      >
        {url ? (
          <img src={url} alt={`${storeName} ${kind}`} className="size-full object-cover" />
        ) : (
          <div className="flex size-full items-center justify-center px-2 text-center text-xs text-muted">No {kind} yet</div>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium">
          {title} image
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          name="file"
          accept="image/*"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : `${inputId}-hint`}
          onChange={() => setError(null)}
          className="block w-full text-sm file:mr-3 file:min-h-9 file:rounded-md file:border-0 file:bg-stone-100 file:px-3 file:text-sm file:font-medium hover:file:bg-stone-200"
        />
        {error ? (
          <p id={`${inputId}-error`} role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : (
          <p id={`${inputId}-hint`} className="text-xs text-muted">
            {kind === "logo"
              ? "Square, at least 200×200 px. Cropped to a square."
              : "Wide, at least 200 px tall. Cropped to 4:1."}{" "}
            JPEG, PNG, WebP, AVIF or GIF up to 8 MB.
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" size="sm" loading={uploading || refreshing}>
          Upload {kind}
        </Button>
        <p aria-live="polite" className="text-sm text-muted">
          {status}
        </p>
      </div>
    </form>
  );
}

export function StoreImages({
  logoUrl,
  bannerUrl,
  storeName,
}: {
  logoUrl: string | null;
  bannerUrl: string | null;
  storeName: string;
}) {
  return (
    <section
      aria-labelledby="images-heading"
      className="h-fit space-y-6 rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6"
    >
      <h2 id="images-heading" className="text-lg font-semibold">
        Logo and banner
      </h2>
      <ImageSlot kind="logo" url={logoUrl} storeName={storeName} />
      <hr className="border-stone-100" />
      <ImageSlot kind="banner" url={bannerUrl} storeName={storeName} />
    </section>
  );
}
