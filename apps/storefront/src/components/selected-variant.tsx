"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

type Selection = [string | undefined, (id: string) => void];

const SelectedVariantContext = createContext<Selection | null>(null);

/** Shares the variant chosen in the picker with the rest of the product page (e.g. where it can be picked up). */
export function SelectedVariantProvider({ children }: { children: ReactNode }) {
  const selection = useState<string>();
  return <SelectedVariantContext value={selection}>{children}</SelectedVariantContext>;
}

/** The chosen variant's id (`initialId` until someone chooses), shared through the provider, or local without one. */
export function useSelectedVariant(initialId: string | undefined): Selection {
  const shared = useContext(SelectedVariantContext);
  const [local, setLocal] = useState(initialId);
  if (!shared) return [local, setLocal];
  return [shared[0] ?? initialId, shared[1]];
}
