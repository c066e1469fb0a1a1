import { and, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { MemberBlockInput } from "@agora/validators";
import { DomainError, notFound } from "../../errors";
import { memberStanding } from "../profiles";

const { memberBlocks, memberProfiles } = schema;

export type BlockKind = "mute" | "block";

/**
 * Mutes (their posts are collapsed for me) or blocks (also: they cannot notify me) a member by handle,
 * or lifts it with kind null.
 */
export async function setMemberBlock(db: Db, actorUserId: string, input: MemberBlockInput): Promise<{ kind: BlockKind | null }> {
  return db.transaction(async (tx) => {
    await memberStanding(tx, actorUserId, { allowSilenced: true });
    const [other] = await tx
      .select({ userId: memberProfiles.userId })
      .from(memberProfiles)
      .where(sql`lower(${memberProfiles.handle}::text) = ${input.handle.toLowerCase()}`);
    if (!other) throw notFound("That member");
    if (other.userId === actorUserId) throw new DomainError("INVALID_INPUT", "You cannot mute or block yourself.");
    if (input.kind === null) {
      await tx.delete(memberBlocks).where(and(eq(memberBlocks.userId, actorUserId), eq(memberBlocks.blockedUserId, other.userId)));
      return { kind: null };
    }
    await tx
      .insert(memberBlocks)
      .values({ userId: actorUserId, blockedUserId: other.userId, kind: input.kind })
      .onConflictDoUpdate({ target: [memberBlocks.userId, memberBlocks.blockedUserId], set: { kind: input.kind, createdAt: sql`now()` } });
    return { kind: input.kind };
  });
}

/** Whom the member muted or blocked: user id → kind. */
export async function memberBlockMap(db: Db, userId: string): Promise<Map<string, BlockKind>> {
  const rows = await db.select({ blockedUserId: memberBlocks.blockedUserId, kind: memberBlocks.kind }).from(memberBlocks).where(eq(memberBlocks.userId, userId));
  return new Map(rows.map((r) => [r.blockedUserId, r.kind]));
}
