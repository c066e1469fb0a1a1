/**
 * The outbox worker: sends due messages through the right transport, retries failures with backoff
 * until it gives up (keeping the message), recovers a message whose worker crashed mid-send, and lets
 * concurrent workers share the queue without sending a message twice.
 */
import { asc, eq, inArray, schema } from "@agora/db";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import { domainErrorOf, uniqueSuffix } from "../../../../tooling/vitest/fixtures";
import { CLAIM_LEASE_MS, claimDueMessages, deliverDueMessages, MAX_ATTEMPTS, retryDelayMs, retryFailedMessage } from "./deliver";
import type { EmailTransport, MessageTransports, OutgoingEmail, OutgoingSms, SmsTransport } from "./transports";

const { db } = await useTestDatabase();
const { outboxMessages } = schema;

const T0 = new Date("2026-12-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Queues messages that are due at T0. */
async function enqueue(count: number, channel: "email" | "sms" = "email") {
  const rows = await db
    .insert(outboxMessages)
    .values(
      Array.from({ length: count }, (_, i) => ({
        kind: "order_accepted",
        channel,
        recipient: channel === "email" ? `person-${uniqueSuffix()}@agora.test` : "+14155550123",
        subject: `Message ${i + 1}`,
        body: `Body ${i + 1}`,
        availableAt: T0,
      })),
    )
    .returning({ id: outboxMessages.id });
  return rows.map((r) => r.id);
}

const byId = async (id: number) => {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!row) throw new Error(`message ${id} is gone`);
  return row;
};

/** Records what it sends; fails while `failing` is set. */
function recordingTransports(name = "test") {
  const emails: OutgoingEmail[] = [];
  const texts: OutgoingSms[] = [];
  const state = { failing: false as false | string, delayMs: 0 };
  const pause = () => new Promise((r) => setTimeout(r, state.delayMs));
  const email: EmailTransport = {
    name,
    async sendEmail(m) {
      await pause();
      if (state.failing) throw new Error(state.failing);
      emails.push(m);
    },
  };
  const sms: SmsTransport = {
    name: `${name}-sms`,
    async sendSms(m) {
      await pause();
      if (state.failing) throw new Error(state.failing);
      texts.push(m);
    },
  };
  const transports: MessageTransports = { email, sms };
  return { transports, emails, texts, state };
}

beforeEach(async () => {
  // Each test starts with an empty queue (one database per file).
  await db.delete(outboxMessages);
});

describe("deliverDueMessages", () => {
  it("sends each message through its channel's transport and marks it sent", async () => {
    const [emailId] = await enqueue(1, "email");
    const [smsId] = await enqueue(1, "sms");
    const { transports, emails, texts } = recordingTransports("dev-inbox");
    const report = await deliverDueMessages(db, transports, { now: T0 });
    expect(report).toEqual({ claimed: 2, sent: 2, retrying: 0, failed: 0 });
    expect(emails).toEqual([{ to: expect.stringMatching(/@agora\.test$/), subject: "Message 1", text: "Body 1" }]);
    expect(texts).toEqual([{ to: "+14155550123", body: "Body 1" }]);
    expect(await byId(emailId ?? 0)).toMatchObject({
      status: "sent",
      transport: "dev-inbox",
      attempts: 1,
      lastError: null,
      sentAt: T0,
    });
    expect(await byId(smsId ?? 0)).toMatchObject({ status: "sent", transport: "dev-inbox-sms", attempts: 1 });
    expect(await deliverDueMessages(db, transports, { now: at(60 * 60_000) })).toEqual({
      claimed: 0,
      sent: 0,
      retrying: 0,
      failed: 0,
    });
  });

  it("does not send a message before it is due", async () => {
    const [id] = await enqueue(1);
    const { transports, emails } = recordingTransports();
    expect((await deliverDueMessages(db, transports, { now: at(-1000) })).claimed).toBe(0);
    expect(emails).toEqual([]);
    expect(await byId(id ?? 0)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("retries a failing send with exponential backoff, then marks it failed and keeps it", async () => {
    const [id] = await enqueue(1);
    if (id === undefined) throw new Error("nothing queued");
    const { transports, emails, state } = recordingTransports();
    state.failing = "421 Service not available";
    let now = T0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueMessages(db, transports, { now })).toMatchObject({ claimed: 1, retrying: 1 });
      const row = await byId(id);
      expect(row).toMatchObject({ status: "pending", attempts: attempt, lastError: "421 Service not available" });
      expect(row.availableAt).toEqual(new Date(now.getTime() + retryDelayMs(attempt)));
      // Not due a moment before the backoff ends.
      expect((await deliverDueMessages(db, transports, { now: new Date(row.availableAt.getTime() - 1000) })).claimed).toBe(0);
      now = row.availableAt;
    }
    expect([1, 2, 3, 7].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 1_920_000]);
    expect(await deliverDueMessages(db, transports, { now })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await byId(id)).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
      lastError: "421 Service not available",
      sentAt: null,
    });
    // Failed messages stay put: no later pass picks them up.
    expect((await deliverDueMessages(db, transports, { now: at(365 * 24 * 3600_000) })).claimed).toBe(0);

    // An operator retries it once the mail server is back: a fresh set of attempts.
    state.failing = false;
    const retried = await retryFailedMessage(db, id, now);
    expect(retried).toMatchObject({ status: "pending", attempts: 0 });
    expect(await deliverDueMessages(db, transports, { now })).toMatchObject({ sent: 1 });
    expect(await byId(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(emails).toHaveLength(1);
  });

  it("retryFailedMessage refuses a message that did not fail", async () => {
    const [id] = await enqueue(1);
    expect((await domainErrorOf(retryFailedMessage(db, id ?? 0))).code).toBe("INVALID_STATE");
    expect((await domainErrorOf(retryFailedMessage(db, 987654321))).code).toBe("NOT_FOUND");
  });

  it("keeps retrying a channel that has no transport, saying why", async () => {
    const [id] = await enqueue(1, "sms");
    const { transports } = recordingTransports();
    expect(await deliverDueMessages(db, { ...transports, sms: null }, { now: T0 })).toMatchObject({ retrying: 1 });
    expect((await byId(id ?? 0)).lastError).toMatch(/No SMS provider is configured/);
  });

  it("recovers a message whose worker crashed mid-send: it is claimed again once the lease runs out", async () => {
    const [id] = await enqueue(1);
    // A worker claims it and dies before recording anything.
    expect((await claimDueMessages(db, 10, T0)).map((m) => m.id)).toEqual([id]);
    const { transports, emails } = recordingTransports();
    expect((await deliverDueMessages(db, transports, { now: at(CLAIM_LEASE_MS - 1000) })).claimed).toBe(0);
    expect(await deliverDueMessages(db, transports, { now: at(CLAIM_LEASE_MS) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await byId(id ?? 0)).toMatchObject({ status: "sent", attempts: 2 });
    expect(emails).toHaveLength(1);
  });
});

describe("concurrent workers", () => {
  it("skip messages another worker has locked instead of waiting for them or taking them", async () => {
    const ids = await enqueue(6);
    const locked = ids.slice(0, 3);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let lockTaken = () => {};
    const lockIsTaken = new Promise<void>((r) => (lockTaken = r));
    // Another worker in the middle of its claim holds row locks on the first three.
    const other = db.transaction(async (tx) => {
      await tx.select({ id: outboxMessages.id }).from(outboxMessages).where(inArray(outboxMessages.id, locked)).for("update");
      lockTaken();
      await held;
    });
    await lockIsTaken;
    const { transports, emails } = recordingTransports();
    const report = await deliverDueMessages(db, transports, { now: T0 });
    release();
    await other;
    expect(report).toMatchObject({ claimed: 3, sent: 3 });
    const rows = await db
      .select({ id: outboxMessages.id, status: outboxMessages.status })
      .from(outboxMessages)
      .orderBy(asc(outboxMessages.id));
    expect(rows.filter((r) => r.status === "sent").map((r) => r.id)).toEqual(ids.slice(3));
    expect(emails).toHaveLength(3);
  });

  it("never send the same message twice when several run at once", async () => {
    const ids = await enqueue(60);
    const workers = [recordingTransports("w1"), recordingTransports("w2"), recordingTransports("w3")];
    for (const w of workers) w.state.delayMs = 5;
    // Every worker keeps taking small batches until the queue is empty, all at the same time.
    await Promise.all(
      workers.map(async (w) => {
        for (;;) {
          const report = await deliverDueMessages(db, w.transports, { now: T0, batchSize: 7 });
          if (report.claimed === 0) return;
        }
      }),
    );
    const sentTo = workers.flatMap((w) => w.emails.map((e) => e.to));
    expect(sentTo).toHaveLength(60);
    expect(new Set(sentTo).size).toBe(60);
    // The work was shared, and each message records the worker that sent it, once.
    expect(workers.filter((w) => w.emails.length > 0).length).toBeGreaterThan(1);
    const rows = await db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    for (const w of workers) expect(rows.filter((r) => r.transport === w.transports.email?.name)).toHaveLength(w.emails.length);
  });
});
