import { expect, test } from "@playwright/test";
import { skuPrefix, uniqueId } from "../../support/data";
import { storefrontUrl } from "../../support/env";
import {
  createListing,
  createLocation,
  expectImageLoaded,
  galleryImages,
  newApprovedSeller,
  publishListing,
  uploadImages,
} from "../../support/flows";
import { makePng } from "../../support/images";

test("a new seller gets approved, lists a product with sizes and a photo, and a shopper sees each size's stock", async ({
  browser,
}) => {
  const seller = await newApprovedSeller(browser);
  const { page } = seller;
  const location = "Main warehouse";
  await createLocation(page, location);

  const title = `Ridgeline Daypack ${uniqueId()}`;
  const sku = skuPrefix();
  await createListing(page, {
    title,
    category: "Backpacks",
    optionName: "Size",
    variants: [
      { option: "S", sku: `${sku}-S`, price: "49.00", stock: { [location]: "10" } },
      { option: "M", sku: `${sku}-M`, price: "54.00", compareAt: "64.00", stock: { [location]: "2" } },
      { option: "L", sku: `${sku}-L`, price: "59.00", stock: { [location]: "0" } },
    ],
  });

  await test.step("upload a photo", async () => {
    await uploadImages(page, [await makePng("daypack.png")]);
    await expect(galleryImages(page)).toHaveCount(1);
    await expectImageLoaded(galleryImages(page).first().locator("img"));
  });

  await publishListing(page);
  await seller.context.close();

  // A shopper, signed out, in a browser of their own.
  const shopperContext = await browser.newContext();
  const shop = await shopperContext.newPage();

  await test.step("the shopper finds the listing on its category page", async () => {
    await shop.goto(storefrontUrl("/c/backpacks?sort=newest"));
    await expect(shop.getByRole("heading", { level: 1, name: "Backpacks" })).toBeVisible();
    const card = shop.getByRole("article").filter({ has: shop.getByRole("link", { name: title }) });
    await expect(card).toBeVisible();
    // The card's photo is decorative (the title is the link), so it has no accessible name.
    await expectImageLoaded(card.locator("img"));
    await card.getByRole("link", { name: title }).click();
  });

  await test.step("the product page tells the stock of each size", async () => {
    await expect(shop.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(shop.getByText(seller.store.name).first()).toBeVisible();
    await expectImageLoaded(shop.getByRole("img", { name: title }).first());
    const sizes = shop.getByRole("group", { name: /^Size/ });
    const expectations = [
      { size: "S", stock: "In stock", price: "$49.00" },
      { size: "M", stock: "Only 2 left", price: "$54.00" },
      { size: "L", stock: "Out of stock", price: "$59.00" },
    ];
    const stockLine = shop.locator('[aria-live="polite"]').filter({ hasText: /^\s*(In stock|Only \d+ left|Out of stock)\s*$/ });
    // A sold-out size stays choosable but says so to screen readers too.
    await expect(sizes.getByRole("radio", { name: /^L\b/ })).toHaveAccessibleDescription("Out of stock");
    for (const { size, stock, price } of expectations) {
      // The size buttons are labels around visually hidden radios: click what a person sees.
      const name = new RegExp(`^${size}\\b`);
      await sizes.locator("label", { has: shop.getByRole("radio", { name }) }).click();
      await expect(sizes.getByRole("radio", { name })).toBeChecked();
      await expect(sizes).toHaveAccessibleName(`Size: ${size}`);
      // The stock line under the picker is a polite live region, so the change is announced.
      await expect(stockLine).toHaveText(stock);
      await expect(shop.getByText(price).first()).toBeVisible();
    }
  });
  await shopperContext.close();
});
