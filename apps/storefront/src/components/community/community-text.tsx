import { splitListingCards, type LiveListingCard } from "@agora/core";
import { cn } from "@agora/ui/cn";
import { communityProse } from "./forum/prose";
import { ListingCard, loadListingCards } from "./listing-card";

export { communityProse };

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
