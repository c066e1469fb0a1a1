import { and, asc, desc, eq, gt, ilike, lte, or, sql, type Db, type SQL } from "@agora/db";
import { schema } from "@agora/db";
import {
  normaliseSearchPhrase,
  type MerchandisingPlacement,
  type MerchandisingRuleInput,
  type MerchandisingSegment,
} from "@agora/validators";
import { DomainError, notFound } from "../errors";
import { recommendable, recommendedCards, type RecommendedListing } from "./availability";

const { merchandisingRules, listings, sellers, categories, users } = schema;

/**
 * Merchandising: a listing pinned to a position of a carousel or of search results, for a segment of
 * shoppers, between two dates.
 *
 * Who may do what (the table the router tiers rely on):
 * - an operator pins any listing, anywhere (home carousel, any category page, any search), and may
 *   change or remove any rule, sellers' included (a seller's rule keeps the seller's limits);
 * - a seller pins only its own listings (ownership in the WHERE clause: another seller's listing or
 *   rule is NOT_FOUND), only on the category page of the listing's category (or that category's parent)
 *   and in searches; the home carousel is the operator's (FORBIDDEN).
 *
 * Segments: "everyone", or "category_browsers" — shoppers browsing the rule's category. On a category
 * page every shopper is browsing it; a search counts when it is filtered to that category; on the home
 * page it is the shopper's own recent browsing, so those pins appear in the personal "For you" row, and
 * only for shoppers who allowed personalisation.
 */

export type MerchandisingActor = { kind: "operator"; userId: string } | { kind: "seller"; userId: string; sellerId: string };

export type MerchandisingRule = typeof merchandisingRules.$inferSelect;

/** Pins running or scheduled at once per seller, so no shop can fill every category page. */
export const MAX_SELLER_PINS = 20;

/** Storefront cache entries that show pins of a placement; expired after a rule changes. */
export const merchandisingTags = {
  home: "merchandising:home",
  category: (categoryId: string) => `merchandising:category:${categoryId}`,
  search: "merchandising:search",
} as const;

function tagsOf(rule: Pick<MerchandisingRule, "placement" | "categoryId">): string[] {
  if (rule.placement === "home_carousel") return [merchandisingTags.home];
  if (rule.placement === "search") return [merchandisingTags.search];
  return rule.categoryId ? [merchandisingTags.category(rule.categoryId)] : [];
}

// ── Applying pins ─────────────────────────────────────────────────────────────────────────────────

/**
 * Puts pinned items at their 1-based positions in an organic list. A pinned item is removed from the
 * organic list first (no duplicates); the same item pinned twice keeps its first (lowest) position;
 * two pins at one position keep their order (the first takes it, the next follows). Pins beyond the end
 * of a short list close up behind it. The result is cut to `limit`.
 */
export function applyPins<T extends { id: string }>(organic: readonly T[], pins: readonly { position: number; item: T }[], limit = Number.POSITIVE_INFINITY): T[] {
  const seen = new Set<string>();
  const queue = [...pins]
    .map((p, order) => ({ ...p, order }))
    .sort((a, b) => a.position - b.position || a.order - b.order)
    .filter((p) => (seen.has(p.item.id) ? false : (seen.add(p.item.id), true)));
  const rest = organic.filter((item) => !seen.has(item.id));
  const out: T[] = [];
  let next = 0;
  while (out.length < limit && (queue.length > 0 || next < rest.length)) {
    const pin = queue[0];
    if (pin && (pin.position <= out.length + 1 || next >= rest.length)) {
      out.push(pin.item);
      queue.shift();
    } else {
      const item = rest[next++];
      if (item) out.push(item);
    }
  }
  return out;
}

export type PinPlacement =
  | { kind: "home_carousel" }
  | { kind: "category"; categoryId: string }
  /** `query` as the shopper typed it (normalised here); `categoryId` when the search is filtered to one category. */
  | { kind: "search"; query: string; categoryId?: string | null };

export interface Pin {
  ruleId: string;
  position: number;
  card: RecommendedListing;
}

/**
 * The pins running now for a placement, as product cards in pin order (position, operator before seller,
 * older first). Pins of listings that are not recommendable now (sold out, unpublished, seller not
 * approved, cannot reach `shipTo`) are skipped. Merge them into a list with `applyPins`.
 *
 * Segments: by default the pins for everyone, plus "category_browsers" pins that the placement itself
 * qualifies for (a category page; a search filtered to that category). `browsedCategoryIds` adds the
 * pins for shoppers browsing those categories (the consenting shopper's own browsing). `segments`
 * restricts which segments are considered at all.
 */
export async function pinnedListingsFor(
  db: Db,
  placement: PinPlacement,
  now: Date = new Date(),
  options: { shipTo?: string | null; browsedCategoryIds?: readonly string[]; segments?: readonly MerchandisingSegment[] } = {},
): Promise<Pin[]> {
  const segments = new Set(options.segments ?? ["everyone", "category_browsers"]);
  const browsed = [...(options.browsedCategoryIds ?? [])];
  const browsing = (categoryIds: (string | null | undefined)[]) => {
    const ids = [...new Set(categoryIds.filter((id): id is string => !!id))];
    return ids.length ? sql`${merchandisingRules.categoryId} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  };

  let target: SQL;
  let browsersMatch: SQL;
  switch (placement.kind) {
    case "home_carousel":
      target = sql`${merchandisingRules.placement} = 'home_carousel'`;
      browsersMatch = browsing(browsed);
      break;
    case "category":
      target = sql`${merchandisingRules.placement} = 'category' and ${merchandisingRules.categoryId} = ${placement.categoryId}::uuid`;
      browsersMatch = sql`true`;
      break;
    case "search": {
      const query = normaliseSearchPhrase(placement.query);
      if (!query) return [];
      target = sql`${merchandisingRules.placement} = 'search' and ${merchandisingRules.query} = ${query}`;
      browsersMatch = browsing([placement.categoryId, ...browsed]);
      break;
    }
  }
  const segmentMatch = [
    ...(segments.has("everyone") ? [sql`${merchandisingRules.segment} = 'everyone'`] : []),
    ...(segments.has("category_browsers") ? [sql`(${merchandisingRules.segment} = 'category_browsers' and ${browsersMatch})`] : []),
  ];
  if (!segmentMatch.length) return [];

  const rules = await db
    .select({ ruleId: merchandisingRules.id, listingId: merchandisingRules.listingId, position: merchandisingRules.position })
    .from(merchandisingRules)
    .innerJoin(listings, eq(listings.id, merchandisingRules.listingId))
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .where(
      and(
        target,
        or(...segmentMatch),
        lte(merchandisingRules.startsAt, now),
        gt(merchandisingRules.endsAt, now),
        recommendable(options.shipTo ?? null),
      ),
    )
    .orderBy(asc(merchandisingRules.position), asc(merchandisingRules.scope), asc(merchandisingRules.createdAt), asc(merchandisingRules.id));
  const cards = new Map((await recommendedCards(db, rules.map((r) => r.listingId), options.shipTo ?? null)).map((c) => [c.id, c]));
  return rules.flatMap((r) => {
    const card = cards.get(r.listingId);
    return card ? [{ ruleId: r.ruleId, position: r.position, card }] : [];
  });
}

/**
 * When the set of running pins of a placement next changes (a rule starts or ends), so a cached
 * carousel can expire then; null when nothing is scheduled. Without a placement: any rule.
 */
export async function nextMerchandisingChange(db: Db, now: Date = new Date(), placement?: PinPlacement): Promise<Date | null> {
  const where =
    placement?.kind === "category"
      ? sql`${merchandisingRules.placement} = 'category' and ${merchandisingRules.categoryId} = ${placement.categoryId}::uuid`
      : placement
        ? sql`${merchandisingRules.placement} = ${placement.kind}`
        : undefined;
  const [row] = await db
    .select({
      at: sql<string | null>`min(case when ${merchandisingRules.startsAt} > ${now.toISOString()}::timestamptz then ${merchandisingRules.startsAt} else ${merchandisingRules.endsAt} end)`,
    })
    .from(merchandisingRules)
    .where(and(gt(merchandisingRules.endsAt, now), where));
  return row?.at ? new Date(row.at) : null;
}

// ── Managing rules ────────────────────────────────────────────────────────────────────────────────

/** Whose limits a rule is held to: a seller's rule stays a seller's rule even when an operator edits it. */
type RuleOwner = { scope: "operator" } | { scope: "seller"; sellerId: string };

const ownerOf = (actor: MerchandisingActor): RuleOwner => (actor.kind === "seller" ? { scope: "seller", sellerId: actor.sellerId } : { scope: "operator" });

async function checkTarget(db: Db, owner: RuleOwner, input: MerchandisingRuleInput, now: Date, ruleId: string | null): Promise<void> {
  if (owner.scope === "seller" && input.placement === "home_carousel")
    throw new DomainError("FORBIDDEN", "Only the marketplace team can pin listings to the home page.", {
      fieldErrors: { placement: "Choose a category page or a search" },
    });

  const [listing] = await db
    .select({ id: listings.id, categoryId: listings.categoryId, parentCategoryId: categories.parentId })
    .from(listings)
    .innerJoin(categories, eq(categories.id, listings.categoryId))
    .where(and(eq(listings.id, input.listingId), owner.scope === "seller" ? eq(listings.sellerId, owner.sellerId) : undefined));
  if (!listing)
    throw new DomainError("NOT_FOUND", "The listing was not found.", {
      fieldErrors: { listingId: owner.scope === "seller" ? "Choose one of your listings" : "Choose a listing" },
    });

  if (input.categoryId) {
    const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
    if (!category) throw new DomainError("NOT_FOUND", "The category was not found.", { fieldErrors: { categoryId: "Choose a category" } });
    if (owner.scope === "seller" && input.categoryId !== listing.categoryId && input.categoryId !== listing.parentCategoryId)
      throw new DomainError("INVALID_INPUT", "You can pin a listing only in its own category.", {
        fieldErrors: { categoryId: "Choose the listing's own category" },
      });
  }

  if (input.endsAt.getTime() <= now.getTime())
    throw new DomainError("INVALID_INPUT", "That pin would already be over.", { fieldErrors: { endsAt: "The end must be in the future" } });

  const sameTarget = and(
    eq(merchandisingRules.listingId, input.listingId),
    eq(merchandisingRules.placement, input.placement),
    eq(merchandisingRules.segment, input.segment),
    sql`${merchandisingRules.categoryId} is not distinct from ${input.categoryId}::uuid`,
    sql`${merchandisingRules.query} is not distinct from ${input.query}::text`,
    sql`${merchandisingRules.startsAt} < ${input.endsAt.toISOString()}::timestamptz`,
    sql`${merchandisingRules.endsAt} > ${input.startsAt.toISOString()}::timestamptz`,
    ruleId ? sql`${merchandisingRules.id} <> ${ruleId}::uuid` : undefined,
  );
  const [overlap] = await db.select({ id: merchandisingRules.id }).from(merchandisingRules).where(sameTarget).limit(1);
  if (overlap)
    throw new DomainError("CONFLICT", "This listing is already pinned there for some of those dates.", {
      fieldErrors: { listingId: "Already pinned there for some of these dates" },
    });

  if (owner.scope === "seller") {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(merchandisingRules)
      .where(
        and(
          eq(merchandisingRules.sellerId, owner.sellerId),
          gt(merchandisingRules.endsAt, now),
          ruleId ? sql`${merchandisingRules.id} <> ${ruleId}::uuid` : undefined,
        ),
      );
    if ((row?.n ?? 0) >= MAX_SELLER_PINS)
      throw new DomainError("CONFLICT", `You can have at most ${MAX_SELLER_PINS} pins running or scheduled. End one before adding another.`);
  }
}

export interface RuleChange {
  rule: MerchandisingRule;
  /** Storefront cache tags to expire. */
  cacheTags: string[];
}

export async function createRule(db: Db, actor: MerchandisingActor, input: MerchandisingRuleInput, now: Date = new Date()): Promise<RuleChange> {
  const owner = ownerOf(actor);
  await checkTarget(db, owner, input, now, null);
  const [rule] = await db
    .insert(merchandisingRules)
    .values({
      createdBy: actor.userId,
      scope: owner.scope,
      sellerId: owner.scope === "seller" ? owner.sellerId : null,
      placement: input.placement,
      categoryId: input.categoryId,
      query: input.query,
      segment: input.segment,
      listingId: input.listingId,
      position: input.position,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
    })
    .returning();
  if (!rule) throw new Error("rule insert returned nothing");
  return { rule, cacheTags: tagsOf(rule) };
}

/** A rule the actor may manage: a seller's own, or any for an operator; anything else is not found. */
async function ownRule(db: Db, actor: MerchandisingActor, ruleId: string): Promise<MerchandisingRule> {
  const [rule] = await db
    .select()
    .from(merchandisingRules)
    .where(and(eq(merchandisingRules.id, ruleId), actor.kind === "seller" ? eq(merchandisingRules.sellerId, actor.sellerId) : undefined));
  if (!rule) throw notFound("The pin");
  return rule;
}

export async function updateRule(db: Db, actor: MerchandisingActor, ruleId: string, input: MerchandisingRuleInput, now: Date = new Date()): Promise<RuleChange> {
  const before = await ownRule(db, actor, ruleId);
  const owner: RuleOwner = before.scope === "seller" && before.sellerId ? { scope: "seller", sellerId: before.sellerId } : { scope: "operator" };
  await checkTarget(db, owner, input, now, ruleId);
  const [rule] = await db
    .update(merchandisingRules)
    .set({
      placement: input.placement,
      categoryId: input.categoryId,
      query: input.query,
      segment: input.segment,
      listingId: input.listingId,
      position: input.position,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
    })
    .where(and(eq(merchandisingRules.id, ruleId), actor.kind === "seller" ? eq(merchandisingRules.sellerId, actor.sellerId) : undefined))
    .returning();
  if (!rule) throw notFound("The pin");
  return { rule, cacheTags: [...new Set([...tagsOf(before), ...tagsOf(rule)])] };
}

export async function deleteRule(db: Db, actor: MerchandisingActor, ruleId: string): Promise<{ cacheTags: string[] }> {
  const [gone] = await db
    .delete(merchandisingRules)
    .where(and(eq(merchandisingRules.id, ruleId), actor.kind === "seller" ? eq(merchandisingRules.sellerId, actor.sellerId) : undefined))
    .returning();
  if (!gone) throw notFound("The pin");
  return { cacheTags: tagsOf(gone) };
}

export type RuleState = "live" | "scheduled" | "ended";

export interface RuleView {
  id: string;
  scope: "operator" | "seller";
  placement: MerchandisingPlacement;
  segment: MerchandisingSegment;
  categoryId: string | null;
  categoryName: string | null;
  query: string | null;
  position: number;
  startsAt: Date;
  endsAt: Date;
  state: RuleState;
  /** False when the listing cannot be shown now (sold out, unpublished…): the pin is skipped. */
  showable: boolean;
  listing: {
    id: string;
    title: string;
    slug: string;
    status: string;
    sellerName: string;
    category: { id: string; name: string };
    parentCategory: { id: string; name: string } | null;
  };
  createdByName: string | null;
}

export const RULES_LISTED = 200;

/** The actor's rules (a seller's own; an operator's view is all of them): running and scheduled, or ended. */
export async function listRules(db: Db, actor: MerchandisingActor, options: { status: "current" | "ended" }, now: Date = new Date()): Promise<RuleView[]> {
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .select({
      rule: merchandisingRules,
      categoryName: categories.name,
      listing: { id: listings.id, title: listings.title, slug: listings.slug, status: listings.status },
      listingCategory: sql<{ id: string; name: string }>`(select json_build_object('id', lc.id, 'name', lc.name) from categories lc where lc.id = ${listings.categoryId})`,
      listingParentCategory: sql<{ id: string; name: string } | null>`(select json_build_object('id', p.id, 'name', p.name)
        from categories lc join categories p on p.id = lc.parent_id where lc.id = ${listings.categoryId})`,
      sellerName: sellers.name,
      createdByName: users.name,
      showable: sql<boolean>`${recommendable(null)}`,
    })
    .from(merchandisingRules)
    .innerJoin(listings, eq(listings.id, merchandisingRules.listingId))
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .leftJoin(categories, eq(categories.id, merchandisingRules.categoryId))
    .leftJoin(users, eq(users.id, merchandisingRules.createdBy))
    .where(
      and(
        actor.kind === "seller" ? eq(merchandisingRules.sellerId, actor.sellerId) : undefined,
        options.status === "current" ? sql`${merchandisingRules.endsAt} > ${nowSql}` : sql`${merchandisingRules.endsAt} <= ${nowSql}`,
      ),
    )
    .orderBy(
      ...(options.status === "current"
        ? [asc(merchandisingRules.placement), asc(merchandisingRules.startsAt), asc(merchandisingRules.position), asc(merchandisingRules.id)]
        : [desc(merchandisingRules.endsAt), asc(merchandisingRules.id)]),
    )
    .limit(RULES_LISTED);
  return rows.map(({ rule, categoryName, listing, listingCategory, listingParentCategory, sellerName, createdByName, showable }) => ({
    id: rule.id,
    scope: rule.scope,
    placement: rule.placement,
    segment: rule.segment,
    categoryId: rule.categoryId,
    categoryName,
    query: rule.query,
    position: rule.position,
    startsAt: rule.startsAt,
    endsAt: rule.endsAt,
    state: rule.endsAt <= now ? "ended" : rule.startsAt > now ? "scheduled" : "live",
    showable,
    listing: { ...listing, sellerName, category: listingCategory, parentCategory: listingParentCategory },
    createdByName,
  }));
}

export interface PinnableListing {
  id: string;
  title: string;
  sellerName: string;
  status: string;
  available: number;
  category: { id: string; name: string };
  parentCategory: { id: string; name: string } | null;
  imageKey: string | null;
}

const PINNABLE_RESULTS = 20;

const listingAvailable = sql<number>`(select coalesce(sum(greatest(sl.on_hand - sl.reserved, 0)), 0)::int
  from stock_levels sl join variants v on v.id = sl.variant_id where v.listing_id = ${listings.id})`;

/** Listings the actor may pin, matching some title words: a seller's own, or any approved seller's for an operator. */
export async function pinnableListings(db: Db, actor: MerchandisingActor, q: string): Promise<PinnableListing[]> {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 6);
  const parent = sql`(select json_build_object('id', p.id, 'name', p.name) from categories p where p.id = ${categories.parentId})`;
  const rows = await db
    .select({
      id: listings.id,
      title: listings.title,
      sellerName: sellers.name,
      status: listings.status,
      available: listingAvailable,
      category: { id: categories.id, name: categories.name },
      parentCategory: sql<{ id: string; name: string } | null>`${parent}`,
      imageKey: sql<string | null>`(select li.storage_key from listing_images li where li.listing_id = ${listings.id} order by li.position limit 1)`,
    })
    .from(listings)
    .innerJoin(sellers, eq(sellers.id, listings.sellerId))
    .innerJoin(categories, eq(categories.id, listings.categoryId))
    .where(
      and(
        actor.kind === "seller" ? eq(listings.sellerId, actor.sellerId) : eq(sellers.status, "approved"),
        sql`${listings.status} <> 'archived'`,
        ...words.map((w) => ilike(listings.title, `%${w.replace(/[\\%_]/g, "\\$&")}%`)),
      ),
    )
    .orderBy(desc(sql`${listings.status} = 'active'`), desc(listings.viewCount), asc(listings.title), asc(listings.id))
    .limit(PINNABLE_RESULTS);
  return rows;
}
