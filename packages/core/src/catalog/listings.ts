import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, ilike, inArray, notInArray, or, sql, type Db } from "@agora/db";
import { schema } from "@agora/db";
import type { ListingInput } from "@agora/validators";
import { correlated } from "../correlated";
import { checkViolation, DomainError, notFound, uniqueViolation } from "../errors";
import { availableFrom } from "../inventory/stock-state";
import { renderMarkdown } from "../markdown";
import { refreshSearchDocument } from "../search";
import { slugify } from "./slug";

export { slugify };
import type { Seller } from "../sellers/sellers";

const { listings, variants, listingAttributes, listingImages, stockLevels, stockLocations, categories } = schema;
export type Listing = typeof listings.$inferSelect;
export type ListingStatus = Listing["status"];


const skuTaken = (index: number) =>
  new DomainError("CONFLICT", "A SKU is already used by another of your listings.", {
    fieldErrors: { [`variants.${index}.sku`]: "You already use this SKU on another listing." },
  });

/** Checks that every reference in the input belongs to this seller and that SKUs are free, before writing. */
async function assertReferences(db: Db, sellerId: string, input: ListingInput, listingId: string | null) {
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
  if (!category)
    throw new DomainError("INVALID_INPUT", "Choose a category.", { fieldErrors: { categoryId: "Choose a category from the list." } });

  const locationIds = [...new Set(input.variants.flatMap((v) => v.stock.map((s) => s.locationId)))];
  if (locationIds.length) {
    const owned = await db
      .select({ id: stockLocations.id })
      .from(stockLocations)
      .where(and(eq(stockLocations.sellerId, sellerId), inArray(stockLocations.id, locationIds)));
    const ownedIds = new Set(owned.map((o) => o.id));
    for (const [i, v] of input.variants.entries())
      for (const [j, s] of v.stock.entries())
        if (!ownedIds.has(s.locationId))
          throw new DomainError("INVALID_INPUT", "A stock location is not one of yours.", {
            fieldErrors: { [`variants.${i}.stock.${j}`]: "This location is not one of yours." },
          });
  }

  const skus = input.variants.map((v) => v.sku);
  const clashes = await db
    .select({ sku: variants.sku })
    .from(variants)
    .where(
      and(
        eq(variants.sellerId, sellerId),
        inArray(variants.sku, skus),
        listingId ? sql`${variants.listingId} <> ${listingId}` : undefined,
      ),
    );
  if (clashes.length) {
    const taken = new Set(clashes.map((c) => c.sku.toLowerCase()));
    throw skuTaken(input.variants.findIndex((v) => taken.has(v.sku.toLowerCase())));
  }
}

function listingColumns(input: ListingInput) {
  return {
    title: input.title,
    brand: input.brand ?? null,
    description: input.description,
    descriptionHtml: renderMarkdown(input.description),
    categoryId: input.categoryId,
    condition: input.condition,
    optionNames: input.optionNames,
    minPriceMinor: Math.min(...input.variants.map((v) => v.priceMinor)),
  };
}

/** Writes variants, their stock and the attributes so they match the input exactly. */
async function writeChildren(tx: Db, sellerId: string, listingId: string, input: ListingInput) {
  await tx.delete(listingAttributes).where(eq(listingAttributes.listingId, listingId));
  if (input.attributes.length)
    await tx.insert(listingAttributes).values(input.attributes.map((a, position) => ({ listingId, ...a, position })));

  const keepIds = input.variants.flatMap((v) => (v.id ? [v.id] : []));
  const existing = await tx.select({ id: variants.id }).from(variants).where(eq(variants.listingId, listingId));
  const existingIds = new Set(existing.map((e) => e.id));
  for (const [i, id] of keepIds.entries())
    if (!existingIds.has(id))
      throw new DomainError("INVALID_INPUT", "A variant does not belong to this listing.", {
        fieldErrors: { [`variants.${i}`]: "This variant does not belong to this listing." },
      });
  await tx
    .delete(variants)
    .where(and(eq(variants.listingId, listingId), keepIds.length ? notInArray(variants.id, keepIds) : undefined));
  // Free every SKU first so that two variants can swap SKUs in one save.
  if (keepIds.length)
    await tx
      .update(variants)
      .set({ sku: sql`${variants.id}::text` })
      .where(inArray(variants.id, keepIds));

  for (const [position, v] of input.variants.entries()) {
    const values = {
      sku: v.sku,
      options: input.optionNames.map((name, k) => ({ name, value: v.options[k] ?? "" })),
      priceMinor: v.priceMinor,
      compareAtMinor: v.compareAtMinor,
      position,
    };
    let variantId = v.id;
    if (variantId) {
      await tx.update(variants).set(values).where(and(eq(variants.id, variantId), eq(variants.listingId, listingId)));
    } else {
      const [row] = await tx.insert(variants).values({ ...values, listingId, sellerId }).returning({ id: variants.id });
      variantId = row?.id;
    }
    if (!variantId) throw new Error("variant write returned nothing");
    const given = v.stock.map((s) => s.locationId);
    // Locations left out of the form keep no stock; units already reserved by checkouts cannot be dropped.
    await tx
      .delete(stockLevels)
      .where(and(eq(stockLevels.variantId, variantId), given.length ? notInArray(stockLevels.locationId, given) : undefined, eq(stockLevels.reserved, 0)))

    for (const s of v.stock) {
      await tx
        .insert(stockLevels)
        .values({ variantId, locationId: s.locationId, onHand: s.onHand })
        .onConflictDoUpdate({ target: [stockLevels.variantId, stockLevels.locationId], set: { onHand: s.onHand } })
        .catch((error: unknown) => {
          if (checkViolation(error) !== undefined)
            throw new DomainError("CONFLICT", "Stock cannot go below what is already reserved for orders.", {
              fieldErrors: { [`variants.${position}.stock`]: "Stock cannot go below what is already reserved for orders." },
            });
          throw error;
        });
    }
  }
}

async function withSkuConflicts<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const constraint = uniqueViolation(error);
    // Another save took the SKU between our check and our write.
    if (constraint?.includes("sku"))
      throw new DomainError("CONFLICT", "One of these SKUs is already used by another of your listings.", {
        fieldErrors: { variants: "One of these SKUs is already used by another of your listings." },
      });
    throw error;
  }
}

export async function createListing(db: Db, sellerId: string, input: ListingInput): Promise<Listing> {
  await assertReferences(db, sellerId, input, null);
  return withSkuConflicts(() =>
    db.transaction(async (tx) => {
      const slug = `${slugify(input.title) || "listing"}-${randomBytes(3).toString("hex")}`;
      const [listing] = await tx
        .insert(listings)
        .values({ ...listingColumns(input), sellerId, slug, status: "draft" })
        .returning();
      if (!listing) throw new Error("insert returned nothing");
      await writeChildren(tx, sellerId, listing.id, input);
      await refreshSearchDocument(tx, [listing.id]);
      return listing;
    }),
  );
}

export async function updateListing(
  db: Db,
  sellerId: string,
  id: string,
  input: ListingInput,
): Promise<{ listing: Listing; previousCategoryId: string }> {
  await assertReferences(db, sellerId, input, id);
  return withSkuConflicts(() =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(listings)
        .where(and(eq(listings.id, id), eq(listings.sellerId, sellerId)))
        .for("update");
      if (!current) throw notFound("The listing");
      const [listing] = await tx.update(listings).set(listingColumns(input)).where(eq(listings.id, id)).returning();
      if (!listing) throw notFound("The listing");
      await writeChildren(tx, sellerId, id, input);
      await refreshSearchDocument(tx, [id]);
      return { listing, previousCategoryId: current.categoryId };
    }),
  );
}

/** Publishing needs an approved store and a listing a shopper could actually buy. */
export async function setListingStatus(db: Db, seller: Pick<Seller, "id" | "status">, id: string, status: ListingStatus): Promise<Listing> {
  if (status === "active" && seller.status !== "approved")
    throw new DomainError("SELLER_NOT_APPROVED", "Your store must be approved by the marketplace before you can publish listings.");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(listings)
      .where(and(eq(listings.id, id), eq(listings.sellerId, seller.id)))
      .for("update");
    if (!current) throw notFound("The listing");
    if (status === "active") {
      const [v] = await tx.select({ n: sql<number>`count(*)::int` }).from(variants).where(eq(variants.listingId, id));
      if (!v?.n) throw new DomainError("INVALID_INPUT", "Add at least one variant before publishing.");
    }
    const [listing] = await tx
      .update(listings)
      .set({ status, publishedAt: status === "active" ? (current.publishedAt ?? new Date()) : current.publishedAt })
      .where(eq(listings.id, id))
      .returning();
    if (!listing) throw notFound("The listing");
    await refreshSearchDocument(tx, [id]);
    return listing;
  });
}

export const SELLER_PAGE_SIZE = 25;

export async function listSellerListings(
  db: Db,
  sellerId: string,
  query: { q?: string | undefined; status?: ListingStatus | undefined; page: number },
) {
  const search = query.q
    ? or(
        ilike(listings.title, `%${query.q.replace(/[\\%_]/g, "\\$&")}%`),
        sql`exists (select 1 from ${variants} where ${variants.listingId} = ${listings.id} and ${variants.sku} = ${query.q})`,
      )
    : undefined;
  const where = and(eq(listings.sellerId, sellerId), query.status ? eq(listings.status, query.status) : undefined, search);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: listings.id,
        slug: listings.slug,
        title: listings.title,
        status: listings.status,
        minPriceMinor: listings.minPriceMinor,
        currency: listings.currency,
        updatedAt: listings.updatedAt,
        variantCount: correlated<number>(sql`(select count(*)::int from ${variants} where ${variants.listingId} = ${listings.id})`),
        available: correlated<number>(sql`(select coalesce(sum(greatest(${stockLevels.onHand} - ${stockLevels.reserved}, 0)), 0)::int
          from ${stockLevels} join ${variants} on ${variants.id} = ${stockLevels.variantId} where ${variants.listingId} = ${listings.id})`),
        image: correlated<{ storageKey: string; widths: number[]; alt: string } | null>(sql`(select json_build_object('storageKey', ${listingImages.storageKey}, 'widths', ${listingImages.widths}, 'alt', ${listingImages.alt})
          from ${listingImages} where ${listingImages.listingId} = ${listings.id} order by ${listingImages.position} limit 1)`),
      })
      .from(listings)
      .where(where)
      .orderBy(desc(listings.updatedAt), asc(listings.id))
      .limit(SELLER_PAGE_SIZE)
      .offset((query.page - 1) * SELLER_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(listings).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0, page: query.page, pageSize: SELLER_PAGE_SIZE };
}

/** Everything the seller's edit form needs, only for the seller's own listing. */
export async function getSellerListing(db: Db, sellerId: string, id: string) {
  const [listing] = await db
    .select()
    .from(listings)
    .where(and(eq(listings.id, id), eq(listings.sellerId, sellerId)));
  if (!listing) throw notFound("The listing");
  const [variantRows, attributes, images, levels] = await Promise.all([
    db.select().from(variants).where(eq(variants.listingId, id)).orderBy(asc(variants.position)),
    db.select().from(listingAttributes).where(eq(listingAttributes.listingId, id)).orderBy(asc(listingAttributes.position)),
    db.select().from(listingImages).where(eq(listingImages.listingId, id)).orderBy(asc(listingImages.position)),
    db
      .select({ variantId: stockLevels.variantId, locationId: stockLevels.locationId, onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .innerJoin(variants, eq(variants.id, stockLevels.variantId))
      .where(eq(variants.listingId, id)),
  ]);
  return {
    listing,
    attributes: attributes.map((a) => ({ name: a.name, value: a.value })),
    images,
    variants: variantRows.map((v) => {
      const stock = levels.filter((l) => l.variantId === v.id);
      return {
        id: v.id,
        sku: v.sku,
        options: v.options.map((o) => o.value),
        priceMinor: v.priceMinor,
        compareAtMinor: v.compareAtMinor,
        stock: stock.map((s) => ({ locationId: s.locationId, onHand: s.onHand, reserved: s.reserved })),
        available: availableFrom(stock),
      };
    }),
  };
}

export async function listCategories(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.position), asc(categories.name));
}
