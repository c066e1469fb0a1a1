/**
 * The outbox worker's pass: claim due messages, send each through its channel, record the outcome.
 *
 * Delivery is at-least-once. A claim is a short transaction (FOR UPDATE SKIP LOCKED, so concurrent
 * workers take disjoint messages) that counts the attempt and leases the message by moving its
 * available_at forward; the send happens outside any transaction; the outcome is written afterwards.
 * A worker that crashes mid-send leaves the message pending, and it is claimed again when the lease
 * runs out — it may then be sent twice, but it is never lost. Messages are never deleted: after
 * MAX_ATTEMPTS failures a message is marked failed and an operator can retry it.
 */
import { and, eq, inArray, lte, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { DomainError, notFound } from "../errors";
import { OUTBOX_CHANNEL } from "./notify";
import type { MessageTransports } from "./transports";

const { outboxMessages } = schema;

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export const MAX_ATTEMPTS = 8;
/** A claimed message is someone's for this long; longer than any send may take. */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** A send that takes longer is abandoned and counted as failed. */
export const SEND_TIMEOUT_MS = 45_000;

/** Waits before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

export interface DeliveryOptions {
  batchSize?: number;
  /** The time of this pass (tests move it forward). */
  now?: Date;
  maxAttempts?: number;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  /** Failed this time, scheduled again. */
  retrying: number;
  /** Failed for the last time: status 'failed'. */
  failed: number;
}

/** Claims up to `batchSize` due messages for this worker: counts the attempt and leases them for CLAIM_LEASE_MS. */
export async function claimDueMessages(db: Db, batchSize: number, now: Date): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, "pending"), lte(outboxMessages.availableAt, now)))
    .orderBy(outboxMessages.availableAt, outboxMessages.id)
    .limit(batchSize)
    .for("update", { skipLocked: true });
  return db
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1`, availableAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(inArray(outboxMessages.id, due))
    .returning();
}

async function send(message: OutboxMessage, transports: MessageTransports): Promise<string> {
  if (message.channel === "email") {
    const transport = transports.email;
    if (!transport) throw new Error("No e-mail transport is configured (set SMTP_URL and SMTP_FROM).");
    await transport.sendEmail({ to: message.recipient, subject: message.subject, text: message.body });
    return transport.name;
  }
  const transport = transports.sms;
  if (!transport) throw new Error("No SMS provider is configured (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM).");
  await transport.sendSms({ to: message.recipient, body: message.body });
  return transport.name;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Sending took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** One pass: claims a batch of due messages and delivers them one by one. */
export async function deliverDueMessages(
  db: Db,
  transports: MessageTransports,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const claimed = await claimDueMessages(db, options.batchSize ?? 20, now);
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  for (const message of claimed) {
    // Only the claim that is still current may record its outcome (a slower, expired claim may not).
    const stillOurs = and(
      eq(outboxMessages.id, message.id),
      eq(outboxMessages.status, "pending"),
      eq(outboxMessages.attempts, message.attempts),
    );
    try {
      const transport = await withTimeout(send(message, transports), SEND_TIMEOUT_MS);
      await db
        .update(outboxMessages)
        .set({ status: "sent", transport, sentAt: options.now ?? new Date(), lastError: null })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, "pending")));
      report.sent++;
    } catch (error) {
      const final = message.attempts >= maxAttempts;
      await db
        .update(outboxMessages)
        .set(
          final
            ? { status: "failed", lastError: errorText(error) }
            : { lastError: errorText(error), availableAt: new Date(now.getTime() + retryDelayMs(message.attempts)) },
        )
        .where(stillOurs);
      if (final) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/** An operator sends a failed message again: it gets a fresh set of attempts, starting now. */
export async function retryFailedMessage(db: Db, messageId: number, now: Date = new Date()): Promise<OutboxMessage> {
  const [message] = await db
    .update(outboxMessages)
    .set({ status: "pending", attempts: 0, availableAt: now })
    .where(and(eq(outboxMessages.id, messageId), eq(outboxMessages.status, "failed")))
    .returning();
  if (message) {
    await db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
    return message;
  }
  const [existing] = await db
    .select({ status: outboxMessages.status })
    .from(outboxMessages)
    .where(eq(outboxMessages.id, messageId));
  if (!existing) throw notFound("The message");
  throw new DomainError(
    "INVALID_STATE",
    existing.status === "sent" ? "That message was already delivered." : "That message is still being delivered.",
  );
}
