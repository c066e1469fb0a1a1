import type { Metadata } from "next";
import { Breadcrumb } from "~/components/breadcrumb";
import { NotificationList } from "~/components/community/forum/notification-list";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

/** The shell is static; the member's notifications are read by the browser. */
export default function NotificationsPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:py-10">
      <Breadcrumb items={[{ label: "Community", href: "/community" }, { label: "Notifications" }]} />
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">Notifications</h1>
      <NotificationList />
    </div>
  );
}
