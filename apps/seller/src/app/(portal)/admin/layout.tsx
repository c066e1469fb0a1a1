import type { ReactNode } from "react";
import { AdminTabs } from "./admin-tabs";

/** The operator console's sections. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AdminTabs />
      {children}
    </>
  );
}
