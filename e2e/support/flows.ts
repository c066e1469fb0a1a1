/**
 * Steps shared by the journeys, each done through the UI as a person would: sign up, apply to sell,
 * approve a store as the operator, add a stock location, create and publish a listing.
 */
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, newPerson, newStore, type Person, type StoreDraft } from "./data";
import { sellerUrl } from "./env";

type UrlOf = (path?: string) => string;

export async function signUp(page: Page, urlOf: UrlOf, person: Person) {
  await page.goto(urlOf("/sign-up"));
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/);
}

export async function signIn(page: Page, urlOf: UrlOf, account: { email: string; password: string }, next = "/") {
  await page.goto(urlOf(next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`));
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Signs up in the seller portal (which continues to the application) and applies. */
export async function signUpAndApply(page: Page, person: Person, store: StoreDraft) {
  await test.step(`${person.email} signs up and applies to sell as "${store.name}"`, async () => {
    await signUp(page, sellerUrl, person);
    await expect(page).toHaveURL(sellerUrl("/apply"));
    await page.getByLabel("Store name").fill(store.name);
    await page.getByLabel("Store address").fill(store.slug);
    await page.getByLabel("Description").fill("Hand-picked outdoor basics, tested on real trails before we list them.");
    await page.getByLabel("Return policy").fill("Return any unused item within 30 days; we pay the return shipping.");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(sellerUrl("/"));
    await expect(page.getByText("Your application is under review")).toBeVisible();
    await expect(page.getByRole("banner").getByText("Under review", { exact: true })).toBeVisible();
  });
}

/** The operator, signed in in a browser context of their own, opens the console. */
export async function operatorConsole(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, sellerUrl, DEMO_ACCOUNTS.operator, "/admin");
  await expect(page).toHaveURL(sellerUrl("/admin"));
  return { context, page };
}

/** An application in the operator's review queue: a list item named by the store. */
export const applicationCard = (page: Page, storeName: string) => page.getByRole("listitem", { name: storeName });

export async function approveStore(browser: Browser, store: StoreDraft) {
  await test.step(`the operator approves "${store.name}"`, async () => {
    const { context, page } = await operatorConsole(browser);
    try {
      await applicationCard(page, store.name).getByRole("button", { name: "Approve" }).click();
      await expect(page.getByRole("status")).toHaveText(`${store.name} is approved.`);
      await expect(applicationCard(page, store.name)).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
}

export interface Seller {
  person: Person;
  store: StoreDraft;
  context: BrowserContext;
  page: Page;
}

/** A new person with an approved store, signed in to the seller portal in a context of their own. */
export async function newApprovedSeller(browser: Browser): Promise<Seller> {
  const person = newPerson("seller");
  const store = newStore();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpAndApply(page, person, store);
  await approveStore(browser, store);
  await page.reload();
  await expect(page.getByRole("banner").getByText("Approved", { exact: true })).toBeVisible();
  return { person, store, context, page };
}

export async function createLocation(page: Page, name: string) {
  await test.step(`add the stock location "${name}"`, async () => {
    await page.goto(sellerUrl("/locations"));
    await page.getByLabel("Location name").fill(name);
    await page.getByLabel("Street address").fill("12 Harbour Road");
    await page.getByLabel("City").fill("Portland");
    await page.getByLabel("Postal code").fill("97201");
    await page.getByLabel("Country code").fill("US");
    await page.getByRole("button", { name: "Add location" }).click();
    await expect(page.getByText(`Added ${name}.`)).toBeVisible();
    await expect(page.getByRole("listitem", { name })).toBeVisible();
  });
}

export interface VariantDraft {
  /** The value of the listing's one option (e.g. "M"); leave out for a listing without options. */
  option?: string;
  sku: string;
  price: string;
  compareAt?: string;
  /** Stock at each location, by location name. */
  stock?: Record<string, string>;
}

export interface ListingDraft {
  title: string;
  /** The category as it reads in the form's list (a subcategory name). */
  category: string;
  description?: string;
  /** The name of the listing's one option (e.g. "Size"), when it has variants. */
  optionName?: string;
  variants: VariantDraft[];
}

/** Fills the listing form (on /listings/new or a listing's page) without saving it. */
export async function fillListingForm(page: Page, draft: ListingDraft) {
  await page.getByLabel("Title", { exact: true }).fill(draft.title);
  await page.getByLabel("Category").selectOption({ label: draft.category });
  if (draft.description) await page.getByLabel("Description").fill(draft.description);
  if (draft.optionName) {
    await page.getByRole("button", { name: "Add option" }).click();
    await page.getByLabel("Option 1 name").fill(draft.optionName);
  }
  for (const [i, v] of draft.variants.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add variant" }).click();
    const row = variantRow(page, i);
    if (draft.optionName && v.option !== undefined) await row.getByLabel(draft.optionName, { exact: true }).fill(v.option);
    await row.getByLabel("SKU").fill(v.sku);
    await row.getByLabel("Price", { exact: true }).fill(v.price);
    if (v.compareAt !== undefined) await row.getByLabel("Compare-at price").fill(v.compareAt);
    for (const [location, count] of Object.entries(v.stock ?? {})) await row.getByLabel(`Stock at ${location}`).fill(count);
  }
}

/** The fieldset of the listing form's n-th variant (0-based). */
export const variantRow = (page: Page, index: number) => page.getByRole("group", { name: `Variant ${index + 1}`, exact: true });

/** Creates a draft listing through the form; returns its id (from the address it lands on). */
export async function createListing(page: Page, draft: ListingDraft): Promise<string> {
  return test.step(`create the listing "${draft.title}"`, async () => {
    await page.goto(sellerUrl("/listings/new"));
    await fillListingForm(page, draft);
    await page.getByRole("button", { name: "Save listing" }).click();
    await expect(page).toHaveURL(/\/listings\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole("heading", { level: 1, name: draft.title })).toBeVisible();
    const id = /\/listings\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    if (!id) throw new Error(`no listing id in ${page.url()}`);
    return id;
  });
}

/** On a listing's page: chooses files in the uploader and uploads them. */
export async function uploadImages(page: Page, files: string[]) {
  await page.getByLabel("Choose images").setInputFiles(files);
  await page.getByRole("button", { name: "Upload images" }).click();
}

/** The images in a listing's gallery, in order. */
export const galleryImages = (page: Page) => page.getByRole("list", { name: "Listing images in order" }).getByRole("listitem");

export async function publishListing(page: Page) {
  await test.step("publish the listing", async () => {
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Published: the listing is on the storefront.")).toBeVisible();
    await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
  });
}

/** The image was fetched and decoded (a broken link or a wrong media URL fails this). */
export async function expectImageLoaded(image: Locator) {
  await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() => image.evaluate((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0), {
      message: "image loaded",
    })
    .toBe(true);
}
