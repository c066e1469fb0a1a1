import { EmptyState } from "@agora/ui/empty-state";
import { PageHeader } from "~/components/page-header";

export function NotApprovedYet({ title = "Orders" }: { title?: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Your store is not selling yet">
        Orders and payouts appear here once the marketplace team approves your store and your listings are published.
      </EmptyState>
    </>
  );
}
