/** Placeholder rows while a community page loads. */
export function ForumSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading" className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-16 animate-pulse rounded-2xl bg-stone-100" />
      ))}
    </div>
  );
}
