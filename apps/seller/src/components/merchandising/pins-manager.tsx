"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { Alert } from "@agora/ui/alert";
import { Badge } from "@agora/ui/badge";
import { Button } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { EmptyState } from "@agora/ui/empty-state";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type ReactNode } from "react";
import { LocalDateTime } from "./local-time";
import { newPinValues, PinForm, pinValuesOf } from "./pin-form";
import type { CategoryOption, PinRule, PinsApi } from "./types";

type Status = "current" | "ended";

const stateBadge = {
  live: <Badge tone="green">Live</Badge>,
  scheduled: <Badge tone="blue">Scheduled</Badge>,
  ended: <Badge>Ended</Badge>,
} as const;

function whereText(rule: PinRule): string {
  const where =
    rule.placement === "home_carousel"
      ? "Home page"
      : rule.placement === "category"
        ? `Category page: ${rule.categoryName ?? "a removed category"}`
        : `Search: “${rule.query ?? ""}”`;
  return `${where} · position ${rule.position}`;
}

function audienceText(rule: PinRule): string | null {
  if (rule.segment === "everyone" || rule.placement === "category") return null;
  return rule.placement === "search"
    ? `Only searches narrowed to ${rule.categoryName ?? "a category"}`
    : `Shoppers browsing ${rule.categoryName ?? "a category"} (in their “For you” row)`;
}

function PinCard({
  rule,
  api,
  categories,
  productUrl,
  reload,
  onChanged,
  onRemoved,
}: {
  rule: PinRule;
  api: PinsApi;
  categories: CategoryOption[];
  productUrl: string;
  reload: () => Promise<unknown>;
  onChanged: (message: string) => void;
  onRemoved: (message: string) => void;
}) {
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete">("view");
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const cardRef = useRef<HTMLLIElement>(null);
  // The card goes away with the reload, so success is reported from the hook (it outlives the card).
  const remove = useMutation({
    mutationFn: async () => {
      await api.remove(rule.id);
      await reload();
    },
    onSuccess: () => onRemoved(`Removed the pin of ${rule.listing.title}.`),
    onError: (e) => {
      setError(formErrorsOf(e).message);
      setMode("view");
    },
  });
  const focusEdit = () => requestAnimationFrame(() => cardRef.current?.querySelector<HTMLButtonElement>("[data-edit]")?.focus());
  const audience = audienceText(rule);

  return (
    <li ref={cardRef} aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5">
      {mode === "edit" ? (
        <>
          <h3 id={headingId} className="mb-4 font-semibold">
            Edit the pin of {rule.listing.title}
          </h3>
          <PinForm
            api={api}
            categories={categories}
            initial={pinValuesOf(rule)}
            existing={rule}
            afterSave={reload}
            onCancel={() => {
              setMode("view");
              focusEdit();
            }}
            onDone={(message) => {
              setMode("view");
              focusEdit();
              onChanged(message);
            }}
          />
        </>
      ) : (
        <>
          <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
            <div className="min-w-0">
              <h3 id={headingId} className="font-semibold break-words">
                <a href={`${productUrl}${rule.listing.slug}`} target="_blank" rel="noreferrer" className="hover:underline">
                  {rule.listing.title}
                  <span className="sr-only"> (opens the product page in a new tab)</span>
                </a>
              </h3>
              {api.mode === "operator" && (
                <p className="text-sm text-muted">
                  {rule.listing.sellerName}
                  {rule.scope === "seller" ? " · pinned by the seller" : rule.createdByName ? ` · pinned by ${rule.createdByName}` : ""}
                </p>
              )}
            </div>
            <div className="flex shrink-0 gap-1.5">
              {api.mode === "operator" && rule.scope === "seller" && <Badge tone="amber">Seller pin</Badge>}
              {stateBadge[rule.state]}
            </div>
          </div>
          <p className="mt-2 text-sm text-ink">{whereText(rule)}</p>
          {audience && <p className="text-sm text-muted">{audience}</p>}
          <p className="mt-1 text-sm text-muted">
            <LocalDateTime value={rule.startsAt} /> – <LocalDateTime value={rule.endsAt} />
          </p>
          {!rule.showable && rule.state !== "ended" && (
            <p className="mt-2 text-sm text-amber-900">
              Not shown right now: the listing is sold out, not published, or its store cannot deliver. It appears again as soon as it can be bought.
            </p>
          )}
          {error && (
            <Alert tone="error" className="mt-3">
              {error}
            </Alert>
          )}
          {mode === "confirm-delete" ? (
            <div role="group" aria-label={`Confirm removing the pin of ${rule.listing.title}`} className="mt-4 rounded-lg border border-red-200 bg-red-50 p-3">
              <p className="text-sm text-red-900">Remove this pin? The listing stays for sale; it is just no longer placed here.</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <Button
                  type="button"
                  variant="danger"
                  size="sm"
                  loading={remove.isPending}
                  onClick={() => {
                    setError(null);
                    remove.mutate();
                  }}
                >
                  Remove pin
                </Button>
                <Button type="button" variant="secondary" size="sm" disabled={remove.isPending} onClick={() => setMode("view")}>
                  Keep it
                </Button>
              </div>
            </div>
          ) : (
            <div className="mt-4 flex flex-wrap gap-2">
              <Button type="button" variant="secondary" size="sm" data-edit onClick={() => setMode("edit")}>
                {rule.state === "ended" ? "Edit dates" : "Edit"}
              </Button>
              <Button type="button" variant="ghost" size="sm" onClick={() => setMode("confirm-delete")}>
                Remove
              </Button>
            </div>
          )}
        </>
      )}
    </li>
  );
}

/**
 * Pinned listings: the current and scheduled pins (or the ended ones), a form to add one, and edit /
 * remove on each. Used by the seller portal (own listings) and the operator console (everything).
 */
export function PinsManager({
  api,
  categories,
  initial,
  productUrl,
  intro,
}: {
  api: PinsApi;
  categories: CategoryOption[];
  initial: PinRule[];
  productUrl: string;
  intro?: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>("current");
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const focusAdd = () => requestAnimationFrame(() => root.current?.querySelector<HTMLButtonElement>("[data-add-pin]")?.focus());
  const formHeadingId = useId();
  const rules = useQuery({
    queryKey: ["pins", api.mode, status],
    queryFn: () => api.list(status),
    initialData: status === "current" ? initial : undefined,
  });

  const reload = () => queryClient.invalidateQueries({ queryKey: ["pins", api.mode] });

  return (
    <div ref={root} className="space-y-6">
      {intro}
      <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>

      {adding ? (
        <section aria-labelledby={formHeadingId} className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6">
          <h2 id={formHeadingId} className="mb-4 text-lg font-semibold">
            Pin a listing
          </h2>
          <PinForm
            api={api}
            categories={categories}
            initial={newPinValues(api.mode)}
            afterSave={async () => {
              setStatus("current");
              await reload();
            }}
            onCancel={() => {
              setAdding(false);
              focusAdd();
            }}
            onDone={(message) => {
              setAdding(false);
              setNotice(message);
              focusAdd();
            }}
          />
        </section>
      ) : (
        <Button
          data-add-pin
          type="button"
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
        >
          Pin a listing
        </Button>
      )}

      <section aria-label="Pins">
        <div role="group" aria-label="Show pins" className="mb-4 inline-flex rounded-full bg-stone-100 p-1">
          {(["current", "ended"] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={status === s}
              onClick={() => setStatus(s)}
              className={cn(
                "min-h-9 rounded-full px-4 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
                status === s ? "bg-white text-ink shadow-xs" : "text-muted hover:text-ink",
              )}
            >
              {s === "current" ? "Live and scheduled" : "Ended"}
            </button>
          ))}
        </div>
        <div aria-live="polite" aria-busy={rules.isFetching}>
          {rules.isError ? (
            <Alert tone="error">The pins could not be loaded. {formErrorsOf(rules.error).message}</Alert>
          ) : rules.isPending ? (
            <p className="text-sm text-muted">Loading pins…</p>
          ) : rules.data.length === 0 ? (
            <EmptyState title={status === "current" ? "Nothing pinned" : "No ended pins"}>
              {status === "current"
                ? api.mode === "operator"
                  ? "Pin a listing to a position on the home page, a category page or a search."
                  : "Pin one of your listings to the top of its category page or of a search, for the dates you choose."
                : "Pins show up here once their end date has passed."}
            </EmptyState>
          ) : (
            <ul role="list" className="grid gap-3 lg:grid-cols-2">
              {rules.data.map((rule) => (
                <PinCard
                  key={rule.id}
                  rule={rule}
                  api={api}
                  categories={categories}
                  productUrl={productUrl}
                  reload={reload}
                  onChanged={setNotice}
                  onRemoved={(message) => {
                    setNotice(message);
                    focusAdd();
                  }}
                />
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}
