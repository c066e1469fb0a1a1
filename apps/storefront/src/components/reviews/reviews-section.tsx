"use client";

import type { RouterOutputs } from "@agora/api";
import { useTRPC } from "@agora/api/react";
import { useHydrated } from "~/components/discovery/use-hydrated";
import { Alert } from "@agora/ui/alert";
import { Badge } from "@agora/ui/badge";
import { Button } from "@agora/ui/button";
import { type ReviewSort } from "@agora/validators";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { FlagButton } from "~/components/community/flag-button";
import { LocalDate } from "~/components/orders/local-date";
import { useAfterFirstPaint } from "~/components/use-after-first-paint";
import { ratingLabel, Stars } from "./stars";

// The form checks its input with the shared zod schema before sending: its code (zod is ~31 KB
// compressed) loads when a shopper who may review opens it, not with every product page.
const ReviewForm = dynamic(() => import("./review-form").then((m) => m.ReviewForm));

type ReviewPage = RouterOutputs["reviews"]["list"];
type Review = ReviewPage["items"][number];

const sortLabels: Record<ReviewSort, string> = { newest: "Newest", highest: "Highest rated", lowest: "Lowest rated" };
const statusNotes: Partial<Record<Review["status"], string>> = {
  pending: "Waiting for a moderator: only you can see it for now.",
  hidden: "Hidden by a moderator: only you can see it.",
};

/**
 * The product page's reviews, fetched by the browser so the cached page shell stays the same for
 * everyone and the reviews are always current: the rating breakdown, sorting, "show more" paging, the
 * seller's replies, and the form for a shopper whose order of this product was delivered.
 */
export function ReviewsSection({ listingId, listingSlug }: { listingId: string; listingSlug: string }) {
  const trpc = useTRPC();
  const headingId = `reviews-${listingId}`;
  const sortId = useId();
  const [sort, setSort] = useState<ReviewSort>("newest");
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Until hydrated this shows what the server sent (loading), even if answers already arrived for
  // other parts of the page: anything else would not match the server HTML.
  const hydrated = useHydrated();
  // Asked for once the page is on screen: the sized placeholders below are drawn first, and a phone's
  // first frame does not wait for these requests (see useAfterFirstPaint).
  const painted = useAfterFirstPaint();
  const me = useQuery({ ...trpc.account.me.queryOptions(), enabled: painted });
  const mePending = !hydrated || me.isPending;
  const signedIn = hydrated && Boolean(me.data);
  const mine = useQuery(trpc.reviews.mine.queryOptions({ listingId }, { enabled: signedIn }));
  const list = useInfiniteQuery(
    trpc.reviews.list.infiniteQueryOptions(
      { listingId, sort, limit: 10 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, enabled: painted },
    ),
  );

  // "Write a review" links from the order page land here with #write-review.
  useEffect(() => {
    if (window.location.hash === "#write-review") setFormOpen(true);
  }, []);

  const listData = hydrated ? list.data : undefined;
  const first = listData?.pages[0];
  const breakdown = first?.breakdown;
  const items = listData?.pages.flatMap((p) => p.items) ?? [];
  const eligibility = hydrated ? mine.data?.eligibility : undefined;
  const own = (hydrated ? mine.data?.review : null) ?? null;
  // Someone who may write (or edit) a review gets the form's code ahead of the click.
  const mayReview = signedIn && Boolean(eligibility?.canReview || own);
  useEffect(() => {
    if (mayReview) void import("./review-form");
  }, [mayReview]);

  return (
    <section aria-labelledby={headingId} id="reviews" className="mt-12 scroll-mt-24">
      <h2 id={headingId} className="text-xl font-semibold tracking-tight text-ink sm:text-2xl">
        Reviews
      </h2>

      <div className="mt-4 grid gap-8 lg:grid-cols-[18rem_minmax(0,1fr)] lg:gap-12">
        <div className="space-y-4">
          {breakdown ? <Breakdown breakdown={breakdown} /> : <div aria-hidden className="h-40 animate-pulse rounded-xl bg-stone-100" />}
          <div id="write-review" className="scroll-mt-24 space-y-2">
            {notice && <Alert tone="success">{notice}</Alert>}
            {!signedIn ? (
              mePending ? null : (
                <p className="text-sm text-muted">
                  Bought this?{" "}
                  <Link href={`/sign-in?next=${encodeURIComponent(`/p/${listingSlug}#write-review`)}`} className="font-medium text-brand-700 hover:underline">
                    Sign in to review it
                  </Link>
                  .
                </p>
              )
            ) : eligibility?.canReview || own ? (
              !formOpen && (
                <Button type="button" variant={own ? "secondary" : "primary"} onClick={() => (setNotice(null), setFormOpen(true))}>
                  {own ? "Edit your review" : "Write a review"}
                </Button>
              )
            ) : eligibility && eligibility.reason !== "already_reviewed" ? (
              <p className="text-sm text-muted">{eligibility.message}</p>
            ) : null}
          </div>
        </div>

        <div className="min-w-0 space-y-4">
          {formOpen && signedIn && (eligibility?.canReview || own) && (
            <ReviewForm
              listingId={listingId}
              existing={own ? { id: own.id, rating: own.rating, title: own.title, body: own.body } : null}
              onCancel={() => setFormOpen(false)}
              onDone={(message) => {
                setFormOpen(false);
                setNotice(message);
              }}
            />
          )}

          {breakdown && breakdown.count > 0 && (
            <div className="flex items-center justify-between gap-3">
              <p className="text-sm text-muted" aria-live="polite">
                {breakdown.count} {breakdown.count === 1 ? "review" : "reviews"}
              </p>
              <div className="flex items-center gap-2">
                <label htmlFor={sortId} className="text-sm text-muted">
                  Sort by
                </label>
                <select
                  id={sortId}
                  value={sort}
                  onChange={(e) => setSort(e.currentTarget.value as ReviewSort)}
                  className="min-h-10 rounded-lg border border-stone-300 bg-white py-1.5 pr-8 pl-3 text-sm text-ink focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
                >
                  {(Object.keys(sortLabels) as ReviewSort[]).map((value) => (
                    <option key={value} value={value}>
                      {sortLabels[value]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}

          {!hydrated || list.isPending ? (
            <div aria-busy="true" className="space-y-3">
              <span className="sr-only" role="status">
                Loading reviews…
              </span>
              {[0, 1].map((i) => (
                <div key={i} aria-hidden className="h-28 animate-pulse rounded-xl bg-stone-100" />
              ))}
            </div>
          ) : list.isError ? (
            <Alert tone="error">
              The reviews could not be loaded.{" "}
              <button type="button" className="font-medium underline" onClick={() => void list.refetch()}>
                Try again
              </button>
            </Alert>
          ) : items.length === 0 ? (
            <p className="rounded-xl border border-dashed border-stone-300 bg-white px-4 py-8 text-center text-sm text-muted">
              No reviews yet. Shoppers who buy this product can review it once it is delivered.
            </p>
          ) : (
            <ul role="list" className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
              {items.map((review) => (
                <ReviewItem key={review.id} review={review} />
              ))}
            </ul>
          )}

          {list.hasNextPage && (
            <Button type="button" variant="secondary" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              Show more reviews
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}

function Breakdown({ breakdown }: { breakdown: ReviewPage["breakdown"] }) {
  if (breakdown.count === 0 || breakdown.average === null)
    return (
      <div className="rounded-xl border border-stone-200 bg-white p-4">
        <Stars rating={0} size="md" />
        <p className="mt-2 text-sm text-muted">No ratings yet</p>
      </div>
    );
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4">
      <div className="flex items-center gap-3">
        <p className="text-4xl font-bold tracking-tight text-ink">{breakdown.average.toFixed(1)}</p>
        <div>
          <Stars rating={breakdown.average} size="md" label={ratingLabel(breakdown.average)} />
          <p className="text-sm text-muted">
            {breakdown.count} {breakdown.count === 1 ? "rating" : "ratings"}
          </p>
        </div>
      </div>
      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">How many reviews gave each number of stars</caption>
        <tbody>
          {breakdown.stars.map((row) => {
            const share = breakdown.count ? Math.round((row.count / breakdown.count) * 100) : 0;
            return (
              <tr key={row.stars}>
                <th scope="row" className="w-14 py-1 pr-2 text-left font-normal whitespace-nowrap text-stone-700">
                  {row.stars} {row.stars === 1 ? "star" : "stars"}
                </th>
                <td className="py-1">
                  <div aria-hidden className="h-2.5 overflow-hidden rounded-full bg-stone-100">
                    <div className="h-full rounded-full bg-amber-500" style={{ width: `${share}%` }} />
                  </div>
                </td>
                <td className="w-14 py-1 pl-2 text-right text-stone-600 tabular-nums">
                  {row.count}
                  <span className="sr-only"> ({share}%)</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ReviewItem({ review }: { review: Review }) {
  const note = review.mine ? statusNotes[review.status] : undefined;
  return (
    <li id={`review-${review.id}`} className="scroll-mt-24 space-y-2 p-4 sm:p-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Stars rating={review.rating} label={`${review.rating} out of 5 stars`} />
        <h3 className="text-[15px] font-semibold text-ink">{review.title}</h3>
      </div>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
        <span className="font-medium text-stone-700">{review.authorName}</span>
        {review.verifiedBuyer && <Badge tone="green">Verified buyer</Badge>}
        {review.mine && <Badge tone="blue">Your review</Badge>}
        <span aria-hidden>·</span>
        <LocalDate value={review.createdAt} />
        {review.editedAt && <span>(edited)</span>}
        {review.variantLabel && (
          <>
            <span aria-hidden>·</span>
            <span>{review.variantLabel}</span>
          </>
        )}
      </p>
      {note && <Alert tone="warning">{note}</Alert>}
      {/* Rendered from markdown and sanitised with an allowlist on the server when saved. */}
      <div className="prose-agora max-w-prose text-[15px]" dangerouslySetInnerHTML={{ __html: review.bodyHtml }} />
      {review.sellerReply && (
        <div className="mt-3 rounded-lg border-l-4 border-brand-600 bg-stone-50 px-4 py-3" aria-label="Reply from the seller" role="group">
          <p className="text-sm font-semibold text-ink">
            Reply from the seller{" "}
            <span className="font-normal text-muted">
              · <LocalDate value={review.sellerReply.repliedAt} />
            </span>
          </p>
          <div className="prose-agora mt-1 max-w-prose text-sm" dangerouslySetInnerHTML={{ __html: review.sellerReply.html }} />
        </div>
      )}
      {!review.mine && (
        <div className="pt-1">
          <FlagButton targetType="review" targetId={review.id} />
        </div>
      )}
    </li>
  );
}
