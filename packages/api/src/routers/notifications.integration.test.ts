/**
 * Notification preferences on the account, and the development inbox (this test run configures no
 * SMTP or SMS provider, so the inbox is on): each person sees their own messages, operators everyone's.
 */
import { eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { createOperator, createShopper, uniqueSuffix, type TestViewer } from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();
const { outboxMessages } = schema;

let api: TestApi;
beforeAll(async () => {
  api = await useTestApi(db);
});

async function messageFor(person: TestViewer | null, overrides: Partial<typeof outboxMessages.$inferInsert> = {}) {
  const [row] = await db
    .insert(outboxMessages)
    .values({
      userId: person?.id ?? null,
      kind: "order_shipped",
      channel: "email",
      recipient: person?.email ?? `guest-${uniqueSuffix()}@agora.test`,
      subject: `Order shipped ${uniqueSuffix()}`,
      body: "Your order has shipped.",
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

describe("account notification preferences", () => {
  it("start as e-mail only, and say which channels can be used", async () => {
    const shopper = await createShopper(db);
    expect(await api.as(shopper).account.getNotificationPreferences()).toEqual({
      preferences: { email: true, sms: false, phone: null },
      available: { email: true, sms: true },
      devInbox: true,
    });
  });

  it("save a normalised phone number with SMS on", async () => {
    const shopper = await createShopper(db);
    const saved = await api.as(shopper).account.setNotificationPreferences({ email: false, sms: true, phone: "+1 415 555 0123" });
    expect(saved).toEqual({ email: false, sms: true, phone: "+14155550123" });
    expect((await api.as(shopper).account.getNotificationPreferences()).preferences).toEqual(saved);
  });

  it("refuse SMS without a valid number with a field error, saving nothing", async () => {
    const shopper = await createShopper(db);
    const missing = await failureOf(api.as(shopper).account.setNotificationPreferences({ email: true, sms: true, phone: "" }));
    expect(missing).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { phone: "Enter a mobile number to get text messages" } });
    const invalid = await failureOf(
      api.as(shopper).account.setNotificationPreferences({ email: true, sms: true, phone: "555-0123" }),
    );
    expect(invalid.fieldErrors).toEqual({ phone: "Enter the number with its country code, e.g. +14155550123" });
    const rows = await db
      .select()
      .from(schema.notificationPreferences)
      .where(eq(schema.notificationPreferences.userId, shopper.id));
    expect(rows).toEqual([]);
  });

  it("need a signed-in person", async () => {
    expect((await failureOf(api.as(null).account.getNotificationPreferences())).code).toBe("UNAUTHORIZED");
    expect(
      (await failureOf(api.as(null).account.setNotificationPreferences({ email: true, sms: false, phone: null }))).code,
    ).toBe("UNAUTHORIZED");
  });
});

describe("development inbox", () => {
  it("shows a person only their own messages, newest first", async () => {
    const [ada, bob] = [await createShopper(db), await createShopper(db)];
    const first = await messageFor(ada);
    const second = await messageFor(ada, {
      channel: "sms",
      recipient: "+14155550123",
      status: "sent",
      transport: "dev-inbox",
      sentAt: new Date(),
    });
    await messageFor(bob);
    const inbox = await api.as(ada).notifications.inbox({ page: 1 });
    expect(inbox.messages.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(inbox).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(inbox.messages[0]).toMatchObject({
      channel: "sms",
      recipient: "+14155550123",
      status: "sent",
      attempts: 0,
      body: "Your order has shipped.",
    });
  });

  it("shows an operator everyone's messages, guests' included", async () => {
    const operator = await createOperator(db);
    const guest = await messageFor(null);
    const inbox = await api.as(operator).notifications.inbox({ page: 1 });
    expect(inbox.messages.map((m) => m.id)).toContain(guest.id);
    expect(inbox.total).toBeGreaterThanOrEqual(4);
  });

  it("is not for signed-out visitors", async () => {
    expect((await failureOf(api.as(null).notifications.inbox({ page: 1 }))).code).toBe("UNAUTHORIZED");
  });
});

describe("retrying a failed message", () => {
  it("is for operators only; it queues the message again", async () => {
    const shopper = await createShopper(db);
    const failed = await messageFor(shopper, { status: "failed", attempts: 8, lastError: "550 mailbox unavailable" });
    expect((await failureOf(api.as(shopper).notifications.retry({ messageId: failed.id }))).code).toBe("FORBIDDEN");
    expect(await api.as(await createOperator(db)).notifications.retry({ messageId: failed.id })).toEqual({
      id: failed.id,
      status: "pending",
    });
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, failed.id));
    expect(row).toMatchObject({ status: "pending", attempts: 0, lastError: "550 mailbox unavailable" });
  });

  it("refuses a message that was delivered", async () => {
    const sent = await messageFor(null, { status: "sent" });
    const failure = await failureOf(api.as(await createOperator(db)).notifications.retry({ messageId: sent.id }));
    expect(failure).toMatchObject({ code: "PRECONDITION_FAILED", message: "That message was already delivered." });
  });
});
