import { expect, test } from "@playwright/test";
import { skuPrefix, uniqueId } from "../../support/data";
import { storefrontUrl } from "../../support/env";
import { createListing, createLocation, newApprovedSeller, publishListing } from "../../support/flows";

test("the storefront shows a seller's new title as soon as it is saved", async ({ browser }) => {
  const seller = await newApprovedSeller(browser);
  const { page } = seller;
  await createLocation(page, "Shop floor");
  const original = `Packable down quilt ${uniqueId()}`;
  await createListing(page, {
    title: original,
    // A category no other journey publishes to, so no other test's page renders race this one.
    category: "Sleeping Bags & Pads",
    variants: [{ sku: skuPrefix(), price: "189.00", stock: { "Shop floor": "8" } }],
  });
  await publishListing(page);
  const productUrl = await page.getByRole("link", { name: "View on storefront" }).getAttribute("href");
  expect(productUrl).toBeTruthy();

  // The shopper's visits put the pages in the storefront's cache: a sorted category page (a rewrite), the
  // store's plain address (a route of its own, like the plain category page) and the product page.
  const categoryUrl = storefrontUrl("/c/sleeping-bags?sort=newest");
  const storeUrl = storefrontUrl(`/s/${seller.store.slug}`);
  const shopperContext = await browser.newContext();
  const shop = await shopperContext.newPage();
  await shop.goto(categoryUrl);
  await expect(shop.getByRole("link", { name: original, exact: true })).toBeVisible();
  await shop.goto(storeUrl);
  await expect(shop.getByRole("heading", { level: 1, name: seller.store.name })).toBeVisible();
  await expect(shop.getByRole("link", { name: original, exact: true })).toBeVisible();
  await shop.goto(productUrl ?? storefrontUrl("/"));
  await expect(shop.getByRole("heading", { level: 1, name: original })).toBeVisible();

  const renamed = `Packable 800-fill down quilt ${uniqueId()}`;
  await test.step("the seller renames the listing", async () => {
    await page.getByLabel("Title", { exact: true }).fill(renamed);
    await page.getByRole("button", { name: "Save listing" }).click();
    await expect(page.getByText("Saved. Shoppers see the changes now.")).toBeVisible();
  });

  await shop.reload();
  await expect(shop.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await shop.goto(categoryUrl);
  await expect(shop.getByRole("link", { name: renamed })).toBeVisible();
  await expect(shop.getByRole("link", { name: original, exact: true })).toHaveCount(0);
  await shop.goto(storeUrl);
  await expect(shop.getByRole("link", { name: renamed })).toBeVisible();
  await expect(shop.getByRole("link", { name: original, exact: true })).toHaveCount(0);
  // The plain category address is its own route too: the same category, first page, default order.
  await shop.goto(storefrontUrl("/c/sleeping-bags"));
  await expect(shop.getByRole("heading", { level: 1, name: "Sleeping Bags & Pads" })).toBeVisible();
  await expect(shop.getByText(/^Showing 1–\d+ of \d+$/)).toBeVisible();

  await shopperContext.close();
  await seller.context.close();
});
