import { eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { SearchInput, SearchResult } from "@agora/validators";
import { applyPins, pinnedListingsFor, type Pin } from "../discovery/merchandising";

const { categories } = schema;

/**
 * The merchandising pins that apply to a search: on the first page of a relevance-ordered search by
 * words, with no filter but a category (a shopper who narrowed by price or store asked for exactly
 * that). Pins "for everyone" and, when the search is filtered to one category, for that category's
 * browsers; a pinned listing outside the chosen category is left out. Pins only skip listings that
 * cannot be bought now (see pinnedListingsFor), like every recommendation.
 */
export async function searchPins(db: Db, input: SearchInput, now: Date): Promise<Pin[]> {
  const onlyCategoryFilter =
    input.sellers.length === 0 && input.prices.length === 0 && input.deliveryWithin === null && !input.pickup && input.minRating === null;
  if (input.cursor || input.sort !== "relevance" || !input.q.trim() || !onlyCategoryFilter || input.categories.length > 1) return [];
  const chosen = input.categories[0];
  if (!chosen) return pinnedListingsFor(db, { kind: "search", query: input.q }, now);

  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, chosen));
  if (!category) return [];
  const subtree = await db.execute<{ id: string }>(sql`
    with recursive tree(id) as (
      select ${category.id}::uuid
      union all
      select c.id from categories c join tree t on c.parent_id = t.id
    )
    select id from tree`);
  const inside = new Set(subtree.map((r) => r.id));
  const pins = await pinnedListingsFor(db, { kind: "search", query: input.q, categoryId: category.id }, now);
  return pins.filter((p) => inside.has(p.card.categoryId));
}

/**
 * Puts the pins at their positions on the page, marked as featured, when the search found something. The organic cards all stay (the
 * page grows by the pins), so the cursors and ranges of the organic order are unchanged.
 */
export function withPins(result: SearchResult, pins: readonly Pin[]): SearchResult {
  // A search that found nothing shows its no-results help, not a lone promotion.
  if (!pins.length || result.total === 0) return result;
  const items = applyPins<SearchResult["items"][number]>(
    result.items,
    pins.map(({ position, card }) => ({
      position,
      item: {
        id: card.id,
        slug: card.slug,
        title: card.title,
        brand: card.brand,
        currency: card.currency,
        priceMinor: card.priceMinor,
        compareAtMinor: card.compareAtMinor,
        available: card.available,
        sellerName: card.sellerName,
        sellerSlug: card.sellerSlug,
        image: card.image,
        rating: card.rating ?? null,
        featured: true,
      },
    })),
  );
  return { ...result, items };
}
