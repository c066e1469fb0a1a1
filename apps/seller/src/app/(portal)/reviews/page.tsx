import { Badge } from "@agora/ui/badge";
import { cn } from "@agora/ui/cn";
import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import { sellerReviewsSchema } from "@agora/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { NotApprovedYet } from "../orders/not-approved";
import { ReplyForm } from "./reply-form";

export const metadata: Metadata = { title: "Reviews" };

type Search = { filter?: string | string[]; page?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const stars = (n: number) => "★".repeat(n) + "☆".repeat(5 - n);

/** The store's reviews (its own listings only), newest first, each with the store's public reply. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { store } = await requireStore();
  if (store.status !== "approved") return <NotApprovedYet title="Reviews" />;
  const sp = await searchParams;
  const parsed = sellerReviewsSchema.safeParse({ filter: first(sp.filter), page: first(sp.page) });
  const { filter, page } = parsed.success ? parsed.data : { filter: "all" as const, page: 1 };
  const result = await (await api()).reviews.sellerList({ filter, page });
  const links = storefrontLinks();
  const href = (f: "all" | "unreplied", p = 1) => `/reviews?filter=${f}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <>
      <PageHeader
        title="Reviews"
        description={
          result.summary.average !== null
            ? `Your store is rated ${result.summary.average.toFixed(1)} out of 5 from ${result.summary.count} ${result.summary.count === 1 ? "review" : "reviews"}. Reply publicly to thank shoppers or put things right.`
            : "Shoppers review what they bought once it is delivered. Reply publicly to thank them or put things right."
        }
      />
      <nav aria-label="Review filter" className="-mx-4 mb-5 overflow-x-auto px-4">
        <ul role="list" className="flex min-w-max gap-1 border-b border-stone-200">
          {(
            [
              ["all", "All reviews"],
              ["unreplied", `Without a reply (${result.unreplied})`],
            ] as const
          ).map(([key, label]) => (
            <li key={key}>
              <Link
                href={href(key)}
                aria-current={key === filter ? "page" : undefined}
                className={cn(
                  "relative -mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap",
                  key === filter ? "border-brand-600 text-ink" : "border-transparent text-muted hover:border-stone-300 hover:text-ink",
                )}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {result.items.length === 0 ? (
        <EmptyState title={filter === "unreplied" ? "Every review has a reply" : "No reviews yet"}>
          {filter === "unreplied" ? "Nice work: nothing is waiting for you here." : "Reviews of your products appear here as soon as shoppers post them."}
        </EmptyState>
      ) : (
        <ul role="list" className="space-y-4">
          {result.items.map((r) => (
            <li key={r.id} className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="text-amber-500" role="img" aria-label={`${r.rating} out of 5 stars`}>
                  {stars(r.rating)}
                </span>
                <h2 className="text-[15px] font-semibold text-ink">{r.title}</h2>
                {r.status === "pending" && <Badge tone="amber">Waiting for a moderator</Badge>}
              </div>
              <p className="mt-1 text-sm text-muted">
                {r.authorName} · {dateFormat.format(r.createdAt)} · on{" "}
                <a href={`${links.product}${r.listingSlug}#review-${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.listingTitle}
                </a>
              </p>
              {/* Rendered from markdown and sanitised with an allowlist on the server when saved. */}
              <div className="prose-agora mt-2 max-w-prose text-sm" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
              {r.replyHtml && r.repliedAt && (
                <div className="mt-3 rounded-lg border-l-4 border-brand-600 bg-stone-50 px-4 py-3">
                  <p className="text-sm font-semibold text-ink">Your reply · {dateFormat.format(r.repliedAt)}</p>
                  <div className="prose-agora mt-1 text-sm" dangerouslySetInnerHTML={{ __html: r.replyHtml }} />
                </div>
              )}
              <div className="mt-3">
                <ReplyForm reviewId={r.id} existing={r.replySource} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => href(filter, p)} />
    </>
  );
}
