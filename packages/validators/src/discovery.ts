import { z } from "zod";
import { idSchema } from "./common";
import { countryCodeSchema } from "./orders";

/** Recommendation rows show at most this many listings. */
export const MAX_RECOMMENDATIONS = 24;
export const DEFAULT_RECOMMENDATIONS = 8;

const limitSchema = z.number().int().min(1).max(MAX_RECOMMENDATIONS).default(DEFAULT_RECOMMENDATIONS);

export const recommendationsInputSchema = z.object({
  listingId: idSchema,
  limit: limitSchema,
  /** The shopper's country when the caller knows it: listings that cannot reach it are left out. */
  shipTo: countryCodeSchema.nullish().transform((v) => v ?? null),
});
export type RecommendationsInput = z.infer<typeof recommendationsInputSchema>;

export const shopperRecommendationsInputSchema = z.object({
  limit: limitSchema,
  /** e.g. the product being looked at, which need not be recommended on its own page. */
  excludeListingId: idSchema.nullish().transform((v) => v ?? null),
});
export type ShopperRecommendationsInput = z.infer<typeof shopperRecommendationsInputSchema>;

export const personalisationSchema = z.object({ granted: z.boolean({ message: "Choose on or off" }) });
export type PersonalisationInput = z.infer<typeof personalisationSchema>;

// ── Merchandising ──────────────────────────────────────────────────────────────────────────────────

export const MAX_PIN_POSITION = 20;
export const MAX_PIN_QUERY_LENGTH = 100;

export const merchandisingPlacementSchema = z.enum(["home_carousel", "category", "search"], { message: "Choose where to pin it" });
export type MerchandisingPlacement = z.infer<typeof merchandisingPlacementSchema>;
export const merchandisingSegmentSchema = z.enum(["everyone", "category_browsers"], { message: "Choose who sees it" });
export type MerchandisingSegment = z.infer<typeof merchandisingSegmentSchema>;

/**
 * Search words as pins are matched on them: accents dropped, lower case, anything that is not a letter or
 * digit turned into one space. "Camp  Mugs!" and "camp mugs" are the same search.
 */
export function normaliseSearchPhrase(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .join(" ");
}

const dateSchema = (missing: string) =>
  z.date({ message: missing }).refine((d) => !Number.isNaN(d.getTime()), missing);

const ruleFields = z.object({
  listingId: z.uuid({ message: "Choose a listing to pin" }),
  placement: merchandisingPlacementSchema,
  /** The category page (placement "category"), or the category whose browsers see the pin. */
  categoryId: idSchema.nullish().transform((v) => v ?? null),
  query: z
    .string()
    .max(MAX_PIN_QUERY_LENGTH, `Use at most ${MAX_PIN_QUERY_LENGTH} characters`)
    .nullish()
    .transform((v) => (v ? normaliseSearchPhrase(v) : "")),
  segment: merchandisingSegmentSchema.default("everyone"),
  // A refinement rather than .int(): .int() stops the cross-field checks from running.
  position: z
    .number({ message: `Choose a position from 1 to ${MAX_PIN_POSITION}` })
    .min(1, `Choose a position from 1 to ${MAX_PIN_POSITION}`)
    .max(MAX_PIN_POSITION, `Choose a position from 1 to ${MAX_PIN_POSITION}`)
    .refine(Number.isInteger, `Choose a position from 1 to ${MAX_PIN_POSITION}`),
  startsAt: dateSchema("Choose when the pin starts"),
  endsAt: dateSchema("Choose when the pin ends"),
});

type RuleFields = z.output<typeof ruleFields>;

const validDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/**
 * Checks across fields. It also runs when some field is invalid (so a form shows every problem at once),
 * so it reads the values defensively: a field that failed its own check may hold anything.
 */
function checkRule(rule: RuleFields, ctx: z.RefinementCtx) {
  const r: Partial<Record<keyof RuleFields, unknown>> = rule;
  if (validDate(r.startsAt) && validDate(r.endsAt) && r.endsAt.getTime() <= r.startsAt.getTime())
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start" });
  if (r.placement === "category" && !r.categoryId) ctx.addIssue({ code: "custom", path: ["categoryId"], message: "Choose the category page" });
  if ((r.placement === "home_carousel" || r.placement === "search") && r.segment === "category_browsers" && !r.categoryId)
    ctx.addIssue({ code: "custom", path: ["categoryId"], message: "Choose the category these shoppers browse" });
  if (r.placement === "search" && r.query === "") ctx.addIssue({ code: "custom", path: ["query"], message: "Enter the search words" });
}

const always = { when: () => true };

/** Only the fields that mean something for the chosen placement and segment are kept. */
function normaliseRule<T extends RuleFields>(rule: T) {
  const categoryId = rule.placement === "category" || rule.segment === "category_browsers" ? rule.categoryId : null;
  const query = rule.placement === "search" ? rule.query : null;
  return { ...rule, categoryId, query };
}

export const merchandisingRuleSchema = ruleFields.superRefine(checkRule, always).transform(normaliseRule);
export type MerchandisingRuleInput = z.output<typeof merchandisingRuleSchema>;

export const updateMerchandisingRuleSchema = ruleFields.extend({ id: idSchema }).superRefine(checkRule, always).transform(normaliseRule);
export type UpdateMerchandisingRuleInput = z.output<typeof updateMerchandisingRuleSchema>;

export const merchandisingRuleIdSchema = z.object({ id: idSchema });

export const merchandisingRuleListSchema = z.object({
  /** Current = running now or scheduled; ended = past rules, newest first. */
  status: z.enum(["current", "ended"]).default("current"),
});

export const pinnableListingsSchema = z.object({
  q: z
    .string()
    .max(100)
    .default("")
    .transform((v) => v.trim()),
});
