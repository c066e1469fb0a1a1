/**
 * Merchandising in search: the operator pins a listing to the top of the results for some words, and a
 * shopper searching those words sees it first, marked Featured, with the usual results after it.
 */
import { expect, test } from "@playwright/test";
import { sellerUrl, storefrontUrl } from "../../support/env";
import { operatorConsole } from "../../support/flows";

test("the operator pins a listing to a search and shoppers see it first, marked Featured", async ({ page, browser }) => {
  let pinned = "";
  const { context, page: console } = await operatorConsole(browser);
  try {
    await test.step("the operator pins an insulated mug to the search for “lantern”", async () => {
      await console.goto(sellerUrl("/admin/merchandising"));
      await console.getByRole("button", { name: "Pin a listing" }).click();
      await console.getByRole("searchbox", { name: "Listing" }).fill("insulated mug");
      // The list follows the typing (debounced): wait for the mugs before choosing one that is on sale.
      const choice = console
        .getByRole("group", { name: "Choose the listing to pin" })
        .locator("label")
        .filter({ hasText: /insulated mug/i })
        .filter({ hasNotText: /Sold out|Not published/ })
        .first();
      await expect(choice).toBeVisible();
      pinned = (await choice.locator("span > span").first().innerText()).trim();
      // Choosing replaces the list with the chosen listing and a way to change it.
      await choice.getByRole("radio").click();
      await expect(console.getByRole("button", { name: "Change listing" })).toBeVisible();
      await console.getByRole("radio", { name: /Search results/ }).check();
      await console.getByLabel("Search words").fill("lantern");
      await console.getByLabel("Position").fill("1");
      await console.getByRole("button", { name: "Pin listing" }).click();
      await expect(console.getByText(`Pinned ${pinned}.`)).toBeVisible();
    });
  } finally {
    await context.close();
  }

  await test.step("a shopper searching “lantern” sees the mug first, marked Featured, then lanterns", async () => {
    await page.goto(storefrontUrl("/search?q=lantern"));
    const cards = page.getByRole("list", { name: /Results for lantern/ }).getByRole("article");
    // First, marked Featured (a retry of this journey may have left an earlier pin at the same position).
    await expect(cards.first().getByText("Featured", { exact: true })).toBeVisible();
    const featured = cards.filter({ has: page.getByText("Featured", { exact: true }) });
    await expect(featured.getByRole("link", { name: pinned })).toBeVisible();
    await expect(cards.nth(await featured.count()).getByRole("link", { name: /lantern/i })).toBeVisible();
  });

  await test.step("the same words sorted by price show the plain results, without the pin", async () => {
    await page.goto(storefrontUrl("/search?q=lantern&sort=price-asc"));
    const cards = page.getByRole("list", { name: /Results for lantern/ }).getByRole("article");
    await expect(cards.first()).toBeVisible();
    expect(await cards.getByText("Featured", { exact: true }).count()).toBe(0);
  });
});
