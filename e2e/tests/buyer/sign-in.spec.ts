import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, newPerson } from "../../support/data";
import { storefrontUrl } from "../../support/env";
import { signIn, signUp } from "../../support/flows";

test("a wrong password is refused with a clear message and the shopper stays signed out", async ({ page }) => {
  await page.goto(storefrontUrl("/sign-in"));
  await page.getByLabel("E-mail").fill(DEMO_ACCOUNTS.buyer.email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "The e-mail or password is incorrect." }).first()).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.goto(storefrontUrl("/account"));
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a new shopper signs up, signs out and signs in again", async ({ page }) => {
  const shopper = newPerson("shopper");
  await signUp(page, storefrontUrl, shopper);
  await page.goto(storefrontUrl("/account"));
  await expect(page).toHaveURL(storefrontUrl("/account"));
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Account menu for ${shopper.name}` })).toBeVisible();

  await page.getByRole("button", { name: `Account menu for ${shopper.name}` }).click();
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: `Account menu for ${shopper.name}` })).toHaveCount(0);
  await page.goto(storefrontUrl("/account"));
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, storefrontUrl, shopper, "/account");
  await expect(page).toHaveURL(storefrontUrl("/account"));
  await expect(page.getByRole("button", { name: `Account menu for ${shopper.name}` })).toBeVisible();
});
