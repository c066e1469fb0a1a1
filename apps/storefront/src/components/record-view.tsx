"use client";

import { useTRPC } from "@agora/api/react";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useAfterFirstPaint } from "./use-after-first-paint";

/**
 * Counts a product view from the browser so the product page itself stays a cached static page.
 * A reload or a second visit in the same browser session is not counted again.
 */
export function RecordView({ listingId }: { listingId: string }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.catalog.recordView.mutationOptions());
  // Sent once the page is on screen: the first frame does not wait for a request it does not need.
  const painted = useAfterFirstPaint();
  useEffect(() => {
    if (!painted) return;
    const key = `agora:viewed:${listingId}`;
    try {
      if (sessionStorage.getItem(key)) return;
      sessionStorage.setItem(key, "1");
    } catch {
      // Storage can be unavailable (private mode); count the view anyway.
    }
    mutate({ id: listingId });
  }, [painted, listingId, mutate]);
  return null;
}
