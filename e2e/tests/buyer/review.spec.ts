/**
 * Reviews: a shopper whose order was delivered reviews the product from the order page, the seller
 * replies from the portal, and the product page shows the review with the verified-buyer badge, the
 * rating summary and the seller's reply; then the shopper deletes it and may write one again.
 */
import { expect, test, type Page } from "@playwright/test";
import { newPerson, uniqueId } from "../../support/data";
import { sellerUrl, storefrontUrl } from "../../support/env";
import { signIn, signUp } from "../../support/flows";
import { createShopWithProduct } from "../../support/shop";

async function checkout(page: Page) {
  await page.goto(storefrontUrl("/checkout"));
  const address = page.getByRole("region", { name: /address/i });
  await address.getByLabel("Full name").fill("Robin Shopper");
  await address.getByLabel("Street address").fill("12 Harbour Street");
  await address.getByLabel("City").fill("Portland");
  await address.getByLabel("Postal code").fill("97201");
  await address.getByLabel("Country").selectOption("US");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry date").fill("12/34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/checkout\/complete\//);
  const number = /#(\d{6})/.exec(await page.getByRole("main").innerText())?.[1];
  expect(number).toBeTruthy();
  return number ?? "";
}

test("a shopper reviews a delivered product and the seller's reply shows on the product page", async ({ page, browser }) => {
  const shop = await createShopWithProduct({ title: `Walnut serving board ${uniqueId()}`, priceMinor: 3900, stock: 5 });
  const productUrl = storefrontUrl(`/p/${shop.product.slug}`);

  let orderNumber = "";
  await test.step("the shopper buys the product", async () => {
    await signUp(page, storefrontUrl, newPerson("reviewer"));
    await page.goto(productUrl);
    // Not delivered yet: there is nothing to review.
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added to your cart.")).toBeVisible();
    orderNumber = await checkout(page);
  });

  await test.step("before delivery the product page does not offer a review form", async () => {
    await page.goto(productUrl);
    const reviews = page.getByRole("region", { name: "Reviews" });
    await expect(reviews.getByText("You can review this product once your order has been delivered.")).toBeVisible();
    await expect(reviews.getByRole("button", { name: "Write a review" })).toHaveCount(0);
  });

  const sellerContext = await browser.newContext();
  const seller = await sellerContext.newPage();
  try {
    await test.step("the seller ships the order and marks it delivered", async () => {
      await signIn(seller, sellerUrl, shop.person, "/orders");
      await seller.goto(sellerUrl("/orders?tab=new"));
      await seller.getByRole("link", { name: `#${orderNumber}` }).click();
      await seller.getByRole("button", { name: "Ship…", exact: true }).click();
      await seller.getByLabel("Carrier", { exact: true }).selectOption({ label: "UPS" });
      await seller.getByLabel("Tracking number").fill("1Z999AA10123456784");
      await seller.getByRole("button", { name: `Ship order #${orderNumber}` }).click();
      await expect(seller.getByText(/^Shipped\./)).toBeVisible();
      await seller.getByRole("button", { name: "Mark delivered" }).click();
      await expect(seller.getByText("Marked as delivered.")).toBeVisible();
    });

    await test.step("the shopper follows “Write a review” from the order and posts a review", async () => {
      await page.goto(storefrontUrl("/orders"));
      await page.getByRole("article").filter({ hasText: shop.store.name }).getByRole("link").first().click();
      await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
      await page.getByRole("link", { name: `Write a review of ${shop.product.title}` }).click();
      await expect(page).toHaveURL(new RegExp(`/p/${shop.product.slug}`));

      const form = page.getByRole("form", { name: "Write a review" });
      await expect(form).toBeVisible();
      // Errors appear next to their fields, and nothing is posted.
      await form.getByRole("button", { name: "Post review" }).click();
      await expect(form.getByText("Choose a rating from 1 to 5 stars")).toBeVisible();
      // The stars are a radio group: a click on a star chooses it, the arrow keys move the choice.
      const fiveStars = form.getByRole("radio", { name: /^5 stars/ });
      await form.locator("label").filter({ has: page.getByRole("radio", { name: /^5 stars/ }) }).click();
      await expect(fiveStars).toBeChecked();
      await page.keyboard.press("ArrowLeft");
      await expect(form.getByRole("radio", { name: /^4 stars/ })).toBeChecked();
      await form.getByLabel("Title").fill("Beautiful grain");
      await form.getByLabel("Your review").fill("Heavy, oiled well and big enough for a whole loaf.");
      await form.getByRole("button", { name: "Post review" }).click();
      await expect(page.getByText("Thanks! Your review is posted.")).toBeVisible();

      const review = page.getByRole("listitem").filter({ hasText: "Beautiful grain" });
      await expect(review.getByText("Verified buyer")).toBeVisible();
      await expect(review.getByRole("img", { name: "4 out of 5 stars" })).toBeVisible();
    });

    await test.step("the seller replies from the portal's reviews page", async () => {
      await seller.goto(sellerUrl("/reviews"));
      const item = seller.getByRole("listitem").filter({ hasText: "Beautiful grain" });
      await item.getByLabel("Public reply").fill("Thank you! Oil it once a month and it will last for years.");
      await item.getByRole("button", { name: "Post reply" }).click();
      await expect(seller.getByText("Reply posted. The shopper has been told.")).toBeVisible();
    });
  } finally {
    await sellerContext.close();
  }

  await test.step("the product page shows the rating, the review and the seller's reply", async () => {
    await expect(async () => {
      await page.goto(productUrl);
      await expect(page.getByRole("link", { name: /4\.0 out of 5 stars/ })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    const review = page.getByRole("listitem").filter({ hasText: "Beautiful grain" });
    await expect(review.getByRole("group", { name: "Reply from the seller" })).toContainText("Oil it once a month");
    await expect(page.getByRole("button", { name: "Edit your review" })).toBeVisible();
  });

  await test.step("the shopper deletes the review after a confirmation, and may write one again", async () => {
    await page.getByRole("button", { name: "Edit your review" }).click();
    const form = page.getByRole("form", { name: "Edit your review" });
    await form.getByRole("button", { name: "Delete review" }).click();
    const confirm = form.getByRole("group", { name: "Delete your review" });
    await expect(confirm.getByRole("button", { name: "Delete", exact: true })).toBeFocused();
    // Keeping it changes nothing.
    await confirm.getByRole("button", { name: "Keep it" }).click();
    await expect(confirm).toHaveCount(0);
    await form.getByRole("button", { name: "Delete review" }).click();
    await confirm.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByText("Your review is deleted.")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Beautiful grain" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Write a review" })).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("link", { name: /out of 5 stars/ })).toHaveCount(0, { timeout: 3_000 });
      await expect(page.getByRole("listitem").filter({ hasText: "Beautiful grain" })).toHaveCount(0);
    }).toPass({ timeout: 30_000 });
  });
});
