import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../support/data";
import { sellerUrl } from "../../support/env";

test("a wrong password is refused with a clear message and nobody is signed in", async ({ page }) => {
  await page.goto(sellerUrl("/sign-in"));
  await page.getByLabel("E-mail").fill(DEMO_ACCOUNTS.seller.email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "The e-mail or password is incorrect." }).first()).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-in/);

  // Still signed out: the portal sends us back to sign in.
  await page.goto(sellerUrl("/"));
  await expect(page).toHaveURL(/\/sign-in/);
});
