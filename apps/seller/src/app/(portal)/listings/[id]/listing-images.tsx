"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { MAX_IMAGES_PER_LISTING, updateImageAltSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { tooLarge, uploadWithProgress } from "~/lib/upload";

export interface GalleryImage {
  id: string;
  alt: string;
  src: string;
  srcSet: string | undefined;
}

interface UploadRow {
  key: string;
  name: string;
  progress: number;
  state: "waiting" | "uploading" | "done" | "failed";
  message?: string;
}

function Uploader({ listingId, room, onUploaded }: { listingId: string; room: number; onUploaded: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const patch = (key: string, p: Partial<UploadRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const files = [...(inputRef.current?.files ?? [])];
    if (files.length === 0) return setError("Choose one or more images first.");
    if (files.length > room)
      return setError(
        room === 0
          ? `This listing already has ${MAX_IMAGES_PER_LISTING} images. Delete one to add another.`
          : `You can add ${room} more ${room === 1 ? "image" : "images"} (at most ${MAX_IMAGES_PER_LISTING} per listing).`,
      );
    setError(null);
    setBusy(true);
    const batch: UploadRow[] = files.map((f, i) => ({ key: `${Date.now()}-${i}`, name: f.name, progress: 0, state: "waiting" }));
    setRows(batch);
    let uploaded = 0;
    // One at a time: the gallery order follows the order the files were chosen in.
    for (const [i, file] of files.entries()) {
      const row = batch[i];
      if (!row) continue;
      const large = tooLarge(file);
      if (large) {
        patch(row.key, { state: "failed", message: large });
        continue;
      }
      patch(row.key, { state: "uploading" });
      const form = new FormData();
      form.set("listingId", listingId);
      form.set("file", file);
      const result = await uploadWithProgress(`/api/uploads/listing-image`, form, (progress) => patch(row.key, { progress }));
      if (result.ok) {
        uploaded++;
        patch(row.key, { state: "done", progress: 1 });
      } else patch(row.key, { state: "failed", message: result.message });
    }
    if (inputRef.current) inputRef.current.value = "";
    setBusy(false);
    if (uploaded) onUploaded();
  }

  const failed = rows.filter((r) => r.state === "failed").length;
  const finished = rows.length > 0 && rows.every((r) => r.state === "done" || r.state === "failed");

  return (
    <form onSubmit={onSubmit} noValidate className="rounded-lg border border-dashed border-stone-300 bg-stone-50 p-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-[1_1_16rem] space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium">
            Choose images
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept="image/*"
            multiple
            disabled={busy}
            onChange={() => setError(null)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : `${inputId}-hint`}
            className="block w-full text-sm file:mr-3 file:min-h-9 file:rounded-md file:border-0 file:bg-white file:px-3 file:text-sm file:font-medium file:ring-1 file:ring-stone-300 hover:file:bg-stone-100"
          />
        </div>
        <Button type="submit" loading={busy}>
          Upload images
        </Button>
      </div>
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${inputId}-hint`} className="mt-2 text-xs text-muted">
          JPEG, PNG, WebP, AVIF or GIF; at least 200×200 px and up to 8 MB each. Up to {MAX_IMAGES_PER_LISTING} images per
          listing.
        </p>
      )}
      {rows.length > 0 && (
        <ul className="mt-3 space-y-2" aria-label="Uploads">
          {rows.map((r) => (
            <li key={r.key} className="text-sm">
              <div className="flex items-center justify-between gap-3">
                <span className="min-w-0 truncate">{r.name}</span>
                <span className={r.state === "failed" ? "shrink-0 text-red-700" : "shrink-0 text-muted"}>
                  {r.state === "waiting"
                    ? "Waiting"
                    : r.state === "uploading"
                      ? `${Math.round(r.progress * 100)}%`
                      : r.state === "done"
                        ? "Uploaded"
                        : "Failed"}
                </span>
              </div>
              {r.state === "uploading" && (
                <progress
                  className="mt-1 h-1.5 w-full accent-brand-600"
                  max={1}
                  value={r.progress}
                  aria-label={`Uploading ${r.name}`}
                />
              )}
              {r.message && <p className="mt-0.5 text-red-700">{r.message}</p>}
            </li>
          ))}
        </ul>
      )}
      <p aria-live="polite" className="sr-only">
        {busy ? "Uploading images…" : finished ? `${rows.length - failed} uploaded${failed ? `, ${failed} failed` : ""}.` : ""}
      </p>
    </form>
  );
}

function ImageCard({
  image,
  index,
  count,
  onMove,
  onChanged,
  moving,
}: {
  image: GalleryImage;
  index: number;
  count: number;
  onMove: (index: number, delta: -1 | 1) => void;
  onChanged: (message: string) => void;
  moving: boolean;
}) {
  const trpc = useTRPC();
  const updateAlt = useMutation(trpc.seller.images.updateAlt.mutationOptions());
  const remove = useMutation(trpc.seller.images.delete.mutationOptions());
  const [alt, setAlt] = useState(image.alt);
  const [altError, setAltError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const altId = useId();
  const label = index === 0 ? "Image 1 (main image)" : `Image ${index + 1}`;

  function saveAlt(event: FormEvent) {
    event.preventDefault();
    if (updateAlt.isPending) return;
    const parsed = updateImageAltSchema.safeParse({ imageId: image.id, alt });
    if (!parsed.success) return setAltError(parsed.error.issues[0]?.message ?? "Check the alt text.");
    setAltError(null);
    updateAlt.mutate(parsed.data, {
      onSuccess: () => onChanged(`Alt text of image ${index + 1} saved.`),
      onError: (e) => setAltError(formErrorsOf(e).fieldErrors.alt ?? formErrorsOf(e).message),
    });
  }

  function confirmDelete() {
    setError(null);
    remove.mutate(
      { imageId: image.id },
      {
        onSuccess: () => onChanged(`Image ${index + 1} deleted.`),
        onError: (e) => {
          setConfirming(false);
          setError(formErrorsOf(e).message);
        },
      },
    );
  }

  return (
    <li data-image={image.id} className="flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white">
      <fieldset className="flex flex-1 flex-col">
        <legend className="sr-only">{label}</legend>
        <div className="relative aspect-square bg-stone-100">
          <img
            src={image.src}
            srcSet={image.srcSet}
            sizes="(min-width: 640px) 220px, 45vw"
            alt={image.alt}
            className="size-full object-cover"
          />
          {index === 0 && (
            <span className="absolute top-2 left-2 rounded bg-ink/80 px-1.5 py-0.5 text-xs font-medium text-white">Main</span>
          )}
        </div>
        <div className="flex flex-1 flex-col gap-2 p-2.5">
          <form onSubmit={saveAlt} noValidate className="space-y-1">
            <label htmlFor={altId} className="block text-xs font-medium">
              Alt text
            </label>
            <input
              id={altId}
              value={alt}
              maxLength={200}
              onChange={(e) => {
                setAlt(e.target.value);
                setAltError(null);
              }}
              aria-invalid={altError ? true : undefined}
              aria-describedby={altError ? `${altId}-error` : undefined}
              className="block w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
            />
            {altError && (
              <p id={`${altId}-error`} role="alert" className="text-xs text-red-700">
                {altError}
              </p>
            )}
            {alt !== image.alt && (
              <Button type="submit" size="sm" variant="secondary" loading={updateAlt.isPending} className="w-full">
                Save alt text
              </Button>
            )}
          </form>
          {error && (
            <p role="alert" className="text-xs text-red-700">
              {error}
            </p>
          )}
          {confirming ? (
            <div className="mt-auto space-y-2 rounded-md bg-red-50 p-2">
              <p className="text-xs text-red-900">Delete this image?</p>
              <div className="flex gap-2">
                <Button
                  type="button"
                  size="sm"
                  variant="danger"
                  loading={remove.isPending}
                  onClick={confirmDelete}
                  className="flex-1"
                >
                  Delete
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  disabled={remove.isPending}
                  onClick={() => setConfirming(false)}
                  className="flex-1"
                  autoFocus
                >
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <div className="mt-auto flex items-center gap-1">
              <Button
                type="button"
                size="sm"
                variant="ghost"
                data-move="up"
                aria-label={`Move image ${index + 1} earlier`}
                title="Move earlier"
                disabled={index === 0}
                aria-busy={moving || undefined}
                onClick={() => onMove(index, -1)}
                className="px-2.5 disabled:opacity-40"
              >
                <span aria-hidden>←</span>
              </Button>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                data-move="down"
                aria-label={`Move image ${index + 1} later`}
                title="Move later"
                disabled={index === count - 1}
                aria-busy={moving || undefined}
                onClick={() => onMove(index, 1)}
                className="px-2.5 disabled:opacity-40"
              >
                <span aria-hidden>→</span>
              </Button>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                aria-label={`Delete image ${index + 1}`}
                className="ml-auto px-2.5 text-red-700 hover:bg-red-50"
                onClick={() => setConfirming(true)}
              >
                Delete
              </Button>
            </div>
          )}
        </div>
      </fieldset>
    </li>
  );
}

export function ListingImages({ listingId, images }: { listingId: string; images: GalleryImage[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reorder = useMutation(trpc.seller.images.reorder.mutationOptions());
  const [order, setOrder] = useState(images);
  const [source, setSource] = useState(images);
  const serverOrder = useRef(images);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const listRef = useRef<HTMLOListElement>(null);

  // New images from the server (after an upload, delete or save) replace the local order.
  if (images !== source) {
    setSource(images);
    setOrder(images);
    serverOrder.current = images;
  }

  const refresh = (message: string) => {
    setStatus(message);
    setError(null);
    startRefresh(() => router.refresh());
  };

  // Moves apply at once; saves run one after another, each sending the latest order.
  const saving = useRef(false);
  const wanted = useRef<string[] | null>(null);
  const announcement = useRef("");

  async function flush() {
    if (saving.current) return;
    saving.current = true;
    try {
      while (wanted.current) {
        const imageIds = wanted.current;
        wanted.current = null;
        await reorder.mutateAsync({ listingId, imageIds });
      }
      refresh(announcement.current);
    } catch (e) {
      wanted.current = null;
      setOrder(serverOrder.current);
      setError(formErrorsOf(e).message);
    } finally {
      saving.current = false;
    }
  }

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    const item = order[index];
    const other = order[target];
    if (!item || !other) return;
    const next = [...order];
    next[index] = other;
    next[target] = item;
    setOrder(next);
    setError(null);
    // Keep the keyboard where the image went; at either end, switch to the button that still works.
    requestAnimationFrame(() => {
      const card = listRef.current?.querySelector(`[data-image="${item.id}"]`);
      const same = card?.querySelector<HTMLButtonElement>(`[data-move="${delta < 0 ? "up" : "down"}"]`);
      const opposite = card?.querySelector<HTMLButtonElement>(`[data-move="${delta < 0 ? "down" : "up"}"]`);
      (same && target !== 0 && target !== next.length - 1 ? same : opposite)?.focus();
    });
    wanted.current = next.map((i) => i.id);
    announcement.current = `Image moved to position ${target + 1}.`;
    void flush();
  }

  return (
    <section aria-labelledby="images-heading" className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="images-heading" className="text-lg font-semibold">
          Images
        </h2>
        <p className="text-sm text-muted">
          {order.length} of {MAX_IMAGES_PER_LISTING}
          {refreshing ? " · updating…" : ""}
        </p>
      </div>
      <p className="mt-1 text-sm text-muted">
        The first image is the main one shoppers see in search results. Describe each image in its alt text.
      </p>
      {error && (
        <Alert tone="error" className="mt-3">
          {error}
        </Alert>
      )}
      <p aria-live="polite" className="sr-only">
        {status}
      </p>
      {order.length > 0 ? (
        <ol
          ref={listRef}
          className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4"
          aria-label="Listing images in order"
        >
          {order.map((image, index) => (
            <ImageCard
              key={image.id}
              image={image}
              index={index}
              count={order.length}
              onMove={move}
              onChanged={refresh}
              moving={reorder.isPending}
            />
          ))}
        </ol>
      ) : (
        <p className="mt-4 rounded-lg bg-stone-50 px-4 py-6 text-center text-sm text-muted">
          No images yet. Listings with photos sell far better.
        </p>
      )}
      <div className="mt-4">
        <Uploader
          listingId={listingId}
          room={MAX_IMAGES_PER_LISTING - order.length}
          onUploaded={() => refresh("Images uploaded.")}
        />
      </div>
    </section>
  );
}
