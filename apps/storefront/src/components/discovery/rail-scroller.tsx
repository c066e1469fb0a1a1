"use client";

import { cn } from "@agora/ui/cn";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { SectionHeading } from "../section-heading";

const arrow = "inline-flex size-10 items-center justify-center rounded-full bg-white text-ink ring-1 ring-stone-300 transition hover:bg-stone-50 disabled:cursor-default disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * A titled row of cards that scrolls sideways (swipe on phones). On wider screens two buttons page through
 * it; they are only a shortcut — every card is reachable with Tab, and the browser scrolls it into view.
 */
export function RailScroller({ headingId, title, description, children }: { headingId: string; title: string; description?: string; children: ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  const [edges, setEdges] = useState({ atStart: true, atEnd: true });

  const measure = useCallback(() => {
    const el = list.current;
    if (!el) return;
    setEdges({ atStart: el.scrollLeft <= 4, atEnd: el.scrollLeft + el.clientWidth >= el.scrollWidth - 4 });
  }, []);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, [measure]);

  const page = (direction: 1 | -1) => {
    const el = list.current;
    if (!el) return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollBy({ left: direction * el.clientWidth * 0.9, behavior: reduce ? "auto" : "smooth" });
  };

  const scrolls = !(edges.atStart && edges.atEnd);
  return (
    <>
      <SectionHeading
        id={headingId}
        title={title}
        description={description}
        action={
          <div className={cn("hidden shrink-0 gap-2 sm:flex", !scrolls && "invisible")}>
            <button type="button" className={arrow} onClick={() => page(-1)} disabled={edges.atStart} aria-label={`Show earlier items in ${title}`}>
              <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
                <path d="m12.5 4.5-5.5 5.5 5.5 5.5" />
              </svg>
            </button>
            <button type="button" className={arrow} onClick={() => page(1)} disabled={edges.atEnd} aria-label={`Show more items in ${title}`}>
              <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
                <path d="m7.5 4.5 5.5 5.5-5.5 5.5" />
              </svg>
            </button>
          </div>
        }
      />
      <ul
        ref={list}
        role="list"
        aria-labelledby={headingId}
        className="-mx-4 flex snap-x snap-mandatory scroll-px-4 gap-3 overflow-x-auto px-4 pt-1 pb-3 [scrollbar-width:thin] sm:mx-0 sm:scroll-px-0 sm:gap-4 sm:px-0"
      >
        {children}
      </ul>
    </>
  );
}
