import { and, desc, eq, inArray, isNull, lt, or, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";

const { memberNotifications, memberBlocks, users } = schema;

export type MemberNotificationKind = (typeof memberNotifications.$inferSelect)["kind"];

export interface MemberNotice {
  userId: string;
  kind: MemberNotificationKind;
  /** Who caused it; members who blocked the actor do not get it, and nobody is notified of their own act. */
  actorId?: string | null;
  /** Plain text, one line: "Ana mentioned you in “Best grinder?”". */
  text: string;
  /** Storefront path to open. */
  href: string;
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

/**
 * Writes in-site notifications (call it inside the transaction that caused them). The same person is
 * told once per call; nobody is told about their own act; someone who blocked the actor is not told.
 * Returns how many were written.
 */
export async function notifyMembers(db: Db, items: MemberNotice[]): Promise<number> {
  const seen = new Set<string>();
  const wanted = items.filter((item) => {
    if (item.actorId && item.actorId === item.userId) return false;
    const key = `${item.userId}:${item.kind}:${item.href}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (wanted.length === 0) return 0;

  const actorIds = [...new Set(wanted.flatMap((i) => (i.actorId ? [i.actorId] : [])))];
  const blocked = new Set<string>();
  if (actorIds.length > 0) {
    const rows = await db
      .select({ userId: memberBlocks.userId, blockedUserId: memberBlocks.blockedUserId })
      .from(memberBlocks)
      .where(
        and(
          inArray(memberBlocks.blockedUserId, actorIds),
          inArray(
            memberBlocks.userId,
            wanted.map((i) => i.userId),
          ),
          eq(memberBlocks.kind, "block"),
        ),
      );
    for (const r of rows) blocked.add(`${r.userId}:${r.blockedUserId}`);
  }
  const rows = wanted
    // Moderation notices reach the member whoever the moderator is.
    .filter((i) => i.kind === "moderation" || !i.actorId || !blocked.has(`${i.userId}:${i.actorId}`))
    .map((i) => ({ userId: i.userId, kind: i.kind, actorId: i.actorId ?? null, text: i.text.slice(0, 300), href: i.href }));
  if (rows.length === 0) return 0;
  await db.insert(memberNotifications).values(rows);
  return rows.length;
}

export interface MemberNotificationItem {
  id: string;
  kind: MemberNotificationKind;
  text: string;
  href: string;
  actorName: string | null;
  read: boolean;
  createdAt: Date;
}

/** Cursor: "<iso date>|<id>" of the last item shown. */
function parseCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = cursor.split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at: date, id };
}

/** The member's notifications, newest first. */
export async function listMemberNotifications(
  db: Db,
  userId: string,
  options: { cursor?: string | null; limit?: number } = {},
): Promise<{ items: MemberNotificationItem[]; nextCursor: string | null }> {
  const limit = options.limit ?? NOTIFICATIONS_PAGE_SIZE;
  const after = parseCursor(options.cursor);
  const rows = await db
    .select({
      id: memberNotifications.id,
      kind: memberNotifications.kind,
      text: memberNotifications.text,
      href: memberNotifications.href,
      actorName: users.name,
      readAt: memberNotifications.readAt,
      createdAt: memberNotifications.createdAt,
    })
    .from(memberNotifications)
    .leftJoin(users, eq(users.id, memberNotifications.actorId))
    .where(
      and(
        eq(memberNotifications.userId, userId),
        after
          ? or(
              lt(memberNotifications.createdAt, after.at),
              and(eq(memberNotifications.createdAt, after.at), lt(memberNotifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(memberNotifications.createdAt), desc(memberNotifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ readAt, ...r }) => ({ ...r, read: readAt !== null }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null };
}

export async function unreadMemberNotificationCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(memberNotifications)
    .where(and(eq(memberNotifications.userId, userId), isNull(memberNotifications.readAt)));
  return row?.count ?? 0;
}

/** Marks the given notifications (or all of them) read; only the member's own. Returns how many changed. */
export async function markMemberNotificationsRead(db: Db, userId: string, ids?: string[]): Promise<number> {
  if (ids && ids.length === 0) return 0;
  const changed = await db
    .update(memberNotifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(memberNotifications.userId, userId),
        isNull(memberNotifications.readAt),
        ids ? inArray(memberNotifications.id, ids) : undefined,
      ),
    )
    .returning({ id: memberNotifications.id });
  return changed.length;
}
