import { and, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import { DomainError } from "../errors";
import type { Standing } from "./trust";

const { users, userRoles, memberProfiles, sellerMembers, sellers } = schema;

export interface MemberStanding extends Standing {
  userId: string;
  handle: string;
  name: string;
  approvedPosts: number;
  isOperator: boolean;
  /** The approved store this member works for, if any: their posts carry a seller badge. */
  seller: { id: string; slug: string; name: string } | null;
}

/** A handle from a display name: ascii letters, digits, "_" and "-", 3–30 characters. */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24);
  return base.length >= 3 ? base : `member-${base || "x"}`.slice(0, 24);
}

/**
 * The member's community profile, made on first use with a unique handle derived from their name, and
 * what the rules need to know about them. Refuses a member a moderator has silenced.
 */
export async function memberStanding(db: Db, userId: string, options: { allowSilenced?: boolean } = {}): Promise<MemberStanding> {
  const [user] = await db
    .select({
      name: users.name,
      suspendedAt: users.suspendedAt,
      isOperator: sql<boolean>`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = 'operator')`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new DomainError("UNAUTHENTICATED");
  if (user.suspendedAt) throw new DomainError("ACCOUNT_SUSPENDED");

  let [profile] = await db.select().from(memberProfiles).where(eq(memberProfiles.userId, userId));
  if (!profile) profile = await createProfile(db, userId, user.name);

  if (!options.allowSilenced && profile.silencedUntil && profile.silencedUntil.getTime() > Date.now())
    throw new DomainError(
      "FORBIDDEN",
      `A moderator has suspended your community access until ${profile.silencedUntil.toISOString().slice(0, 10)}.`,
    );

  const [store] = await db
    .select({ id: sellers.id, slug: sellers.slug, name: sellers.name })
    .from(sellerMembers)
    .innerJoin(sellers, eq(sellers.id, sellerMembers.sellerId))
    .where(and(eq(sellerMembers.userId, userId), eq(sellers.status, "approved")));

  return {
    userId,
    handle: profile.handle,
    name: user.name,
    level: profile.level,
    approvedPosts: profile.approvedPosts,
    isOperator: user.isOperator,
    seller: store ?? null,
    trusted: user.isOperator || !!store,
  };
}

async function createProfile(db: Db, userId: string, name: string) {
  const base = handleFromName(name);
  for (let attempt = 0; attempt < 8; attempt++) {
    const handle = attempt === 0 ? base : `${base.slice(0, 24)}-${Math.floor(1000 + Math.random() * 9000)}`;
    const [row] = await db.insert(memberProfiles).values({ userId, handle }).onConflictDoNothing().returning();
    if (row) return row;
    // Someone else made this member's profile at the same moment: use it.
    const [existing] = await db.select().from(memberProfiles).where(eq(memberProfiles.userId, userId));
    if (existing) return existing;
  }
  throw new Error("could not choose a free handle");
}
