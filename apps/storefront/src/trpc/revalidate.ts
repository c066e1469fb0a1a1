import { revalidateTag } from "next/cache";

/** The storefront owns the catalog cache: expire the tags at once (the next request renders fresh). */
export async function revalidate(tags: string[]): Promise<void> {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
