import { expect, test } from "@playwright/test";
import { skuPrefix, uniqueId } from "../../support/data";
import { sellerUrl } from "../../support/env";
import {
  createListing,
  fillListingForm,
  galleryImages,
  newApprovedSeller,
  uploadImages,
  variantRow,
  type Seller,
} from "../../support/flows";
import { makeFakePng, makeOversizedPng, makePng } from "../../support/images";

/** One approved seller for the whole file; each test checks that bad input saves nothing. */
test.describe.configure({ mode: "serial" });

let seller: Seller;

test.beforeAll(async ({ browser }) => {
  seller = await newApprovedSeller(browser);
});

test.afterAll(async () => {
  await seller?.context.close();
});

test("an empty title, a negative price and a SKU used twice in the form each get a field error, and nothing is saved", async () => {
  const { page } = seller;
  const sku = skuPrefix();
  await page.goto(sellerUrl("/listings/new"));
  await fillListingForm(page, {
    title: "Trail mug",
    category: "Camp Kitchen",
    optionName: "Colour",
    variants: [
      { option: "Red", sku, price: "-5.00" },
      { option: "Blue", sku, price: "12.00" },
    ],
  });
  await page.getByLabel("Title", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save listing" }).click();

  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toHaveAccessibleDescription(/title/i);
  const price = variantRow(page, 0).getByLabel("Price", { exact: true });
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(price).toHaveAccessibleDescription("A price cannot be negative");
  const secondSku = variantRow(page, 1).getByLabel("SKU");
  await expect(secondSku).toHaveAttribute("aria-invalid", "true");
  await expect(secondSku).toHaveAccessibleDescription("This SKU is used by another variant");
  await expect(page).toHaveURL(sellerUrl("/listings/new"));

  await page.goto(sellerUrl("/listings"));
  await expect(page.getByText("No listings yet", { exact: true })).toBeVisible();
});

test("a SKU that another of the seller's listings uses is refused on the SKU field, and nothing is saved", async () => {
  const { page } = seller;
  const sku = skuPrefix();
  const first = `Enamel camp mug ${uniqueId()}`;
  await createListing(page, { title: first, category: "Camp Kitchen", variants: [{ sku, price: "14.00" }] });

  const second = `Titanium spork ${uniqueId()}`;
  await page.goto(sellerUrl("/listings/new"));
  await fillListingForm(page, { title: second, category: "Camp Kitchen", variants: [{ sku: sku.toLowerCase(), price: "9.00" }] });
  await page.getByRole("button", { name: "Save listing" }).click();

  const skuField = variantRow(page, 0).getByLabel("SKU");
  await expect(skuField).toHaveAttribute("aria-invalid", "true");
  await expect(skuField).toHaveAccessibleDescription(/SKU/);
  await expect(page).toHaveURL(sellerUrl("/listings/new"));

  await page.goto(sellerUrl("/listings"));
  await expect(page.getByRole("link", { name: first }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: second })).toHaveCount(0);
  await expect(page.getByText("1 listing", { exact: true })).toBeVisible();
});

test("an image over 8 MB and a text file named .png are refused with a message each, and the gallery is unchanged", async () => {
  const { page } = seller;
  const title = `Folding stove ${uniqueId()}`;
  await createListing(page, { title, category: "Camp Kitchen", variants: [{ sku: skuPrefix(), price: "39.00" }] });
  await uploadImages(page, [await makePng("stove.png")]);
  await expect(galleryImages(page)).toHaveCount(1);
  const before = await galleryImages(page).locator("img").getAttribute("src");

  const uploads = page.getByRole("list", { name: "Uploads" });

  await uploadImages(page, [await makeOversizedPng("stove-huge.png")]);
  const huge = uploads.getByRole("listitem").filter({ hasText: "stove-huge.png" });
  await expect(huge).toContainText("Failed");
  await expect(huge.getByText(/images can be at most 8 MB/)).toBeVisible();

  await uploadImages(page, [makeFakePng("stove-notes.png")]);
  const fake = uploads.getByRole("listitem").filter({ hasText: "stove-notes.png" });
  await expect(fake).toContainText("Failed");
  await expect(fake.getByText('"stove-notes.png" is not an image we can read. Use JPEG, PNG, WebP, AVIF or GIF.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(galleryImages(page)).toHaveCount(1);
  await expect(galleryImages(page).locator("img")).toHaveAttribute("src", before ?? "");
  await expect(page.getByText("1 of 10")).toBeVisible();
});
