import { randomBytes } from "node:crypto";
import { and, eq, gt, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { SignInInput, SignUpInput } from "@agora/validators";
import { DomainError, uniqueViolation } from "../errors";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./passwords";

const { users, userCredentials, userRoles, sessions, signInAttempts, sellerMembers } = schema;

export type PlatformRole = (typeof schema.platformRole.enumValues)[number];

export interface Viewer {
  id: string;
  email: string;
  name: string;
  roles: PlatformRole[];
}

export async function registerUser(db: Db, input: SignUpInput): Promise<Viewer> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email: input.email, name: input.name }).returning();
      if (!user) throw new Error("insert returned nothing");
      await tx.insert(userCredentials).values({ userId: user.id, passwordHash });
      return { id: user.id, email: user.email, name: user.name, roles: [] };
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined)
      throw new DomainError("CONFLICT", "An account with this e-mail already exists.", {
        fieldErrors: { email: "An account with this e-mail already exists. Sign in instead?" },
      });
    throw error;
  }
}

/** Failed sign-ins tolerated in the window, per e-mail and per address, before we slow people down. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 30 } as const;

async function assertNotThrottled(db: Db, email: string, ip: string | null) {
  const since = sql`now() - make_interval(mins => ${SIGN_IN_LIMITS.windowMinutes})`;
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${signInAttempts.email} = ${email})::int`,
      byIp: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${ip})::int`,
      oldest: sql<Date | null>`min(${signInAttempts.createdAt})`,
    })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, since),
        ip ? sql`(${signInAttempts.email} = ${email} or ${signInAttempts.ip} = ${ip})` : eq(signInAttempts.email, email),
      ),
    );
  if (!row) return;
  if (row.byEmail >= SIGN_IN_LIMITS.perEmail || row.byIp >= SIGN_IN_LIMITS.perIp) {
    const oldest = row.oldest ? new Date(row.oldest).getTime() : Date.now();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + SIGN_IN_LIMITS.windowMinutes * 60_000 - Date.now()) / 1000));
    throw new DomainError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds },
    );
  }
}

export async function rolesOf(db: Db, userId: string): Promise<PlatformRole[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.role);
}

/** Checks a password; every attempt is recorded so repeated failures are throttled. */
export async function authenticate(db: Db, input: SignInInput, ip: string | null = null): Promise<Viewer> {
  await assertNotThrottled(db, input.email, ip);
  const [found] = await db
    .select({ user: users, passwordHash: userCredentials.passwordHash })
    .from(users)
    .innerJoin(userCredentials, eq(userCredentials.userId, users.id))
    .where(eq(users.email, input.email));
  const ok = await verifyPassword(input.password, found?.passwordHash ?? DUMMY_PASSWORD_HASH);
  await db.insert(signInAttempts).values({ email: input.email, ip, succeeded: ok && !!found });
  if (!found || !ok) {
    throw new DomainError("UNAUTHENTICATED", "The e-mail or password is incorrect.", {
      fieldErrors: { password: "The e-mail or password is incorrect." },
    });
  }
  if (found.user.suspendedAt) throw new DomainError("ACCOUNT_SUSPENDED");
  return { id: found.user.id, email: found.user.email, name: found.user.name, roles: await rolesOf(db, found.user.id) };
}

/** The account with this e-mail, if any (e-mails are case-insensitive). */
export async function userIdForEmail(db: Db, email: string): Promise<string | null> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user?.id ?? null;
}

export const SESSION_DAYS = 30;

export async function createSession(db: Db, userId: string): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ id, userId, expiresAt });
  return { id, expiresAt };
}

/** The signed-in person behind a session id, or null when it was revoked, expired, or the account is suspended. */
export async function viewerForSession(db: Db, sessionId: string): Promise<(Viewer & { sellerId: string | null }) | null> {
  const [row] = await db
    .select({ user: users, sellerId: sellerMembers.sellerId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(sellerMembers, eq(sellerMembers.userId, users.id))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`)));
  if (!row || row.user.suspendedAt) return null;
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    roles: await rolesOf(db, row.user.id),
    sellerId: row.sellerId,
  };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function updateProfile(db: Db, userId: string, input: { name: string }): Promise<Viewer> {
  const [user] = await db.update(users).set({ name: input.name }).where(eq(users.id, userId)).returning();
  if (!user) throw new DomainError("NOT_FOUND", "Your account was not found.");
  return { id: user.id, email: user.email, name: user.name, roles: await rolesOf(db, user.id) };
}

export async function changePassword(
  db: Db,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  keepSessionId?: string,
): Promise<void> {
  const [cred] = await db.select().from(userCredentials).where(eq(userCredentials.userId, userId));
  if (!cred || !(await verifyPassword(input.currentPassword, cred.passwordHash))) {
    throw new DomainError("INVALID_INPUT", "Your current password is not right.", {
      fieldErrors: { currentPassword: "Your current password is not right." },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(userCredentials).set({ passwordHash }).where(eq(userCredentials.userId, userId));
    // Other devices are signed out: a changed password usually means the old one was exposed.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), keepSessionId ? sql`${sessions.id} <> ${keepSessionId}` : sql`true`));
  });
}
