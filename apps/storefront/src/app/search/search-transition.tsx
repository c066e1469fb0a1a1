"use client";

import { cn } from "@agora/ui/cn";
import { useRouter } from "next/navigation";
import { createContext, use, useTransition, type FormEvent, type ReactNode } from "react";

interface SearchTransition {
  pending: boolean;
  navigate: (href: string) => void;
}

const Context = createContext<SearchTransition | null>(null);

/**
 * Filter and sort changes navigate inside one transition: the current results stay on screen (dimmed
 * and marked busy) until the new ones are ready, instead of flashing a skeleton.
 */
export function SearchTransitionProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (href: string) => startTransition(() => router.push(href, { scroll: false }));
  return <Context value={{ pending, navigate }}>{children}</Context>;
}

function useSearchTransition(): SearchTransition {
  const value = use(Context);
  if (!value) throw new Error("useSearchTransition outside SearchTransitionProvider");
  return value;
}

export function PendingRegion({ children, className }: { children: ReactNode; className?: string }) {
  const { pending } = useSearchTransition();
  return (
    <div aria-busy={pending || undefined} className={cn("transition-opacity", pending && "opacity-60", className)}>
      {children}
    </div>
  );
}

function hrefOf(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string" && value !== "") params.append(name, value);
  const qs = params.toString();
  return qs ? `/search?${qs}` : "/search";
}

/**
 * A GET form to /search: without scripts its submit button applies it; with scripts every change
 * applies at once. Submitting also closes the phone's filter panel it sits in.
 */
export function AutoSubmitForm({ children, className, label }: { children: ReactNode; className?: string; label: string }) {
  const { navigate } = useSearchTransition();
  // No preventDefault on change: React reports a checkbox's change from its click, and cancelling
  // that click would undo the tick.
  const apply = (e: FormEvent<HTMLFormElement>) => navigate(hrefOf(e.currentTarget));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply(e);
    e.currentTarget.closest("details")?.removeAttribute("open");
  };
  return (
    <form method="get" action="/search" aria-label={label} onChange={apply} onSubmit={submit} className={className}>
      {children}
    </form>
  );
}
