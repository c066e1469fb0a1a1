/** Placeholders shown during client navigation while a page that was never visited is built. */

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-stone-200/70 ${className}`} />;
}

export function GridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="overflow-hidden rounded-xl border border-stone-200 bg-white">
          <div className="aspect-square animate-pulse bg-stone-100" />
          <div className="space-y-2 p-3 sm:p-4">
            <Bar className="h-3 w-16" />
            <Bar className="h-4 w-full" />
            <Bar className="h-4 w-20" />
          </div>
        </div>
      ))}
    </div>
  );
}

export function BrowseSkeleton() {
  return (
    <div aria-busy="true" className="mx-auto max-w-7xl px-4 pt-5 pb-4 sm:pt-8">
      <span className="sr-only" role="status">
        Loading products…
      </span>
      <Bar className="h-4 w-40" />
      <Bar className="mt-4 h-8 w-64" />
      <div className="mt-6 mb-4 flex justify-between border-b border-stone-200 pb-3">
        <Bar className="h-5 w-32" />
        <Bar className="h-10 w-48" />
      </div>
      <GridSkeleton />
    </div>
  );
}

export function ProductSkeleton() {
  return (
    <div aria-busy="true" className="mx-auto max-w-7xl px-4 pt-5 pb-4 sm:pt-8">
      <span className="sr-only" role="status">
        Loading product…
      </span>
      <Bar className="h-4 w-64" />
      <div className="mt-5 grid gap-8 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-12">
        <div className="aspect-square animate-pulse rounded-2xl bg-stone-100" />
        <div className="space-y-4">
          <Bar className="h-4 w-24" />
          <Bar className="h-9 w-full" />
          <Bar className="h-4 w-40" />
          <Bar className="mt-6 h-8 w-32" />
          <Bar className="h-11 w-64" />
          <Bar className="h-40 w-full rounded-2xl" />
        </div>
      </div>
    </div>
  );
}
