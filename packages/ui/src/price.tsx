import { cn } from "./cn";

// One formatter per currency: building an Intl.NumberFormat costs far more than using one, and a grid
// of cards renders dozens of prices (again in the browser while it hydrates).
const formats = new Map<string, Intl.NumberFormat>();

function format(minor: number, currency: string) {
  let formatter = formats.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formats.set(currency, formatter);
  }
  return formatter.format(minor / 100);
}

/** A price in minor units, with the compare-at price struck through when it is a sale. */
export function Price({
  amountMinor,
  compareAtMinor,
  currency = "USD",
  className,
  prefix,
}: {
  amountMinor: number;
  compareAtMinor?: number | null;
  currency?: string;
  className?: string;
  prefix?: string;
}) {
  const onSale = compareAtMinor != null && compareAtMinor > amountMinor;
  return (
    <span className={cn("inline-flex flex-wrap items-baseline gap-x-2", className)}>
      <span className={cn("font-semibold", onSale && "text-sale")}>
        {prefix}
        {format(amountMinor, currency)}
      </span>
      {onSale && (
        <>
          <s className="text-sm text-muted" aria-label={`was ${format(compareAtMinor, currency)}`}>
            {format(compareAtMinor, currency)}
          </s>
          <span className="text-xs font-medium text-sale">−{Math.round((1 - amountMinor / compareAtMinor) * 100)}%</span>
        </>
      )}
    </span>
  );
}
