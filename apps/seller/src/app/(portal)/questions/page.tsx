import { EmptyState } from "@agora/ui/empty-state";
import { Pagination } from "@agora/ui/pagination";
import { sellerQuestionsSchema } from "@agora/validators";
import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { NotApprovedYet } from "../orders/not-approved";
import { AnswerForm } from "./answer-form";

export const metadata: Metadata = { title: "Questions" };

type Search = { page?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** Shoppers' questions about the store's own listings that nobody has answered yet, oldest first. */
export default async function QuestionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { store } = await requireStore();
  if (store.status !== "approved") return <NotApprovedYet title="Questions" />;
  const parsed = sellerQuestionsSchema.safeParse({ page: first((await searchParams).page) });
  const page = parsed.success ? parsed.data.page : 1;
  const result = await (await api()).questions.sellerUnanswered({ page });
  const links = storefrontLinks();

  return (
    <>
      <PageHeader
        title="Questions"
        description={
          result.total > 0
            ? `${result.total} ${result.total === 1 ? "question is" : "questions are"} waiting for an answer. Answers appear on the product page with the “Seller” badge.`
            : "Questions shoppers ask on your product pages appear here until someone answers them."
        }
      />
      {result.items.length === 0 ? (
        <EmptyState title="No unanswered questions">Every question about your products has an answer.</EmptyState>
      ) : (
        <ul role="list" className="space-y-4">
          {result.items.map((q) => (
            <li key={q.id} className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
              <p className="text-sm text-muted">
                {q.authorName} asked on {dateFormat.format(q.createdAt)} about{" "}
                <a href={`${links.product}${q.listingSlug}#question-${q.id}`} className="font-medium text-brand-700 hover:underline">
                  {q.listingTitle}
                </a>
              </p>
              {/* Rendered from markdown and sanitised with an allowlist on the server when saved. */}
              <div className="prose-agora mt-1 text-[15px] font-medium text-ink" dangerouslySetInnerHTML={{ __html: q.bodyHtml }} />
              <div className="mt-3">
                <AnswerForm questionId={q.id} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(p) => `/questions${p > 1 ? `?page=${p}` : ""}`} />
    </>
  );
}
