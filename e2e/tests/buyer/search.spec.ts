/**
 * Finding things: a misspelt search still finds the right products; filters, sort and page live in
 * the address, so the back button returns to exactly what the shopper had; a product page shows
 * recommendations. Runs on the demo catalog (deterministic seed).
 */
import { expect, test } from "@playwright/test";
import { storefrontUrl } from "../../support/env";

test("a shopper searches with a typo, applies two filters, sorts, pages, goes back and the filters are still there", async ({ page }) => {
  await page.goto(storefrontUrl("/"));
  const box = page.getByRole("combobox", { name: "Search products" });
  // Typed like a shopper, as soon as the box is there: if scripts replace the prerendered box while
  // they type, the words and the focus carry over to the new one.
  await box.click();
  await box.pressSequentially("kitchn");
  await expect(box).toHaveValue("kitchn");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=kitchn/);
  await expect(page.getByText(/Including results for/)).toContainText("kitchen");

  const filters = page.getByRole("complementary", { name: "Filters" });
  const status = page.getByRole("status").filter({ hasText: /result/ });

  await test.step("two filters: the Kitchen category and sold-out products included", async () => {
    await filters.getByRole("checkbox", { name: /^Kitchen\b/ }).check();
    await expect(page).toHaveURL(/category=kitchen/);
    const before = await status.innerText();
    await filters.getByRole("checkbox", { name: /Include sold-out products/ }).check();
    await expect(page).toHaveURL(/stock=all/);
    await expect(status).not.toHaveText(before);
    await expect(page.getByRole("link", { name: /Remove filter: Kitchen/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Remove filter: Including sold out/ })).toBeVisible();
  });

  const grid = page.getByRole("list", { name: /Results for kitchn/ });
  await test.step("sorted by price, lowest first", async () => {
    await page.getByLabel("Sort by").selectOption("price-asc");
    await expect(page).toHaveURL(/sort=price-asc/);
    await expect(page).toHaveURL(/category=kitchen/);
    // Each card's selling price (the first amount; a struck-through compare-at price may follow).
    const prices: number[] = [];
    for (const card of await grid.getByRole("article").all())
      prices.push(Number((await card.getByText(/^\$[\d,]+\.\d{2}$/).first().innerText()).replace(/[$,]/g, "")));
    expect(prices.length).toBeGreaterThan(1);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  const firstPage = await grid.getByRole("link").first().innerText();
  await test.step("the next page, then back", async () => {
    await page.getByRole("navigation", { name: "Result pages" }).getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(status).toContainText(/^25–/);
    await page.goBack();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(page).toHaveURL(/sort=price-asc/);
    await expect(filters.getByRole("checkbox", { name: /^Kitchen\b/ })).toBeChecked();
    await expect(filters.getByRole("checkbox", { name: /Include sold-out products/ })).toBeChecked();
    await expect(page.getByLabel("Sort by")).toHaveValue("price-asc");
    await expect(grid.getByRole("link").first()).toHaveText(firstPage);
  });

  await test.step("a product page shows similar items", async () => {
    await grid.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/p\//);
    const similar = page.getByRole("region", { name: "Similar items" });
    await similar.scrollIntoViewIfNeeded();
    await expect(similar.getByRole("link").first()).toBeVisible();
  });

  await test.step("a product many shoppers bought with others shows what they also bought", async () => {
    // In the demo data, seven regular shoppers bought the titanium pot, six of them with the santoku knife.
    await page.goto(storefrontUrl("/p/ridgeline-backcountry-titanium-pot"));
    const alsoBought = page.getByRole("region", { name: "Customers also bought" });
    await alsoBought.scrollIntoViewIfNeeded();
    await expect(alsoBought.getByRole("link", { name: /Saltbox German Steel Santoku Knife/ }).first()).toBeVisible();
  });
});

test("when only the filters leave nothing, the page says so and leads to the results without them", async ({ page }) => {
  // The demo catalog's lanterns are lamps (Home › Lighting): none is in Kitchen.
  await page.goto(storefrontUrl("/search?q=lantern&category=kitchen"));
  await expect(page.getByText("No results for “lantern” with these filters", { exact: true })).toBeVisible();
  await expect(page.getByText("Check the spelling")).toHaveCount(0);
  const all = page.getByRole("link", { name: /^See (all \d+ results|the 1 result) for “lantern”$/ });
  const shown = Number((await all.innerText()).match(/\d+/)?.[0]);
  await all.click();
  await expect(page).toHaveURL(/\/search\?q=lantern$/);
  await expect(page.getByRole("status").filter({ hasText: /result/ })).toHaveText(shown === 1 ? "1 result" : `${shown} results`);
});

test("words typed into the search box before the page's scripts run are kept when the scripts take the box over", async ({ page }) => {
  // The page's scripts are held back, so the shopper types into the prerendered box (no script yet).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(storefrontUrl("/"), { waitUntil: "domcontentloaded" });
  const placeholder = page.locator("input[data-placeholder-box]");
  await placeholder.click();
  await placeholder.pressSequentially("kitchn");
  await expect(placeholder).toHaveValue("kitchn");

  release();
  await expect(placeholder).toHaveCount(0);
  const box = page.getByRole("combobox", { name: "Search products" });
  await expect(box).toHaveValue("kitchn");
  await expect(box).toBeFocused();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=kitchn$/);
});
