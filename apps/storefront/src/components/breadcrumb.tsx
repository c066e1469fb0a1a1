import { PaintedLink } from "./painted-link";

export interface Crumb {
  label: string;
  href?: string;
}

/** Where this page sits; the last crumb is the current page. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol role="list" className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-muted">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${item.label}-${i}`} className="flex items-center gap-1.5">
              {item.href && !last ? (
                <PaintedLink href={item.href} className="hover:text-ink hover:underline">
                  {item.label}
                </PaintedLink>
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "font-medium text-ink" : undefined}>
                  {item.label}
                </span>
              )}
              {!last && (
                <svg viewBox="0 0 20 20" className="size-3.5 text-stone-400" fill="currentColor" aria-hidden>
                  <path d="M7.2 4.7a.75.75 0 0 1 1.06 0l4.77 4.77a.75.75 0 0 1 0 1.06L8.26 15.3a.75.75 0 1 1-1.06-1.06L11.44 10 7.2 5.76a.75.75 0 0 1 0-1.06Z" />
                </svg>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
