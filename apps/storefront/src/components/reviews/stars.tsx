import { cn } from "@agora/ui/cn";

const STAR_PATH = "M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z";

/** "4.5 out of 5 stars", or "No ratings yet". */
export const ratingLabel = (average: number | null) => (average === null ? "No ratings yet" : `${average.toFixed(1)} out of 5 stars`);

/**
 * Five stars filled to the rating (to the tenth). Decorative for screen readers unless `label` is set:
 * callers usually say the rating in words next to it.
 */
export function Stars({ rating, size = "sm", label, className }: { rating: number; size?: "xs" | "sm" | "md"; label?: string; className?: string }) {
  const px = size === "xs" ? 12 : size === "sm" ? 16 : 22;
  const clamped = Math.max(0, Math.min(5, rating));
  return (
    <span
      className={cn("inline-flex shrink-0 items-center", className)}
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {[0, 1, 2, 3, 4].map((i) => {
        const fill = Math.max(0, Math.min(1, clamped - i));
        return (
          <svg key={i} width={px} height={px} viewBox="0 0 20 20" className="overflow-visible">
            <path d={STAR_PATH} className="fill-stone-200" />
            {fill > 0 && (
              <path d={STAR_PATH} className="fill-amber-500" style={fill < 1 ? { clipPath: `inset(0 ${Math.round((1 - fill) * 100)}% 0 0)` } : undefined} />
            )}
          </svg>
        );
      })}
    </span>
  );
}

/** One star for the rating input: filled or not. */
export function StarIcon({ filled, px = 28 }: { filled: boolean; px?: number }) {
  return (
    <svg width={px} height={px} viewBox="0 0 20 20" aria-hidden>
      <path d={STAR_PATH} className={filled ? "fill-amber-500" : "fill-stone-200 stroke-stone-400"} strokeWidth={0.6} />
    </svg>
  );
}

/** Stars, the average and the count in one line, e.g. on cards and store pages. */
export function RatingLine({ average, count, size = "xs", className }: { average: number; count: number; size?: "xs" | "sm"; className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs text-stone-600", className)}>
      <Stars rating={average} size={size} />
      <span>
        <span className="font-medium text-ink">{average.toFixed(1)}</span>
        <span className="sr-only"> out of 5 stars,</span> ({count}
        <span className="sr-only"> {count === 1 ? "review" : "reviews"}</span>)
      </span>
    </span>
  );
}
