import type { Db } from "@agora/db";

export interface LiveListingCard {
  slug: string;
  title: string;
  priceMinor: number;
  compareAtMinor: number | null;
  currency: string;
  available: number;
  imageKey: string | null;
  storeName: string;
  storeSlug: string;
}

/** Live cards for listing slugs (active listings only; unknown slugs are absent from the map). */
export async function liveListingCards(db: Db, slugs: string[]): Promise<Map<string, LiveListingCard>> {
  void db;
  void slugs;
  return new Map();
}
