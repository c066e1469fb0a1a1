/**
 * Test data built through the real use-cases (applyToSell, reviewSeller, createSession,
 * viewerForSession…), so the rows look exactly like the ones the product creates. Every name is
 * unique, so tests in one file never clash.
 */
import { randomBytes } from "node:crypto";
import {
  applyToSell,
  createLocation,
  createSession,
  DomainError,
  hashPassword,
  registerUser,
  reviewSeller,
  viewerForSession,
  type Seller,
  type StockLocation,
  type Viewer,
} from "@agora/core";
import { schema, type Db } from "@agora/db";
import sharp from "sharp";
import type { ListingInput, SellerApplicationInput, StockLocationInput } from "@agora/validators";

export const TEST_PASSWORD = "correct-horse-42";

export const uniqueSuffix = () => randomBytes(4).toString("hex");

/** What the apps put in the tRPC context for a signed-in person (the auth package's getViewer()). */
export type TestViewer = Viewer & { sellerId: string | null; sessionId: string };

let testPasswordHash: Promise<string> | undefined;

/**
 * A person with an e-mail and the test password. The row is what registerUser writes, but the scrypt
 * hash of TEST_PASSWORD is computed once per worker: hashing costs ~200 ms of CPU each time, and the
 * sign-up use-case itself is covered by accounts.integration.test.ts. Any other password goes
 * through registerUser.
 */
export async function createUser(db: Db, options: { name?: string; email?: string; password?: string } = {}): Promise<Viewer> {
  const suffix = uniqueSuffix();
  const name = options.name ?? `Person ${suffix}`;
  const email = options.email ?? `person-${suffix}@agora.test`;
  if (options.password !== undefined && options.password !== TEST_PASSWORD)
    return registerUser(db, { name, email, password: options.password });
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await testPasswordHash;
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(schema.users).values({ email, name }).returning();
    if (!user) throw new Error("user insert returned nothing");
    await tx.insert(schema.userCredentials).values({ userId: user.id, passwordHash });
    return { id: user.id, email: user.email, name: user.name, roles: [] };
  });
}

/** Signs a person in the way the apps do: a session row, then the viewer read back through it. */
export async function signIn(db: Db, userId: string): Promise<TestViewer> {
  const session = await createSession(db, userId);
  const viewer = await viewerForSession(db, session.id);
  if (!viewer) throw new Error("a fresh session did not resolve to a viewer");
  return { ...viewer, sessionId: session.id };
}

export async function createShopper(db: Db): Promise<TestViewer> {
  const user = await createUser(db);
  return signIn(db, user.id);
}

export async function createOperator(db: Db): Promise<TestViewer> {
  const user = await createUser(db, { name: "Operator" });
  await db.insert(schema.userRoles).values({ userId: user.id, role: "operator" });
  return signIn(db, user.id);
}

export function sellerApplication(overrides: Partial<SellerApplicationInput> = {}): SellerApplicationInput {
  const suffix = uniqueSuffix();
  return {
    name: `Store ${suffix}`,
    slug: `store-${suffix}`,
    description: "Hand-made goods from a small workshop.",
    contactEmail: `store-${suffix}@agora.test`,
    contactPhone: undefined,
    returnPolicy: "Returns accepted within 30 days of delivery.",
    ...overrides,
  };
}

export type SellerStatusForTest = "pending" | "approved" | "rejected";

/** A person who applied to sell, reviewed by an operator when the status asks for it. */
export async function createSellerAccount(
  db: Db,
  status: SellerStatusForTest,
  options: { reviewerId?: string; application?: Partial<SellerApplicationInput> } = {},
): Promise<{ viewer: TestViewer; seller: Seller }> {
  const user = await createUser(db);
  let seller = await applyToSell(db, user.id, sellerApplication(options.application));
  if (status !== "pending") {
    const reviewerId = options.reviewerId ?? (await createOperator(db)).id;
    seller = await reviewSeller(
      db,
      reviewerId,
      status === "approved"
        ? { sellerId: seller.id, decision: "approve" }
        : { sellerId: seller.id, decision: "reject", reason: "Not a fit for the marketplace" },
    );
  }
  return { viewer: await signIn(db, user.id), seller };
}

export async function createCategory(db: Db, options: { name?: string; parentId?: string | null; position?: number } = {}) {
  const suffix = uniqueSuffix();
  const name = options.name ?? `Category ${suffix}`;
  const [category] = await db
    .insert(schema.categories)
    .values({
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}`,
      parentId: options.parentId ?? null,
      position: options.position ?? 0,
    })
    .returning();
  if (!category) throw new Error("category insert returned nothing");
  return category;
}

export function locationInput(overrides: Partial<StockLocationInput> = {}): StockLocationInput {
  return {
    name: `Warehouse ${uniqueSuffix()}`,
    line1: "1 Dock Road",
    city: "Portland",
    postalCode: "97201",
    country: "US",
    pickupEnabled: false,
    ...overrides,
  };
}

export async function createStockLocation(
  db: Db,
  sellerId: string,
  overrides: Partial<StockLocationInput> = {},
): Promise<StockLocation> {
  return createLocation(db, sellerId, locationInput(overrides));
}

type VariantForTest = ListingInput["variants"][number];

export function variantInput(overrides: Partial<VariantForTest> = {}): VariantForTest {
  return { sku: `SKU-${uniqueSuffix()}`, options: [], priceMinor: 2500, compareAtMinor: null, stock: [], ...overrides };
}

/** A valid listing form; pass the parts a test cares about. */
export function listingInput(categoryId: string, overrides: Partial<ListingInput> = {}): ListingInput {
  return {
    title: "Waxed canvas tote",
    brand: undefined,
    description: "A sturdy tote for every day.",
    categoryId,
    condition: "new",
    attributes: [],
    optionNames: [],
    variants: [variantInput()],
    ...overrides,
  };
}

/** Awaits a use-case call that must fail with a DomainError and returns it. */
export async function domainErrorOf(call: Promise<unknown>): Promise<DomainError> {
  let error: unknown;
  try {
    await call;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new Error("expected the call to fail, but it succeeded");
  if (!(error instanceof DomainError)) throw error;
  return error;
}

/** A real raster image of the given size, as an upload would carry it. */
export function testImage(width: number, height: number, format: "png" | "jpeg" | "webp" = "png"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 110, b: 60 } } })
    .toFormat(format)
    .toBuffer();
}
