/**
 * Steps shared by the journeys, each done through the UI like a person would: sign up, apply to sell,
 * approve a store as the operator, add a stock location, create a listing.
 */
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, newPerson, newStore, type Person, type StoreDraft } from "./data";
import { sellerUrl } from "./env";

export async function signUpSeller(page: Page, person: Person) {
  await page.goto(sellerUrl("/sign-up"));
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/apply$/);
}

export async function signIn(page: Page, baseUrl: (path?: string) => string, email: string, password: string, next = "/") {
  await page.goto(baseUrl(next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`));
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function applyToSell(page: Page, store: StoreDraft) {
  await page.goto(sellerUrl("/apply"));
  await page.getByLabel("Store name").fill(store.name);
  await page.getByLabel("Store address").fill(store.slug);
  await page.getByLabel("Description").fill("Hand-picked outdoor basics, tested on real trails before we list them.");
  await page.getByLabel("Return policy").fill("Return any unused item within 30 days; we pay the return shipping.");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(sellerUrl("/"));
  await expect(page.getByText(/pending/i).first()).toBeVisible();
}

/** The operator, in a browser context of their own, approves the store in the console. */
export async function approveStore(browser: Browser, store: StoreDraft) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, sellerUrl, DEMO_ACCOUNTS.operator.email, DEMO_ACCOUNTS.operator.password, "/admin");
    await page.goto(sellerUrl("/admin"));
    const row = storeRow(page, store.name);
    await row.getByRole("button", { name: "Approve" }).click();
    await expect(storeRow(page, store.name).getByText(/approved/i).first()).toBeVisible();
  } finally {
    await context.close();
  }
}

/** The row (or card) of the operator's seller list that names the store. */
export function storeRow(page: Page, storeName: string) {
  return page
    .getByRole("row")
    .or(page.getByRole("listitem"))
    .or(page.getByRole("article"))
    .filter({ hasText: storeName });
}

export interface Seller {
  person: Person;
  store: StoreDraft;
  context: BrowserContext;
  page: Page;
}

/** A new person with an approved store, signed in to the seller portal in a fresh context. */
export async function newApprovedSeller(browser: Browser): Promise<Seller> {
  const person = newPerson("seller");
  const store = newStore();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpSeller(page, person);
  await applyToSell(page, store);
  await approveStore(browser, store);
  await page.reload();
  await expect(page.getByText(/approved/i).first()).toBeVisible();
  return { person, store, context, page };
}

export async function createLocation(page: Page, name: string) {
  await page.goto(sellerUrl("/locations"));
  await page.getByRole("link", { name: /add (a )?location|new location/i }).or(page.getByRole("button", { name: /add (a )?location|new location/i })).first().click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/street|address/i).first().fill("12 Harbour Road");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel(/postal code|zip/i).fill("97201");
  await page.getByLabel("Country").fill("US");
  await page.getByRole("button", { name: /save|add location|create/i }).first().click();
  await expect(page.getByText(name).first()).toBeVisible();
}
