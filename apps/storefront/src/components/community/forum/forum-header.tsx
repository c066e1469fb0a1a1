import { buttonClasses } from "@agora/ui/button";
import Link from "next/link";
import type { ReactNode } from "react";

/** The community pages' heading row: title, search and "New thread". */
export function ForumHeader({ title, children, newThreadHref = "/community/new", query = "" }: { title: ReactNode; children?: ReactNode; newThreadHref?: string | null; query?: string }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{title}</h1>
          {children}
        </div>
        <div className="flex items-center gap-2">
          <Link href="/community/notifications" className={buttonClasses("ghost", "sm")}>
            Notifications
          </Link>
          {newThreadHref && (
            <Link href={newThreadHref} className={buttonClasses("primary", "sm")}>
              New thread
            </Link>
          )}
        </div>
      </div>
      <form action="/community/search" role="search" className="flex gap-2">
        <label htmlFor="forum-search" className="sr-only">
          Search the community
        </label>
        <input
          id="forum-search"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="Search threads"
          className="block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base text-ink shadow-sm placeholder:text-stone-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none sm:text-sm"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
      </form>
    </div>
  );
}
