import { z } from "zod";
import { idSchema, moneyMinorSchema } from "./common";
import { isCountryCode } from "./countries";

export const MAX_HANDLING_DAYS = 30;
export const MAX_TRANSIT_DAYS = 60;
export const MAX_SHIPPING_METHODS = 10;

/** The canonical IANA name of a time zone ("america/new_york" → "America/New_York"), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  // IANA names only: Intl would also take offsets such as "+05:00", which do not follow daylight saving.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string({ message: "Choose a time zone" })
  .trim()
  .min(1, "Choose a time zone")
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: "Choose a time zone from the list, e.g. America/New_York" });
      return z.NEVER;
    }
    return canonical;
  });

const shipsToCountrySchema = z
  .string({ message: "Choose a country" })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Use a two-letter ISO country code, e.g. US");

const wholeNumber = (missing: string) => z.number({ message: missing }).int("Use a whole number");

export const shippingProfileSchema = z.object({
  handlingDays: wholeNumber("Enter the handling time in business days")
    .min(0, "Handling time cannot be negative")
    .max(MAX_HANDLING_DAYS, `Handling time can be at most ${MAX_HANDLING_DAYS} business days`),
  cutoffHour: wholeNumber("Choose a cut-off hour").min(0, "Choose an hour from 0 to 23").max(23, "Choose an hour from 0 to 23"),
  timeZone: timeZoneSchema,
  shipsTo: z
    .array(shipsToCountrySchema, { message: "Choose the countries you ship to" })
    .min(1, "Choose at least one country you ship to")
    .max(300, "Too many countries")
    .transform((codes) => [...new Set(codes)]),
});
export type ShippingProfileInput = z.infer<typeof shippingProfileSchema>;

const transitDays = (which: string) =>
  wholeNumber(`Enter the ${which} transit time in business days`)
    .min(0, "Transit time cannot be negative")
    .max(MAX_TRANSIT_DAYS, `Transit time can be at most ${MAX_TRANSIT_DAYS} business days`);

const shippingMethodFields = z.object({
  name: z.string({ message: "Enter a name" }).trim().min(1, "Enter a name, e.g. Standard").max(60, "Use at most 60 characters"),
  transitDaysMin: transitDays("fastest"),
  transitDaysMax: transitDays("slowest"),
  priceMinor: moneyMinorSchema,
  /** Free when the seller's part of the order reaches this amount; null = never free. */
  freeOverMinor: moneyMinorSchema.nullable().default(null),
  active: z.boolean().default(true),
});

/** The slowest time is checked against the fastest once both are valid numbers. */
function transitInOrder(method: { transitDaysMin: number; transitDaysMax: number }, ctx: z.RefinementCtx) {
  if (method.transitDaysMax < method.transitDaysMin)
    ctx.addIssue({
      code: "custom",
      path: ["transitDaysMax"],
      message: "The slowest transit time cannot be shorter than the fastest",
    });
}

export const shippingMethodSchema = shippingMethodFields.superRefine(transitInOrder);
export type ShippingMethodInput = z.infer<typeof shippingMethodSchema>;

export const updateShippingMethodSchema = shippingMethodFields.extend({ id: idSchema }).superRefine(transitInOrder);
export type UpdateShippingMethodInput = z.infer<typeof updateShippingMethodSchema>;

export const shippingMethodIdSchema = z.object({ id: idSchema });

export const setShippingMethodActiveSchema = z.object({ id: idSchema, active: z.boolean() });

export const reorderShippingMethodsSchema = z.object({
  ids: z
    .array(idSchema)
    .min(1, "List the shipping methods in their new order")
    .max(MAX_SHIPPING_METHODS, `You can have at most ${MAX_SHIPPING_METHODS} shipping methods`)
    .refine((ids) => new Set(ids).size === ids.length, "List each shipping method once"),
});
