import { and, eq, gt, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { DomainError } from "../errors";
import { effectiveLevel, type Standing } from "./trust";

const { memberActions } = schema;

/**
 * Per-member limits on community actions: at most `max` in any sliding `windowSeconds`, tighter for new
 * members. Over the limit the API answers HTTP 429 with the seconds until the next attempt may succeed.
 */
export const RATE_LIMITS = {
  "thread.create": { windowSeconds: 600, max: { new: 2, member: 10 } },
  "post.create": { windowSeconds: 600, max: { new: 5, member: 30 } },
  "post.edit": { windowSeconds: 600, max: { new: 10, member: 60 } },
  "reaction.add": { windowSeconds: 60, max: { new: 20, member: 60 } },
  "flag.create": { windowSeconds: 3600, max: { new: 10, member: 30 } },
  "review.create": { windowSeconds: 86_400, max: { new: 10, member: 30 } },
  "question.create": { windowSeconds: 3600, max: { new: 5, member: 20 } },
  "answer.create": { windowSeconds: 3600, max: { new: 10, member: 40 } },
  "story.save": { windowSeconds: 3600, max: { new: 20, member: 60 } },
} as const;

export type RateLimitedAction = keyof typeof RATE_LIMITS;

export function limitFor(action: RateLimitedAction, standing: Standing): { max: number; windowSeconds: number } {
  const rule = RATE_LIMITS[action];
  return { max: effectiveLevel(standing) === 0 ? rule.max.new : rule.max.member, windowSeconds: rule.windowSeconds };
}

/**
 * Records one `action` by `userId`, or throws RATE_LIMITED (with retryAfterSeconds) when the member is at
 * their limit. Call it inside the transaction that does the action, so a refused or failed action leaves
 * no trace. Attempts by the same member for the same action are serialised by an advisory lock, so
 * concurrent requests cannot all slip under the limit.
 */
export async function consumeRateLimit(db: Db, userId: string, action: RateLimitedAction, standing: Standing): Promise<void> {
  const { max, windowSeconds } = limitFor(action, standing);
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rate:${userId}:${action}`}, 0))`);
  const since = sql`now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${memberActions.createdAt})` })
    .from(memberActions)
    .where(and(eq(memberActions.userId, userId), eq(memberActions.action, action), gt(memberActions.createdAt, since)));
  if (row && row.count >= max) {
    const oldest = row.oldest ? new Date(row.oldest).getTime() : Date.now();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowSeconds * 1000 - Date.now()) / 1000));
    throw new DomainError("RATE_LIMITED", `You are doing that too often. Please wait ${formatWait(retryAfterSeconds)} and try again.`, {
      retryAfterSeconds,
    });
  }
  await db.insert(memberActions).values({ userId, action });
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}
