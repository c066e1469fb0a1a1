import { EmptyState } from "@agora/ui/empty-state";
import { cn } from "@agora/ui/cn";
import { sellerStatusFilterSchema } from "@agora/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireOperator } from "~/lib/session";
import { api } from "~/trpc/server";
import { ReviewQueue } from "./application-card";

export const metadata: Metadata = { title: "Operator console" };

const filters = [
  { value: "pending", label: "Pending" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
  { value: "suspended", label: "Suspended" },
  { value: "all", label: "All" },
] as const;

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ status?: string | string[] }> }) {
  await requireOperator();
  const raw = (await searchParams).status;
  const requested = Array.isArray(raw) ? raw[0] : raw;
  const current = requested === "all" ? "all" : (sellerStatusFilterSchema.shape.status.safeParse(requested).data ?? "pending");
  const sellers = await (await api()).admin.sellers.list({ status: current === "all" ? undefined : current });
  const storeBase = storefrontLinks().store;

  return (
    <>
      <PageHeader
        title="Seller applications"
        description="Review stores that applied to sell. Approved stores can publish listings at once."
      />
      <nav aria-label="Filter by status" className="mb-5 flex gap-1 overflow-x-auto">
        {filters.map((f) => (
          <Link
            key={f.value}
            href={f.value === "pending" ? "/admin" : `/admin?status=${f.value}`}
            aria-current={current === f.value ? "page" : undefined}
            className={cn(
              "inline-flex min-h-10 shrink-0 items-center rounded-full px-4 text-sm font-medium",
              current === f.value ? "bg-ink text-white" : "bg-white text-ink ring-1 ring-stone-300 hover:bg-stone-50",
            )}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {sellers.length === 0 ? (
        <EmptyState title={current === "pending" ? "No applications waiting" : "No stores here"}>
          {current === "pending" ? "New applications show up here as soon as they are submitted." : "Try another status."}
        </EmptyState>
      ) : (
        <ReviewQueue
          entries={sellers.map(({ seller, listingCount }) => ({
            storeUrl: `${storeBase}${seller.slug}`,
            listingCount,
            seller: {
              id: seller.id,
              name: seller.name,
              slug: seller.slug,
              status: seller.status,
              statusReason: seller.statusReason,
              description: seller.description,
              contactEmail: seller.contactEmail,
              contactPhone: seller.contactPhone,
              returnPolicy: seller.returnPolicy,
              createdAt: seller.createdAt.toISOString(),
              reviewedAt: seller.reviewedAt?.toISOString() ?? null,
            },
          }))}
        />
      )}
    </>
  );
}
