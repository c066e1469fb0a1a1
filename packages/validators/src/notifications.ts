import { z } from "zod";
import { phoneSchema } from "./orders";

/** Spaces, dots, dashes and brackets people type in phone numbers are dropped before checking. */
const mobileNumberSchema = z
  .string()
  .max(32, "Enter the number with its country code, e.g. +14155550123")
  .transform((v) => v.replace(/[\s().-]/g, ""))
  .pipe(z.union([z.literal(""), phoneSchema]))
  .transform((v) => v || null);

/** Which channels a person wants order messages on. A mobile number is needed for text messages. */
export const notificationPreferencesSchema = z
  .object({
    email: z.boolean(),
    sms: z.boolean(),
    phone: mobileNumberSchema.nullish().transform((v) => v ?? null),
  })
  .refine((p) => !p.sms || p.phone !== null, { path: ["phone"], message: "Enter a mobile number to get text messages" });

export type NotificationPreferencesInput = z.input<typeof notificationPreferencesSchema>;
export type NotificationPreferences = z.output<typeof notificationPreferencesSchema>;
