"use client";

import { useTRPC } from "@agora/api/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ROW_LENGTH } from "./row-length";
import { useAfterFirstPaint } from "../use-after-first-paint";
import { useHydrated } from "./use-hydrated";
import { ProductRail, RailSkeleton } from "./product-rail";

const TITLE = "Recently viewed";

/**
 * On a product page, for a signed-in shopper: remembers this product for them and shows the other
 * products they looked at lately. Asked for from the browser, so the product page stays one cached page
 * for everyone; signed-out visitors see nothing and send nothing.
 */
export function RecentlyViewed({ listingId }: { listingId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Asked for once the page is on screen (see useAfterFirstPaint); the row is far below the first screen.
  const me = useQuery({ ...trpc.account.me.queryOptions(), enabled: useAfterFirstPaint() });
  const signedIn = useHydrated() && Boolean(me.data);
  const { mutate: record } = useMutation(
    trpc.discovery.recordView.mutationOptions({
      // Other product pages' rows now include this product.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.discovery.recentlyViewed.pathKey(), refetchType: "none" }),
    }),
  );
  useEffect(() => {
    if (signedIn) record({ id: listingId });
  }, [signedIn, listingId, record]);

  const viewed = useQuery(trpc.discovery.recentlyViewed.queryOptions({ excludeListingId: listingId, limit: ROW_LENGTH }, { enabled: signedIn }));

  if (!signedIn || viewed.isError) return null;
  return (
    <div className="mt-12" aria-live="polite">
      {viewed.isPending ? (
        <RailSkeleton title={TITLE} />
      ) : viewed.data.length > 0 ? (
        <ProductRail id={`recently-viewed-${listingId}`} title={TITLE} items={viewed.data} />
      ) : null}
    </div>
  );
}
