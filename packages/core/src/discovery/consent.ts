import { and, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";

const { userConsents, userConsentEvents } = schema;

export type ConsentPurpose = (typeof schema.consentPurpose.enumValues)[number];

/** Whether the person allowed this purpose. Never asked counts as refused. */
export async function hasConsent(db: Db, userId: string, purpose: ConsentPurpose): Promise<boolean> {
  const [row] = await db
    .select({ granted: userConsents.granted })
    .from(userConsents)
    .where(and(eq(userConsents.userId, userId), eq(userConsents.purpose, purpose)));
  return row?.granted ?? false;
}

/** Records the person's answer and, in the same transaction, an audit entry of the change. */
export async function setConsent(db: Db, userId: string, purpose: ConsentPurpose, granted: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ granted: userConsents.granted })
      .from(userConsents)
      .where(and(eq(userConsents.userId, userId), eq(userConsents.purpose, purpose)))
      .for("update");
    if (before?.granted === granted) return granted;
    await tx
      .insert(userConsents)
      .values({ userId, purpose, granted })
      .onConflictDoUpdate({ target: [userConsents.userId, userConsents.purpose], set: { granted, updatedAt: sql`now()` } });
    await tx.insert(userConsentEvents).values({ userId, purpose, granted });
    return granted;
  });
}

export const getPersonalisationConsent = (db: Db, userId: string) => hasConsent(db, userId, "personalisation");
export const setPersonalisationConsent = (db: Db, userId: string, granted: boolean) => setConsent(db, userId, "personalisation", granted);
