import { count, desc, eq, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { notFound } from "../errors";

const { outboxMessages } = schema;

export const INBOX_PAGE_SIZE = 25;

export type InboxMessage = Pick<
  typeof outboxMessages.$inferSelect,
  | "id"
  | "kind"
  | "channel"
  | "recipient"
  | "subject"
  | "body"
  | "status"
  | "attempts"
  | "lastError"
  | "transport"
  | "createdAt"
  | "sentAt"
  | "availableAt"
>;

/**
 * The development inbox: the messages Agora wrote for a person (operators: for everyone), newest first,
 * whatever their delivery state. Only offered while no real e-mail or SMS transport is configured.
 */
export async function listInboxMessages(
  db: Db,
  input: { viewerId: string; everyone: boolean; page: number; devInbox: boolean },
): Promise<{ messages: InboxMessage[]; total: number; page: number; pageCount: number }> {
  if (!input.devInbox) throw notFound("The development inbox");
  const where = input.everyone ? undefined : eq(outboxMessages.userId, input.viewerId);
  const [totals] = await db.select({ total: count() }).from(outboxMessages).where(where);
  const total = totals?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const messages = await db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      channel: outboxMessages.channel,
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      body: outboxMessages.body,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      transport: outboxMessages.transport,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
      availableAt: outboxMessages.availableAt,
    })
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE);
  return { messages, total, page, pageCount };
}
