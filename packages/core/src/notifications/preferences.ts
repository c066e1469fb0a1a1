import { eq, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { NotificationPreferences } from "@agora/validators";
import { DomainError } from "../errors";
import type { MessageChannel } from "./config";

const { notificationPreferences } = schema;

/** A person who never chose gets e-mail only. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = { email: true, sms: false, phone: null };

export async function getNotificationPreferences(db: Db, userId: string): Promise<NotificationPreferences> {
  const [row] = await db
    .select({ email: notificationPreferences.email, sms: notificationPreferences.sms, phone: notificationPreferences.phone })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return row ?? DEFAULT_NOTIFICATION_PREFERENCES;
}

/**
 * Saves a person's channels. A channel that cannot reach anyone with this deployment's settings
 * cannot be switched on (it would queue messages that never arrive).
 */
export async function setNotificationPreferences(
  db: Db,
  userId: string,
  input: NotificationPreferences,
  available: Record<MessageChannel, boolean>,
): Promise<NotificationPreferences> {
  if (input.sms && !available.sms)
    throw new DomainError("INVALID_INPUT", "Text messages are not available on this marketplace yet.", {
      fieldErrors: { sms: "Text messages are not available yet" },
    });
  if (input.email && !available.email)
    throw new DomainError("INVALID_INPUT", "E-mail is not available on this marketplace yet.", {
      fieldErrors: { email: "E-mail is not available yet" },
    });
  const values = { email: input.email, sms: input.sms, phone: input.phone };
  const [row] = await db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values })
    .returning({ email: notificationPreferences.email, sms: notificationPreferences.sms, phone: notificationPreferences.phone });
  if (!row) throw new Error("saving notification preferences returned nothing");
  return row;
}
