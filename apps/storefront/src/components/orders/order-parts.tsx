import type { OrderStatus } from "@agora/core";
import { Badge, type BadgeTone } from "@agora/ui/badge";
import { cn } from "@agora/ui/cn";
import { ImagePlaceholder, ListingImage } from "../listing-image";

type Fulfilment = "shipping" | "pickup";

const tones: Record<OrderStatus, BadgeTone> = {
  pending_payment: "neutral",
  placed: "blue",
  accepted: "blue",
  shipped: "amber",
  delivered: "green",
  cancelled: "red",
};

/** The status in the shopper's words; a click-and-collect order is "ready" rather than "shipped". */
export function orderStatusLabel(status: OrderStatus, fulfilment: Fulfilment): string {
  switch (status) {
    case "pending_payment":
      return "Awaiting payment";
    case "placed":
      return "Order placed";
    case "accepted":
      return "Being prepared";
    case "shipped":
      return fulfilment === "pickup" ? "Ready for pickup" : "Shipped";
    case "delivered":
      return fulfilment === "pickup" ? "Picked up" : "Delivered";
    case "cancelled":
      return "Cancelled";
  }
}

export function OrderStatusBadge({
  status,
  fulfilment,
  className,
}: {
  status: OrderStatus;
  fulfilment: Fulfilment;
  className?: string;
}) {
  return (
    <Badge tone={tones[status]} className={className}>
      {orderStatusLabel(status, fulfilment)}
    </Badge>
  );
}

const brands: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover" };

/** "Visa •••• 4242", read aloud as "Visa ending in 4242". */
export function CardLabel({ brand, last4 }: { brand: string | null; last4: string | null }) {
  const name = (brand && brands[brand]) ?? "Card";
  if (!last4) return <span>{name}</span>;
  return (
    <span>
      {name} <span aria-hidden>•••• {last4}</span>
      <span className="sr-only">ending in {last4}</span>
    </span>
  );
}

/** A line's snapshot image (decorative: the title is always next to it), or an empty box once it is gone. */
export function LineThumb({
  image,
  size = "md",
  className,
}: {
  image: { storageKey: string; widths: number[] } | null;
  size?: "sm" | "md";
  className?: string;
}) {
  return (
    <div
      aria-hidden
      className={cn(
        size === "sm" ? "size-14" : "size-20 sm:size-24",
        "shrink-0 overflow-hidden rounded-lg bg-stone-100",
        className,
      )}
    >
      {image ? (
        <ListingImage image={image} alt="" width={96} height={96} sizes={size === "sm" ? "56px" : "96px"} preferredWidth={200} />
      ) : (
        <ImagePlaceholder label="" className="[&_svg]:size-6" />
      )}
    </div>
  );
}
