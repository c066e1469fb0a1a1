import { expect, test } from "@playwright/test";
import { newPerson, newStore } from "../../support/data";
import { sellerUrl } from "../../support/env";
import { applicationCard, operatorConsole, signUpAndApply } from "../../support/flows";

test("the operator must give a reason to reject an application, and the seller sees it", async ({ browser }) => {
  const person = newPerson("applicant");
  const store = newStore();
  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await signUpAndApply(sellerPage, person, store);

  const { context, page } = await operatorConsole(browser);
  const card = applicationCard(page, store.name);
  await expect(card).toContainText(person.email);

  await card.getByRole("button", { name: "Reject" }).click();
  const reason = card.getByLabel("Reason for rejection");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription(/reason/i);

  const why = "Please add a return address to your return policy.";
  await reason.fill(why);
  await card.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("status")).toHaveText(`${store.name} was rejected.`);
  await expect(applicationCard(page, store.name)).toHaveCount(0);

  await page.goto(sellerUrl("/admin?status=rejected"));
  await expect(applicationCard(page, store.name)).toContainText(why);
  await context.close();

  await sellerPage.reload();
  await expect(sellerPage.getByText("Your application was not approved")).toBeVisible();
  await expect(sellerPage.getByRole("banner").getByText("Not approved", { exact: true })).toBeVisible();
  await expect(sellerPage.getByText(why)).toBeVisible();
  await sellerContext.close();
});

test("a shopper who is not an operator cannot open the operator console", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const person = newPerson("curious");
  await page.goto(sellerUrl("/sign-up"));
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(sellerUrl("/apply"));

  const response = await page.goto(sellerUrl("/admin"));
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await context.close();
});
