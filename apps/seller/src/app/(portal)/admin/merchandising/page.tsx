import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { requireOperator } from "~/lib/session";
import { api } from "~/trpc/server";
import { OperatorPins } from "./operator-pins";

export const metadata: Metadata = { title: "Merchandising" };

export default async function MerchandisingPage() {
  await requireOperator();
  const caller = await api();
  const [rules, tree] = await Promise.all([caller.discovery.admin.list({ status: "current" }), caller.catalog.categories()]);
  return (
    <>
      <PageHeader
        title="Merchandising"
        description="Pin any listing to a position on the home page, a category page or a search, for a date range. Sellers' own pins are listed too. A pin shows only while its listing is in stock and can be delivered."
      />
      <OperatorPins
        initial={rules}
        categories={tree.map((top) => ({ id: top.id, name: top.name, children: top.children.map((c) => ({ id: c.id, name: c.name })) }))}
        productUrl={storefrontLinks().product}
      />
    </>
  );
}
