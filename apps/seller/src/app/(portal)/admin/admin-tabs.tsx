"use client";

import { cn } from "@agora/ui/cn";
import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  { href: "/admin", label: "Seller applications" },
  { href: "/admin/merchandising", label: "Merchandising" },
  { href: "/admin/moderation", label: "Moderation" },
  { href: "/admin/stories", label: "Stories" },
];

export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Operator console" className="mb-6 flex gap-1 overflow-x-auto border-b border-stone-200">
      {sections.map((s) => {
        const current = s.href === "/admin" ? pathname === "/admin" : pathname.startsWith(s.href);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px inline-flex min-h-11 shrink-0 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap",
              current ? "border-ink text-ink" : "border-transparent text-muted hover:border-stone-300 hover:text-ink",
            )}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
