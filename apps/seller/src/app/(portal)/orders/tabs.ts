/** The queue's tabs in order, with the words sellers see. */
export const orderTabs = [
  { key: "new", label: "New" },
  { key: "to_ship", label: "To ship" },
  { key: "shipped", label: "Shipped" },
  { key: "delivered", label: "Delivered" },
  { key: "cancelled", label: "Cancelled" },
] as const;

export type OrderTab = (typeof orderTabs)[number]["key"];

/** The tab an order sits in, so its page can link back to the right list. */
export const tabOfStatus: Record<string, OrderTab> = {
  placed: "new",
  accepted: "to_ship",
  shipped: "shipped",
  delivered: "delivered",
  cancelled: "cancelled",
};

/** Not yet shipped and the day it was promised to arrive has passed (dates are YYYY-MM-DD, so they compare as text). */
export function isLate(order: { status: string; promisedTo: string }, today: string): boolean {
  return (order.status === "placed" || order.status === "accepted") && order.promisedTo < today;
}
