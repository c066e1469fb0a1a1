"use client";

import { cn } from "@agora/ui/cn";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** Shown as a badge, e.g. orders waiting to be accepted; countLabel is what a screen reader hears. */
  count?: number;
  countLabel?: string;
}

function isCurrent(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items, operator }: { items: NavItem[]; operator: boolean }) {
  const pathname = usePathname();
  const link = (item: NavItem) => (
    <Link
      key={item.href}
      href={item.href}
      aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
      className={cn(
        "relative inline-flex min-h-11 shrink-0 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
        isCurrent(pathname, item.href)
          ? "border-brand-600 text-ink"
          : "border-transparent text-muted hover:border-stone-300 hover:text-ink",
      )}
    >
      {item.label}
      {item.count ? (
        <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-brand-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums">
          {item.count}
          {item.countLabel && <span className="sr-only"> {item.countLabel}</span>}
        </span>
      ) : null}
    </Link>
  );
  return (
    <nav aria-label="Seller portal" className="-mb-px flex overflow-x-auto">
      {items.map(link)}
      {operator && <span className="ml-auto flex">{link({ href: "/admin", label: "Operator console" })}</span>}
    </nav>
  );
}
