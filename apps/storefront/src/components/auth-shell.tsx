import type { ReactNode } from "react";

/** The frame around the sign-in and sign-up forms. */
export function AuthShell({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-ink">{title}</h1>
        <p className="mt-1 mb-6 text-sm text-muted">{subtitle}</p>
        {children}
      </div>
    </div>
  );
}

/** Same footprint as the form, shown while the page works out where to send you afterwards. */
export function AuthFormSkeleton({ fields, passwordHint }: { fields: number; passwordHint?: string }) {
  return (
    <div aria-hidden className="space-y-4">
      {Array.from({ length: fields }, (_, i) => (
        <div key={i} className="space-y-1">
          <div className="h-5 w-24 rounded bg-stone-100" />
          <div className="h-[40.5px] rounded-lg bg-stone-100" />
          {passwordHint && i === fields - 1 && <p className="invisible text-xs">{passwordHint}</p>}
        </div>
      ))}
      <div className="h-11 rounded-lg bg-stone-200" />
      <div className="mx-auto h-5 w-48 rounded bg-stone-100" />
    </div>
  );
}
