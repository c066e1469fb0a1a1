import { z } from "zod";
import { idSchema } from "./common";
import { flagReasons, flagTargetTypes } from "./moderation-reasons";

export const flagContentSchema = z.object({
  targetType: z.enum(flagTargetTypes),
  targetId: idSchema,
  reason: z.enum(flagReasons, { message: "Choose a reason" }),
  note: z
    .string()
    .trim()
    .max(500, "Use at most 500 characters")
    .optional()
    .transform((v) => v || undefined),
});
export type FlagContentInput = z.infer<typeof flagContentSchema>;

export const moderationDecisions = ["approve", "hide", "delete", "dismiss"] as const;
export type ModerationDecision = (typeof moderationDecisions)[number];

/** One decision about one flagged or pending piece of content. */
export const moderateContentSchema = z.object({
  targetType: z.enum(flagTargetTypes),
  targetId: idSchema,
  decision: z.enum(moderationDecisions),
  note: z
    .string()
    .trim()
    .max(1_000, "Use at most 1,000 characters")
    .optional()
    .transform((v) => v || undefined),
});
export type ModerateContentInput = z.infer<typeof moderateContentSchema>;

export const warnMemberSchema = z.object({
  userId: idSchema,
  targetType: z.enum(flagTargetTypes).optional(),
  targetId: idSchema.optional(),
  message: z.string().trim().min(5, "Write a short message (at least 5 characters)").max(1_000, "Use at most 1,000 characters"),
});
export type WarnMemberInput = z.infer<typeof warnMemberSchema>;

export const suspendMemberSchema = z.object({
  userId: idSchema,
  days: z.coerce
    .number({ message: "Enter a number of days" })
    .int("Whole days only")
    .min(1, "At least 1 day")
    .max(365, "At most 365 days"),
  targetType: z.enum(flagTargetTypes).optional(),
  targetId: idSchema.optional(),
  note: z
    .string()
    .trim()
    .max(1_000, "Use at most 1,000 characters")
    .optional()
    .transform((v) => v || undefined),
});
export type SuspendMemberInput = z.infer<typeof suspendMemberSchema>;

/** An operator ends a member's suspension before its date. */
export const liftSuspensionSchema = z.object({ userId: idSchema });
export type LiftSuspensionInput = z.infer<typeof liftSuspensionSchema>;

export const moderationQueueSchema = z.object({
  limit: z.number().int().min(1).max(100).default(50),
});
