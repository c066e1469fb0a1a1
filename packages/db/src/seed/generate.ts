import type { OptionValue } from "../schema/catalog";
import type { OptionSpec, SubcategorySpec, TopCategorySpec } from "./data";
import type { Rng } from "./random";

/** Pure builders shared by the demo seed and the bulk top-up: no database, no files. */

export type ListingCondition = "new" | "used" | "refurbished";
export type StockScenario = "in" | "low" | "out";

export interface StockDraft {
  locationId: string;
  onHand: number;
}

export interface VariantDraft {
  id: string;
  sku: string;
  options: OptionValue[];
  priceMinor: number;
  compareAtMinor: number | null;
  position: number;
  stock: StockDraft[];
}

export interface AttributeDraft {
  name: string;
  value: string;
  position: number;
}

const MODEL_SUFFIXES = ["Pro", "Lite", "Classic", "Plus", "Original", "II", "Mk 2"];

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface TitleParts {
  title: string;
  brand: string;
  noun: string;
  descriptor: string;
}

/** "Ridgeline Ultralight Backpacking Tent": brand + descriptor + product noun, already in Title Case. */
export function composeTitle(rng: Rng, top: TopCategorySpec, sub: SubcategorySpec): TitleParts {
  const brand = rng.pick(top.brands);
  const noun = rng.pick(sub.nouns);
  const nounWords = new Set(noun.toLowerCase().split(/[\s-]+/));
  const descriptors = sub.descriptors.filter((d) => !d.toLowerCase().split(/[\s-]+/).some((w) => nounWords.has(w)));
  const descriptor = descriptors.length > 0 ? rng.pick(descriptors) : "";
  const roll = rng.next();
  let title: string;
  if (roll < 0.62 && descriptor) title = `${brand} ${descriptor} ${noun}`;
  else if (roll < 0.85) title = `${brand} ${noun} ${rng.pick(MODEL_SUFFIXES)}`;
  else title = `${brand} ${descriptor ? `${descriptor} ` : ""}${noun} ${rng.pick(MODEL_SUFFIXES)}`;
  return { title, brand, noun, descriptor };
}

/** How a shop ends its prices (…99, …95 or round); one choice per listing so variants agree. */
export function pickPriceEnding(rng: Rng): number {
  return rng.pick([99, 99, 99, 95, 0]);
}

/** Whole dollars to a shop-like price in cents: 49.99, 49.95 or 50.00. */
export function charmPrice(dollars: number, ending: number): number {
  const d = Math.max(1, Math.round(dollars));
  return ending === 0 ? d * 100 : (d - 1) * 100 + ending;
}

export function basePriceDollars(rng: Rng, sub: SubcategorySpec): number {
  const [lo, hi] = sub.priceRange;
  // Skewed towards the cheaper end, as real catalogues are.
  return lo + (hi - lo) * Math.pow(rng.next(), 1.7);
}

/** Short SKU code for an option value: "Glacier Blue" → "GB", "7'6\"" → "76", "Medium" → "MEDI". */
export function optionCode(value: string): string {
  const words = value.split(/[\s/]+/).filter(Boolean);
  const alnum = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (/\d/.test(value)) return alnum(value).slice(0, 8) || "X";
  if (words.length > 1) return words.map((w) => alnum(w).charAt(0)).join("").slice(0, 4) || "X";
  return alnum(value).slice(0, 4) || "X";
}

interface ChosenOption {
  spec: OptionSpec;
  values: { value: string; index: number }[];
}

/** Picks which values of each option this listing offers, keeping the variant count at 2–6. */
export function chooseOptionValues(rng: Rng, optionSet: readonly OptionSpec[], maxVariants = 6): ChosenOption[] {
  const withIndex = (spec: OptionSpec) => spec.values.map((value, index) => ({ value, index }));
  const [first, second] = optionSet;
  if (!first) return [];
  if (!second) {
    const count = rng.int(2, Math.min(first.values.length, maxVariants));
    return [{ spec: first, values: rng.sample(withIndex(first), count) }];
  }
  const a = rng.int(2, Math.min(3, first.values.length, Math.floor(maxVariants / 2)));
  const bMax = Math.min(second.values.length, Math.floor(maxVariants / a));
  const b = bMax >= 2 ? rng.int(2, bMax) : 1;
  return [
    { spec: first, values: rng.sample(withIndex(first), a) },
    { spec: second, values: rng.sample(withIndex(second), b) },
  ];
}

export function stockFor(rng: Rng, locationIds: readonly string[], scenario: StockScenario): StockDraft[] {
  if (locationIds.length === 0) return [];
  const both = locationIds.length > 1 && rng.chance(0.35);
  const first = rng.pick(locationIds);
  const chosen = both ? [...locationIds.slice(0, 2)] : [first];
  if (scenario === "out") return chosen.map((locationId) => ({ locationId, onHand: 0 }));
  if (scenario === "low") {
    const total = rng.int(1, 4);
    return chosen.map((locationId, i) => ({ locationId, onHand: i === 0 ? total : 0 }));
  }
  const total = rng.int(6, 80);
  if (chosen.length === 1) return [{ locationId: first, onHand: total }];
  const split = rng.int(1, total - 1);
  return chosen.map((locationId, i) => ({ locationId, onHand: i === 0 ? split : total - split }));
}

export function pickScenario(rng: Rng): StockScenario {
  const r = rng.next();
  if (r < 0.1) return "out";
  if (r < 0.22) return "low";
  return "in";
}

export interface VariantInput {
  rng: Rng;
  optionSet: readonly OptionSpec[];
  skuBase: string;
  basePrice: number;
  onSale: boolean;
  locationIds: readonly string[];
  /** Every variant out of stock: the listing shows as sold out. */
  soldOut: boolean;
  maxVariants?: number;
  newId: () => string;
}

export function composeVariants(input: VariantInput): { optionNames: string[]; variants: VariantDraft[] } {
  const { rng } = input;
  const chosen = chooseOptionValues(rng, input.optionSet, input.maxVariants);
  const saleFactor = 1.15 + rng.next() * 0.3;
  const ending = pickPriceEnding(rng);
  const combos: { options: OptionValue[]; codes: string[]; step: number }[] = [{ options: [], codes: [], step: 0 }];
  for (const option of chosen) {
    const next: typeof combos = [];
    for (const combo of combos) {
      for (const v of option.values) {
        next.push({
          options: [...combo.options, { name: option.spec.name, value: v.value }],
          codes: [...combo.codes, optionCode(v.value)],
          step: combo.step + ((option.spec.priceStepPct ?? 0) / 100) * v.index,
        });
      }
    }
    combos.splice(0, combos.length, ...next);
  }

  const usedSkus = new Set<string>();
  const variants = combos.map((combo, position): VariantDraft => {
    let sku = combo.codes.length ? `${input.skuBase}-${combo.codes.join("-")}` : input.skuBase;
    if (usedSkus.has(sku)) sku = `${sku}-${position + 1}`;
    usedSkus.add(sku);
    const priceMinor = charmPrice(input.basePrice * (1 + combo.step), ending);
    let compareAtMinor: number | null = null;
    if (input.onSale) {
      compareAtMinor = Math.max(priceMinor + 100, Math.round((priceMinor * saleFactor) / 100) * 100);
    }
    const scenario = input.soldOut ? "out" : pickScenario(rng);
    return {
      id: input.newId(),
      sku,
      options: combo.options,
      priceMinor,
      compareAtMinor,
      position,
      stock: stockFor(rng, input.locationIds, scenario),
    };
  });
  return { optionNames: chosen.map((c) => c.spec.name), variants };
}

export function composeAttributes(rng: Rng, sub: SubcategorySpec, optionNames: readonly string[], count: number): AttributeDraft[] {
  const available = sub.attributes.filter((a) => !optionNames.includes(a.name));
  return rng.sample(available, count).map((a, position) => ({ name: a.name, value: rng.pick(a.values), position }));
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

const INTROS = [
  "The {product} is made for {use}. {promise}",
  "Designed for {use}, the {product} earns its place from the first day. {promise}",
  "{brand} built the {product} for {use}. {promise}",
  "Meet the {product}, our pick for {use}. {promise}",
];

const SECOND_PARAGRAPHS = [
  "{brand} designs in small batches and checks every piece before it ships, so what arrives is exactly what you saw here.",
  "We sweated the details that matter on the hundredth use, not just the first. Questions about sizing or fit? Ask in the product Q&A: the seller and verified owners answer there.",
  "It ships from the seller's own stock, so the delivery estimate you see at checkout is one they plan to keep.",
  "Read the reviews from verified buyers below, or join the discussion in the community forums to see how others use theirs.",
];

/**
 * A couple of paragraphs and a feature list in markdown. `product` is how the text names the
 * item ("Ridgeline Dome Tent"); the bulk seed passes a shorter name so descriptions can be shared.
 */
export function composeDescription(rng: Rng, top: TopCategorySpec, sub: SubcategorySpec, brand: string, product: string): string {
  const values = { brand, product, use: rng.pick(top.uses), promise: rng.pick(top.promises) };
  const features = rng.sample(sub.features, rng.int(3, 5));
  const parts = [fill(rng.pick(INTROS), values), fill(rng.pick(SECOND_PARAGRAPHS), values), features.map((f) => `- ${f}`).join("\n")];
  if (rng.chance(0.6)) parts.push(`**Care:** ${rng.pick(top.care)}`);
  return parts.join("\n\n");
}

export function pickCondition(rng: Rng, sub: SubcategorySpec): ListingCondition {
  const share = sub.secondHandShare ?? 0.02;
  if (!rng.chance(share)) return "new";
  return rng.chance(0.6) ? "refurbished" : "used";
}

/** Popularity follows a long tail: most listings get a few dozen views, a handful get thousands. */
export function pickViewCount(rng: Rng): number {
  const base = Math.floor(Math.exp(rng.next() * 7)) + rng.int(0, 25);
  return rng.chance(0.03) ? base * rng.int(3, 6) : base;
}

export const IMAGE_VIEWS = ["", "alternate view", "detail"] as const;

export function imageAlt(title: string, position: number): string {
  const view = IMAGE_VIEWS[position] ?? "";
  return view ? `${title}, ${view}` : title;
}
