"use client";

import { useTRPCClient } from "@agora/api/react";
import { useMemo } from "react";
import { PinsManager } from "~/components/merchandising/pins-manager";
import type { CategoryOption, PinRule, PinsApi } from "~/components/merchandising/types";

/** The pins manager bound to the operator's procedures: any listing, anywhere, sellers' pins included. */
export function OperatorPins({ initial, categories, productUrl }: { initial: PinRule[]; categories: CategoryOption[]; productUrl: string }) {
  const client = useTRPCClient();
  const api = useMemo<PinsApi>(
    () => ({
      mode: "operator",
      list: (status) => client.discovery.admin.list.query({ status }),
      search: (q) => client.discovery.admin.pinnableListings.query({ q }),
      create: (input) => client.discovery.admin.create.mutate(input),
      update: (input) => client.discovery.admin.update.mutate(input),
      remove: (id) => client.discovery.admin.delete.mutate({ id }),
    }),
    [client],
  );
  return <PinsManager api={api} categories={categories} initial={initial} productUrl={productUrl} />;
}
