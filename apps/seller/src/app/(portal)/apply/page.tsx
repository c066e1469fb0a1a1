import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/page-header";
import { storefrontLinks } from "~/env";
import { getMyStore, requireViewer } from "~/lib/session";
import { ApplyForm } from "./apply-form";

export const metadata: Metadata = { title: "Apply to sell" };

export default async function ApplyPage() {
  const viewer = await requireViewer();
  if (await getMyStore()) redirect("/");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Apply to sell on Agora"
        description="Tell shoppers and the marketplace team who you are. You can change everything except the store address later."
      />
      <ApplyForm storeBaseUrl={storefrontLinks().store} defaultEmail={viewer.email} />
    </div>
  );
}
