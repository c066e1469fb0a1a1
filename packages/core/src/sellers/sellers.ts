import { and, desc, eq, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { ReviewSellerInput, SellerApplicationInput, SellerProfileInput } from "@agora/validators";
import { correlated } from "../correlated";
import { DomainError, notFound, uniqueViolation } from "../errors";
import { renderMarkdown } from "../markdown";
import { refreshSearchDocument } from "../search";

const { sellers, sellerMembers, listings } = schema;
export type Seller = typeof sellers.$inferSelect;
export type SellerStatus = Seller["status"];

/** A signed-in person applies to sell; the store waits for an operator's review. */
export async function applyToSell(db: Db, userId: string, input: SellerApplicationInput): Promise<Seller> {
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(sellerMembers).where(eq(sellerMembers.userId, userId));
      if (existing) throw new DomainError("CONFLICT", "You already belong to a store.");
      const [seller] = await tx
        .insert(sellers)
        .values({ ...input, contactPhone: input.contactPhone ?? null, status: "pending" })
        .returning();
      if (!seller) throw new Error("insert returned nothing");
      await tx.insert(sellerMembers).values({ sellerId: seller.id, userId, role: "owner" });
      return seller;
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint?.includes("slug"))
      throw new DomainError("CONFLICT", "That store address is taken.", {
        fieldErrors: { slug: "That store address is taken. Try another." },
      });
    if (constraint?.includes("user")) throw new DomainError("CONFLICT", "You already belong to a store.");
    throw error;
  }
}

export async function getSellerForMember(db: Db, userId: string) {
  const [row] = await db
    .select({ seller: sellers, role: sellerMembers.role })
    .from(sellerMembers)
    .innerJoin(sellers, eq(sellers.id, sellerMembers.sellerId))
    .where(eq(sellerMembers.userId, userId));
  return row ?? null;
}

export async function updateSellerProfile(db: Db, sellerId: string, input: SellerProfileInput): Promise<Seller> {
  const [seller] = await db
    .update(sellers)
    .set({ ...input, contactPhone: input.contactPhone ?? null, aboutHtml: renderMarkdown(input.about) })
    .where(eq(sellers.id, sellerId))
    .returning();
  if (!seller) throw notFound("The store");
  return seller;
}

export async function setSellerImage(db: Db, sellerId: string, kind: "logo" | "banner", key: string): Promise<Seller> {
  const [seller] = await db
    .update(sellers)
    .set(kind === "logo" ? { logoKey: key } : { bannerKey: key })
    .where(eq(sellers.id, sellerId))
    .returning();
  if (!seller) throw notFound("The store");
  return seller;
}

/** Operators decide on applications. Approving a rejected store later is allowed; the reason is cleared. */
export async function reviewSeller(db: Db, operatorId: string, input: ReviewSellerInput): Promise<Seller> {
  const approve = input.decision === "approve";
  return db.transaction(async (tx) => {
    const [seller] = await tx
      .update(sellers)
      .set({
        status: approve ? "approved" : "rejected",
        statusReason: approve ? null : input.reason,
        reviewedAt: new Date(),
        reviewedBy: operatorId,
      })
      .where(and(eq(sellers.id, input.sellerId), sql`${sellers.status} in ('pending', 'rejected', 'approved')`))
      .returning();
    if (!seller) throw notFound("The store");
    if (!approve) {
      // A rejected store's listings leave the storefront, and search with it.
      const drafted = await tx
        .update(listings)
        .set({ status: "draft" })
        .where(and(eq(listings.sellerId, seller.id), eq(listings.status, "active")))
        .returning({ id: listings.id });
      await refreshSearchDocument(
        tx,
        drafted.map((l) => l.id),
      );
    }
    return seller;
  });
}

export async function listSellersForReview(db: Db, status?: SellerStatus) {
  return db
    .select({
      seller: sellers,
      listingCount: correlated<number>(sql`(select count(*)::int from ${listings} where ${listings.sellerId} = ${sellers.id})`),
    })
    .from(sellers)
    .where(status ? eq(sellers.status, status) : undefined)
    .orderBy(sql`${sellers.status} = 'pending' desc`, desc(sellers.createdAt))
    .limit(200);
}
