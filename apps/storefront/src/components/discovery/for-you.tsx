"use client";

import { useTRPC } from "@agora/api/react";
import { useQuery } from "@tanstack/react-query";
import { ProductRail } from "./product-rail";
import { ROW_LENGTH } from "./row-length";
import { useAfterFirstPaint } from "../use-after-first-paint";
import { useHydrated } from "./use-hydrated";

/**
 * The home page's "For you" row: only for a signed-in shopper who turned on personalised
 * recommendations (the server answers with nothing otherwise). Fetched by the browser so the home page
 * stays one cached page for everyone.
 */
export function ForYou() {
  const trpc = useTRPC();
  // Asked for once the page is on screen (see useAfterFirstPaint): a signed-out visitor's first frame
  // (the cached page, the same for everyone) does not wait for the question.
  const me = useQuery({ ...trpc.account.me.queryOptions(), enabled: useAfterFirstPaint() });
  const signedIn = useHydrated() && Boolean(me.data);
  const picks = useQuery(trpc.discovery.forYou.queryOptions({ limit: ROW_LENGTH * 2 }, { enabled: signedIn }));
  if (!signedIn || !picks.data?.length) return null;
  return (
    <ProductRail
      id="for-you"
      title="For you"
      description="Picked from what you viewed and bought. You can turn this off in your account settings."
      items={picks.data}
    />
  );
}
