/**
 * Accounts and sessions: sign-up, password sign-in with throttling, server-side sessions that stop
 * working when revoked or when the account is suspended, and password changes.
 */
import { eq, schema, sql } from "@agora/db";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createSellerAccount, createUser, domainErrorOf, TEST_PASSWORD, uniqueSuffix } from "../../../../tooling/vitest/fixtures";
import {
  authenticate,
  changePassword,
  createSession,
  registerUser,
  revokeSession,
  SIGN_IN_LIMITS,
  updateProfile,
  viewerForSession,
} from "./accounts";

const { db } = await useTestDatabase();

const email = () => `someone-${uniqueSuffix()}@agora.test`;

describe("registerUser", () => {
  it("creates an account without roles and stores only a hash of the password", async () => {
    const address = email();
    const viewer = await registerUser(db, { name: "Ada", email: address, password: TEST_PASSWORD });
    expect(viewer).toMatchObject({ name: "Ada", email: address, roles: [] });
    const [cred] = await db.select().from(schema.userCredentials).where(eq(schema.userCredentials.userId, viewer.id));
    expect(cred?.passwordHash).toMatch(/^scrypt\$/);
    expect(cred?.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("refuses an e-mail that is taken, whatever its case, with a field error and no second account", async () => {
    const address = email();
    await registerUser(db, { name: "First", email: address, password: TEST_PASSWORD });
    const error = await domainErrorOf(
      registerUser(db, { name: "Second", email: address.toUpperCase(), password: TEST_PASSWORD }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors.email).toMatch(/already exists/);
    const rows = await db.select().from(schema.users).where(eq(schema.users.email, address));
    expect(rows.map((r) => r.name)).toEqual(["First"]);
  });
});

describe("authenticate", () => {
  it("signs in with the right password, ignoring the e-mail's case", async () => {
    const user = await createUser(db);
    const viewer = await authenticate(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(viewer).toEqual({ id: user.id, email: user.email, name: user.name, roles: [] });
  });

  it("includes platform roles", async () => {
    const user = await createUser(db);
    await db.insert(schema.userRoles).values({ userId: user.id, role: "operator" });
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD })).roles).toEqual(["operator"]);
  });

  it("refuses a wrong password and an unknown e-mail with the same UNAUTHENTICATED error", async () => {
    const user = await createUser(db);
    const wrong = await domainErrorOf(authenticate(db, { email: user.email, password: "not-the-password-1" }));
    const unknown = await domainErrorOf(authenticate(db, { email: email(), password: TEST_PASSWORD }));
    expect(wrong.code).toBe("UNAUTHENTICATED");
    expect(wrong.fieldErrors).toEqual({ password: "The e-mail or password is incorrect." });
    expect([unknown.code, unknown.message, unknown.fieldErrors]).toEqual([wrong.code, wrong.message, wrong.fieldErrors]);
  });

  it(`after ${SIGN_IN_LIMITS.perEmail} failures for one e-mail, refuses even the right password with RATE_LIMITED`, async () => {
    const user = await createUser(db);
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++)
      expect((await domainErrorOf(authenticate(db, { email: user.email, password: `wrong-password-${i}` }))).code).toBe(
        "UNAUTHENTICATED",
      );

    const limited = await domainErrorOf(authenticate(db, { email: user.email, password: TEST_PASSWORD }));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.retryAfterSeconds).toBeGreaterThan(SIGN_IN_LIMITS.windowMinutes * 60 - 60);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMinutes * 60);
    expect(limited.message).toMatch(/Try again in 15 minute/);

    // Another person is not affected.
    const other = await createUser(db);
    expect((await authenticate(db, { email: other.email, password: TEST_PASSWORD })).id).toBe(other.id);
  });

  it("counts the failures in any letter case against the same e-mail", async () => {
    const user = await createUser(db);
    await db
      .insert(schema.signInAttempts)
      .values(Array.from({ length: SIGN_IN_LIMITS.perEmail - 1 }, () => ({ email: user.email.toUpperCase(), succeeded: false })));
    await domainErrorOf(authenticate(db, { email: user.email, password: "wrong-password-9" }));
    expect((await domainErrorOf(authenticate(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }))).code).toBe(
      "RATE_LIMITED",
    );
  });

  it("forgets failures older than the window", async () => {
    const user = await createUser(db);
    await db.insert(schema.signInAttempts).values(
      Array.from({ length: SIGN_IN_LIMITS.perEmail }, () => ({
        email: user.email,
        succeeded: false,
        createdAt: new Date(Date.now() - (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000),
      })),
    );
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD })).id).toBe(user.id);
  });

  it(`throttles one address after ${SIGN_IN_LIMITS.perIp} failures, across e-mails`, async () => {
    const ip = "203.0.113.7";
    await db
      .insert(schema.signInAttempts)
      .values(Array.from({ length: SIGN_IN_LIMITS.perIp }, (_, i) => ({ email: `guess-${i}@agora.test`, ip, succeeded: false })));
    const user = await createUser(db);
    const limited = await domainErrorOf(authenticate(db, { email: user.email, password: TEST_PASSWORD }, ip));
    expect(limited.code).toBe("RATE_LIMITED");
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, "198.51.100.1")).id).toBe(user.id);
  });

  it("refuses a suspended account with the right password", async () => {
    const user = await createUser(db);
    await db.update(schema.users).set({ suspendedAt: new Date() }).where(eq(schema.users.id, user.id));
    expect((await domainErrorOf(authenticate(db, { email: user.email, password: TEST_PASSWORD }))).code).toBe(
      "ACCOUNT_SUSPENDED",
    );
  });
});

describe("sessions", () => {
  it("resolve to the signed-in person with roles and store", async () => {
    const { viewer: sellerViewer, seller } = await createSellerAccount(db, "pending");
    const session = await createSession(db, sellerViewer.id);
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await viewerForSession(db, session.id)).toEqual({
      id: sellerViewer.id,
      email: sellerViewer.email,
      name: sellerViewer.name,
      roles: [],
      sellerId: seller.id,
    });
  });

  it("stop working once revoked", async () => {
    const user = await createUser(db);
    const kept = await createSession(db, user.id);
    const revoked = await createSession(db, user.id);
    await revokeSession(db, revoked.id);
    expect(await viewerForSession(db, revoked.id)).toBeNull();
    expect((await viewerForSession(db, kept.id))?.id).toBe(user.id);
  });

  it("stop working when the account is suspended, and work again when it is restored", async () => {
    const user = await createUser(db);
    const session = await createSession(db, user.id);
    await db.update(schema.users).set({ suspendedAt: new Date() }).where(eq(schema.users.id, user.id));
    expect(await viewerForSession(db, session.id)).toBeNull();
    await db.update(schema.users).set({ suspendedAt: null }).where(eq(schema.users.id, user.id));
    expect((await viewerForSession(db, session.id))?.id).toBe(user.id);
  });

  it("stop working after they expire", async () => {
    const user = await createUser(db);
    const session = await createSession(db, user.id);
    await db
      .update(schema.sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(schema.sessions.id, session.id));
    expect(await viewerForSession(db, session.id)).toBeNull();
  });

  it("are unknown for a made-up id", async () => {
    expect(await viewerForSession(db, "made-up-session-id")).toBeNull();
  });
});

describe("changePassword", () => {
  it("needs the current password and changes nothing without it", async () => {
    const user = await createUser(db);
    const other = await createSession(db, user.id);
    const error = await domainErrorOf(
      changePassword(db, user.id, { currentPassword: "not-my-password-1", newPassword: "a-new-password-2" }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toEqual({ currentPassword: "Your current password is not right." });
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD })).id).toBe(user.id);
    expect(await viewerForSession(db, other.id)).not.toBeNull();
  });

  it("switches to the new password and signs out every other session", async () => {
    const user = await createUser(db);
    const current = await createSession(db, user.id);
    const laptop = await createSession(db, user.id);
    const phone = await createSession(db, user.id);
    const someoneElse = await createUser(db);
    const theirs = await createSession(db, someoneElse.id);

    await changePassword(db, user.id, { currentPassword: TEST_PASSWORD, newPassword: "a-new-password-2" }, current.id);

    expect(await viewerForSession(db, current.id)).not.toBeNull();
    expect(await viewerForSession(db, laptop.id)).toBeNull();
    expect(await viewerForSession(db, phone.id)).toBeNull();
    expect(await viewerForSession(db, theirs.id)).not.toBeNull();
    expect((await authenticate(db, { email: user.email, password: "a-new-password-2" })).id).toBe(user.id);
    expect((await domainErrorOf(authenticate(db, { email: user.email, password: TEST_PASSWORD }))).code).toBe("UNAUTHENTICATED");
  });
});

describe("updateProfile", () => {
  it("renames the person", async () => {
    const user = await createUser(db);
    expect((await updateProfile(db, user.id, { name: "New Name" })).name).toBe("New Name");
  });
});
