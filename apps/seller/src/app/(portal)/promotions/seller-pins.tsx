"use client";

import { useTRPCClient } from "@agora/api/react";
import { useMemo } from "react";
import { PinsManager } from "~/components/merchandising/pins-manager";
import type { PinRule, PinsApi } from "~/components/merchandising/types";

/** The pins manager bound to the seller's own procedures: own listings, category pages and searches. */
export function SellerPins({ initial, productUrl }: { initial: PinRule[]; productUrl: string }) {
  const client = useTRPCClient();
  const api = useMemo<PinsApi>(
    () => ({
      mode: "seller",
      list: (status) => client.discovery.seller.list.query({ status }),
      search: (q) => client.discovery.seller.pinnableListings.query({ q }),
      create: (input) => client.discovery.seller.create.mutate(input),
      update: (input) => client.discovery.seller.update.mutate(input),
      remove: (id) => client.discovery.seller.delete.mutate({ id }),
    }),
    [client],
  );
  return <PinsManager api={api} categories={[]} initial={initial} productUrl={productUrl} />;
}
