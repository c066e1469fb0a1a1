/**
 * The operator console: only operators review stores, and a decision changes what the store may do
 * and what shoppers see.
 */
import { cacheTags, getProductPage } from "@agora/core";
import { eq, schema } from "@agora/db";
import { beforeAll, describe, expect, it } from "vitest";
import { failureOf, useTestApi, type TestApi } from "../../../../tooling/vitest/api";
import { useTestDatabase } from "../../../../tooling/vitest/db";
import {
  createCategory,
  createOperator,
  createSellerAccount,
  createShopper,
  listingInput,
  type TestViewer,
} from "../../../../tooling/vitest/fixtures";

const { db } = await useTestDatabase();

let api: TestApi;
let categoryId: string;
let operator: TestViewer;

beforeAll(async () => {
  api = await useTestApi(db);
  categoryId = (await createCategory(db)).id;
  operator = await createOperator(db);
});

async function statusOf(sellerId: string) {
  const [row] = await db.select().from(schema.sellers).where(eq(schema.sellers.id, sellerId));
  return row;
}

describe("who may review stores", () => {
  it("refuses sellers and shoppers with FORBIDDEN, leaving the store as it was", async () => {
    const pending = await createSellerAccount(db, "pending");
    const approvedSeller = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    const shopper = await createShopper(db);
    for (const person of [approvedSeller.viewer, shopper, pending.viewer]) {
      const caller = api.as(person);
      const review = await failureOf(caller.admin.sellers.review({ sellerId: pending.seller.id, decision: "approve" }));
      expect(review.code).toBe("FORBIDDEN");
      expect(review.message).toBe("Only marketplace operators can do that.");
      expect((await failureOf(caller.admin.sellers.list({}))).code).toBe("FORBIDDEN");
    }
    expect((await statusOf(pending.seller.id))?.status).toBe("pending");
  });

  it("lets an operator list stores, pending first, with their listing counts", async () => {
    const reviewed = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    await api.as(reviewed.viewer).seller.listings.create(listingInput(categoryId));
    await api.as(reviewed.viewer).seller.listings.create(listingInput(categoryId));
    const waiting = await createSellerAccount(db, "pending");

    const all = await api.as(operator).admin.sellers.list({});
    const statuses = all.map((r) => r.seller.status);
    expect(statuses.indexOf("approved")).toBeGreaterThan(statuses.lastIndexOf("pending"));
    expect(all.find((r) => r.seller.id === reviewed.seller.id)?.listingCount).toBe(2);
    expect(all.find((r) => r.seller.id === waiting.seller.id)?.listingCount).toBe(0);

    const pendingOnly = await api.as(operator).admin.sellers.list({ status: "pending" });
    expect(pendingOnly.length).toBeGreaterThan(0);
    expect(pendingOnly.every((r) => r.seller.status === "pending")).toBe(true);
    expect(pendingOnly.map((r) => r.seller.id)).toContain(waiting.seller.id);
  });

  it("needs a reason to reject", async () => {
    const pending = await createSellerAccount(db, "pending");
    const failure = await failureOf(
      api.as(operator).admin.sellers.review({ sellerId: pending.seller.id, decision: "reject", reason: "" }),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.fieldErrors).toHaveProperty("reason");
    expect((await statusOf(pending.seller.id))?.status).toBe("pending");
  });

  it("answers NOT_FOUND for a store that does not exist", async () => {
    const failure = await failureOf(
      api.as(operator).admin.sellers.review({ sellerId: "00000000-0000-4000-8000-000000000000", decision: "approve" }),
    );
    expect(failure.code).toBe("NOT_FOUND");
  });
});

describe("review decisions", () => {
  it("approving a pending store lets it publish, and expires the store's cache tags", async () => {
    const { viewer, seller } = await createSellerAccount(db, "pending");
    const own = api.as(viewer);
    const draft = await own.seller.listings.create(listingInput(categoryId));
    expect((await failureOf(own.seller.listings.setStatus({ id: draft.id, status: "active" }))).code).toBe("FORBIDDEN");

    api.revalidations.length = 0;
    const approved = await api.as(operator).admin.sellers.review({ sellerId: seller.id, decision: "approve" });
    expect(approved).toMatchObject({ status: "approved", statusReason: null, reviewedBy: operator.id });
    expect(approved.reviewedAt).toBeInstanceOf(Date);
    expect(api.revalidations).toEqual([expect.arrayContaining([cacheTags.seller(seller.id), cacheTags.catalog])]);

    // The same signed-in session now may publish: the store's state is read fresh on every call.
    const published = await own.seller.listings.setStatus({ id: draft.id, status: "active" });
    expect(published.status).toBe("active");
    expect((await getProductPage(db, published.slug)).listing.id).toBe(draft.id);
  });

  it("rejecting a store moves its active listings back to draft, keeps archived ones, and blocks publishing again", async () => {
    const { viewer, seller } = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    const own = api.as(viewer);
    const live = await own.seller.listings.create(listingInput(categoryId, { title: "Live listing" }));
    const archived = await own.seller.listings.create(listingInput(categoryId, { title: "Old listing" }));
    await own.seller.listings.setStatus({ id: live.id, status: "active" });
    await own.seller.listings.setStatus({ id: archived.id, status: "archived" });

    const rejected = await api
      .as(operator)
      .admin.sellers.review({ sellerId: seller.id, decision: "reject", reason: "Counterfeit goods reported" });
    expect(rejected).toMatchObject({ status: "rejected", statusReason: "Counterfeit goods reported" });

    expect((await own.seller.listings.get({ id: live.id })).listing.status).toBe("draft");
    expect((await own.seller.listings.get({ id: archived.id })).listing.status).toBe("archived");
    await expect(getProductPage(db, live.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const again = await failureOf(own.seller.listings.setStatus({ id: live.id, status: "active" }));
    expect(again.code).toBe("FORBIDDEN");
    expect(again.message).toMatch(/must be approved/);
    expect((await own.seller.listings.get({ id: live.id })).listing.status).toBe("draft");
  });

  it("approving a previously rejected store clears the reason", async () => {
    const { seller } = await createSellerAccount(db, "rejected", { reviewerId: operator.id });
    expect((await statusOf(seller.id))?.statusReason).toBeTruthy();
    const approved = await api.as(operator).admin.sellers.review({ sellerId: seller.id, decision: "approve" });
    expect(approved).toMatchObject({ status: "approved", statusReason: null });
  });

  it("cannot approve a suspended store through review", async () => {
    const { seller } = await createSellerAccount(db, "approved", { reviewerId: operator.id });
    await db.update(schema.sellers).set({ status: "suspended" }).where(eq(schema.sellers.id, seller.id));
    const failure = await failureOf(api.as(operator).admin.sellers.review({ sellerId: seller.id, decision: "approve" }));
    expect(failure.code).toBe("NOT_FOUND");
    expect((await statusOf(seller.id))?.status).toBe("suspended");
  });
});

describe("applying to sell", () => {
  it("creates a pending store owned by the applicant, once", async () => {
    const shopper = await createShopper(db);
    const caller = api.as(shopper);
    const store = await caller.seller.submitApplication({
      name: "Fern & Finch",
      slug: `fern-finch-${shopper.id.slice(0, 8)}`,
      description: "Botanical prints and paper goods.",
      contactEmail: "hello@fern.example",
      returnPolicy: "Returns accepted within 30 days of delivery.",
    });
    expect(store.status).toBe("pending");
    expect((await caller.seller.myStore())?.id).toBe(store.id);

    const twice = await failureOf(
      caller.seller.submitApplication({
        name: "Second store",
        slug: `second-${shopper.id.slice(0, 8)}`,
        description: "Another store for the same person.",
        contactEmail: "hello@second.example",
        returnPolicy: "Returns accepted within 30 days of delivery.",
      }),
    );
    expect(twice.code).toBe("CONFLICT");
  });

  it("refuses a store address that is taken, with a field error", async () => {
    const { seller } = await createSellerAccount(db, "pending");
    const shopper = await createShopper(db);
    const failure = await failureOf(
      api.as(shopper).seller.submitApplication({
        name: "Copycat",
        slug: seller.slug.toUpperCase(),
        description: "Trying to take someone's address.",
        contactEmail: "copy@cat.example",
        returnPolicy: "Returns accepted within 30 days of delivery.",
      }),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(failure.fieldErrors).toEqual({ slug: "That store address is taken. Try another." });
    expect(await api.as(shopper).seller.myStore()).toBeNull();
  });
});
