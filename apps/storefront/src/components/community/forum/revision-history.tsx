"use client";

import { useTRPC } from "@agora/api/react";
import { Button } from "@agora/ui/button";
import { useQuery } from "@tanstack/react-query";
import { useId, useRef } from "react";
import { communityProse } from "./prose";

const when = (d: Date) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(d));

/** "Edited": a dialog listing every earlier version of the post, newest first. */
export function RevisionHistory({ postId }: { postId: string }) {
  const trpc = useTRPC();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const revisions = useQuery({ ...trpc.forum.revisions.queryOptions({ postId }), enabled: false });

  function open() {
    dialogRef.current?.showModal();
    void revisions.refetch();
  }

  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={open}>
        History
      </Button>
      <dialog ref={dialogRef} aria-labelledby={headingId} className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-2xl p-0 backdrop:bg-black/40">
        <div className="flex items-center justify-between border-b border-stone-200 px-4 py-3">
          <h2 id={headingId} className="text-base font-semibold text-ink">
            Earlier versions
          </h2>
          <form method="dialog">
            <Button type="submit" variant="ghost" size="sm" autoFocus>
              Close
            </Button>
          </form>
        </div>
        <div className="max-h-[70vh] space-y-4 overflow-y-auto px-4 py-3">
          {revisions.isFetching && !revisions.data ? (
            <p className="text-sm text-muted">Loading…</p>
          ) : revisions.isError ? (
            <p className="text-sm text-red-700">{revisions.error.message}</p>
          ) : revisions.data?.length === 0 ? (
            <p className="text-sm text-muted">No earlier versions.</p>
          ) : (
            revisions.data?.map((r) => (
              <section key={r.id} className="rounded-xl border border-stone-200 p-3">
                <p className="text-xs text-muted">
                  Replaced {when(r.createdAt)}
                  {r.editorName ? ` by ${r.editorName}` : ""}
                </p>
                {r.title && <p className="mt-1 font-semibold text-ink">{r.title}</p>}
                <div className={communityProse} dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
              </section>
            ))
          )}
        </div>
      </dialog>
    </>
  );
}
