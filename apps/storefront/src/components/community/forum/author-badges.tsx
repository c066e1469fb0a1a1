import type { AuthorBadge } from "@agora/core";
import { Badge } from "@agora/ui/badge";
import Link from "next/link";

/** "Seller · Store" (linking to the store), "Owner" (bought a product this thread discusses), "Staff". */
export function AuthorBadges({ badges }: { badges: AuthorBadge[] }) {
  return (
    <>
      {badges.map((b) =>
        b.kind === "seller" ? (
          <Link key="seller" href={`/s/${b.storeSlug}`} className="rounded-full focus-visible:outline-2 focus-visible:outline-brand-600">
            <Badge tone="blue">Seller · {b.storeName}</Badge>
          </Link>
        ) : b.kind === "owner" ? (
          <Badge key="owner" tone="green">
            Owner
          </Badge>
        ) : (
          <Badge key="staff" tone="amber">
            Staff
          </Badge>
        ),
      )}
    </>
  );
}
