/**
 * The forum: a member asks a question in Q&A showing a product as a live card, another member answers,
 * the asker sees "1 new reply" arrive while reading, accepts the answer, the answerer is notified, and
 * the product page says the product is discussed in the thread.
 */
import { expect, test } from "@playwright/test";
import { makeRegularMember, post } from "../../support/community";
import { newPerson, uniqueId } from "../../support/data";
import { storefrontUrl } from "../../support/env";
import { signUp } from "../../support/flows";
import { createShopWithProduct } from "../../support/shop";

test("a member asks about a product, another answers, the answer is accepted and the product page links the thread", async ({ page, browser }) => {
  const shop = await createShopWithProduct({ title: `Storm shelter tent ${uniqueId()}`, priceMinor: 24900, stock: 4 });
  const asker = newPerson("asker");
  const title = `Is the storm shelter tent good in wind? ${uniqueId()}`;
  let threadUrl = "";

  await test.step("the asker starts a Q&A thread with the product as a card", async () => {
    await signUp(page, storefrontUrl, asker);
    await makeRegularMember(asker);
    await page.goto(storefrontUrl("/community"));
    await expect(page.getByRole("heading", { name: "Community", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "New thread" }).first().click();
    await expect(page).toHaveURL(/\/community\/new/);

    // Nothing filled in: errors next to the fields, nothing posted.
    await page.getByRole("button", { name: "Post thread" }).click();
    await expect(page.getByLabel("Category")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Category").selectOption({ label: "Questions & answers" });
    await page.getByLabel("Title").fill(title);
    await page.getByRole("textbox", { name: "Message" }).fill(`Planning a coastal trip. Thinking about this one:\n\n[[product:${shop.product.slug}]]\n\nHow does it hold up in strong gusts?`);
    await page.getByRole("tab", { name: "Preview" }).click();
    await expect(page.getByText(shop.product.title)).toBeVisible();
    await page.getByRole("tab", { name: "Write" }).click();
    await page.getByRole("button", { name: "Post thread" }).dblclick();
    await expect(page).toHaveURL(/\/community\/t\/[0-9a-f-]{36}\//);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    // The live card: the product's title links to its page, with today's price.
    const card = post(page, 1).locator(`[data-listing-card="${shop.product.slug}"]`);
    await expect(card.getByRole("link", { name: shop.product.title })).toBeVisible();
    await expect(card.getByText("$249.00")).toBeVisible();
    threadUrl = page.url();
  });

  const answererContext = await browser.newContext();
  const answererPage = await answererContext.newPage();
  const answerer = newPerson("answerer");
  try {
    await test.step("another member replies", async () => {
      await signUp(answererPage, storefrontUrl, answerer);
      await makeRegularMember(answerer);
      await answererPage.goto(threadUrl);
      await answererPage.getByRole("textbox", { name: "Message" }).fill("Pitch it narrow end into the wind and use every guy line; it held in 60 km/h gusts for me.");
      await answererPage.getByRole("button", { name: "Post reply" }).click();
      await expect(answererPage.getByText("Your reply was posted as #2.")).toBeVisible();
      await expect(post(answererPage, 2)).toContainText("held in 60 km/h gusts");
    });

    await test.step("the asker, still on the thread, is told a reply arrived and accepts it", async () => {
      await page.getByRole("textbox", { name: "Message" }).fill("Draft I am still typing");
      await page.getByRole("button", { name: "1 new reply — show" }).click();
      await expect(post(page, 2)).toContainText("held in 60 km/h gusts");
      await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("Draft I am still typing");
      await post(page, 2).getByRole("button", { name: "Accept answer" }).click();
      await expect(post(page, 2).getByText("Accepted answer")).toBeVisible();
      await expect(page.getByText("Answered:")).toBeVisible();
    });

    await test.step("the answerer is notified", async () => {
      await answererPage.goto(storefrontUrl("/community/notifications"));
      await expect(answererPage.getByRole("link", { name: new RegExp(`accepted as the answer to “${title.replace(/[?]/g, "\\?")}”`) })).toBeVisible();
    });
  } finally {
    await answererContext.close();
  }

  await test.step("the product page shows the thread", async () => {
    await page.goto(storefrontUrl(`/p/${shop.product.slug}`));
    const discussed = page.getByRole("region", { name: "Discussed in 1 thread" });
    await expect(discussed).toBeVisible();
    await expect(discussed.getByRole("link", { name: title })).toBeVisible();
  });
});
