import { z } from "zod";

export const idSchema = z.uuid({ message: "Not a valid id" });

/** Lowercase words joined by hyphens: used for store and listing addresses. */
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters")
  .max(60, "Use at most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens only");

/** Money is always an integer number of minor units (cents). */
export const moneyMinorSchema = z
  .number({ message: "Enter a price" })
  .int("Enter the price in whole cents")
  .min(0, "A price cannot be negative")
  .max(100_000_000, "That price is too high");

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid e-mail address" }));

export const pageSchema = z.coerce.number().int().min(1).max(10_000).default(1);
