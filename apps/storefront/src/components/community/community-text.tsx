import { splitListingCards, type LiveListingCard } from "@agora/core";
import { cn } from "@agora/ui/cn";
import { ListingCard, loadListingCards } from "./listing-card";

/** Typography for sanitised community HTML (posts, stories, reviews). */
export const communityProse = cn(
  "break-words text-[15px] leading-relaxed text-stone-800",
  "[&_p]:my-2 [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_h4]:font-semibold",
  "[&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-2 [&_a.mention]:font-medium [&_a.mention]:no-underline",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-200 [&_blockquote]:pl-3 [&_blockquote]:text-stone-600",
  "[&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_code]:text-[13px] [&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-stone-100 [&_pre]:p-3",
  "[&_img]:my-2 [&_img]:max-h-96 [&_img]:rounded-lg [&_table]:my-2 [&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2",
  "[&>*:first-child]:mt-0 [&>*:last-child]:mb-0",
);

/**
 * Stored community HTML (already sanitised on the server when it was written) with each
 * `[[product:slug]]` placeholder replaced by a live product card. Give `cards` when the page loaded the
 * cards of several texts at once; otherwise this text's cards are loaded here.
 */
export async function CommunityText({ html, cards, className }: { html: string; cards?: Map<string, LiveListingCard>; className?: string }) {
  const parts = splitListingCards(html);
  const slugs = parts.flatMap((p) => (p.kind === "listing" ? [p.slug] : []));
  const live = cards ?? (slugs.length > 0 ? await loadListingCards(slugs) : new Map<string, LiveListingCard>());
  return (
    <div className={cn(communityProse, className)}>
      {parts.map((part, i) =>
        part.kind === "html" ? (
          <div key={i} dangerouslySetInnerHTML={{ __html: part.html }} />
        ) : (
          <ListingCard key={i} slug={part.slug} card={live.get(part.slug.toLowerCase()) ?? null} />
        ),
      )}
    </div>
  );
}

/** The listing slugs in several stored texts, for loading all their cards in one query. */
export function listingSlugsIn(htmls: string[]): string[] {
  const slugs = new Set<string>();
  for (const html of htmls) for (const part of splitListingCards(html)) if (part.kind === "listing") slugs.add(part.slug);
  return [...slugs];
}
