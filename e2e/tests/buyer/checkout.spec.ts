/**
 * Buying across sellers: one cart, a delivery estimate per seller, one payment step, one order per
 * seller; a seller ships with tracking or posts a delay and the shopper sees it (order page and the
 * development inbox); a declined card says why and keeps the cart.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newPerson, uniqueId } from "../../support/data";
import { sellerUrl, storefrontUrl } from "../../support/env";
import { signIn, signUp } from "../../support/flows";
import { createShopWithProduct, type TestShop } from "../../support/shop";

const DATE_RANGE = /[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}/;

async function addToCart(page: Page, shop: TestShop) {
  await page.goto(storefrontUrl(`/p/${shop.product.slug}`));
  await expect(page.getByRole("heading", { level: 1, name: shop.product.title })).toBeVisible();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
}

async function fillAddress(page: Page) {
  const address = page.getByRole("region", { name: /address/i });
  await address.getByLabel("Full name").fill("Robin Shopper");
  await address.getByLabel("Street address").fill("12 Harbour Street");
  await address.getByLabel("City").fill("Portland");
  await address.getByLabel("Postal code").fill("97201");
  await address.getByLabel("Country").selectOption("US");
}

async function payWith(page: Page, cardNumber: string) {
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByLabel("Expiry date").fill("12/34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Place order" }).click();
}

/** A new shopper, signed up in the storefront, with the given products in the cart. */
async function shopperWithCart(page: Page, shops: TestShop[]) {
  await signUp(page, storefrontUrl, newPerson("shopper"));
  for (const shop of shops) await addToCart(page, shop);
}

async function sellerPortal(browser: Browser, shop: TestShop) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, sellerUrl, shop.person, "/orders");
  return { context, page };
}

async function openSellerOrder(page: Page, orderNumber: string) {
  await page.goto(sellerUrl("/orders?tab=new"));
  await page.getByRole("link", { name: `#${orderNumber}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`#${orderNumber}`) })).toBeVisible();
}

test("a shopper buys from two sellers in one checkout and sees seller A's tracking", async ({ page, browser }) => {
  const id = uniqueId();
  const [shopA, shopB] = await Promise.all([
    createShopWithProduct({ title: `Enamel trail mug ${id}`, priceMinor: 2400, stock: 10 }),
    createShopWithProduct({ title: `Wool camp blanket ${id}`, priceMinor: 8900, stock: 10 }),
  ]);

  await test.step("the shopper adds one product of each seller to the cart", async () => {
    await shopperWithCart(page, [shopA, shopB]);
  });

  await test.step("the cart groups the lines by seller, each with a delivery estimate", async () => {
    await page.goto(storefrontUrl("/cart"));
    for (const shop of [shopA, shopB]) {
      const group = page.getByRole("region", { name: shop.store.name });
      await expect(group.getByRole("link", { name: shop.product.title })).toBeVisible();
      await expect(group.getByText(DATE_RANGE).first()).toBeVisible();
    }
  });

  let orderNumbers: string[] = [];
  await test.step("checkout with the success test card gives one order per seller", async () => {
    await page.getByRole("link", { name: "Checkout" }).click();
    await expect(page).toHaveURL(storefrontUrl("/checkout"));
    await fillAddress(page);
    for (const shop of [shopA, shopB]) await expect(page.getByRole("group", { name: new RegExp(shop.store.name) }).getByText(DATE_RANGE).first()).toBeVisible();
    await payWith(page, "4242 4242 4242 4242");
    await expect(page).toHaveURL(/\/checkout\/complete\//);
    const text = await page.getByRole("main").innerText();
    orderNumbers = [...text.matchAll(/#(\d{6})/g)].map((m) => m[1] ?? "");
    expect(new Set(orderNumbers).size).toBe(2);
    await expect(page.getByText(shopA.store.name).first()).toBeVisible();
    await expect(page.getByText(shopB.store.name).first()).toBeVisible();
  });

  await test.step("seller A accepts and ships with a tracking number", async () => {
    const { context, page: seller } = await sellerPortal(browser, shopA);
    try {
      const mine = await (async () => {
        await seller.goto(sellerUrl("/orders?tab=new"));
        const listed = await seller.getByRole("main").innerText();
        return orderNumbers.find((n) => listed.includes(`#${n}`)) ?? "";
      })();
      expect(mine).not.toBe("");
      await openSellerOrder(seller, mine);
      await seller.getByRole("button", { name: "Accept order", exact: true }).click();
      await expect(seller.getByText(/^Order accepted\./)).toBeVisible();
      await seller.getByRole("button", { name: "Ship…", exact: true }).click();
      await seller.getByLabel("Carrier", { exact: true }).selectOption({ label: "UPS" });
      await seller.getByLabel("Tracking number").fill("1Z999AA10123456784");
      await seller.getByRole("button", { name: `Ship order #${mine}` }).click();
      await expect(seller.getByText(/^Shipped\./)).toBeVisible();
    } finally {
      await context.close();
    }
  });

  await test.step("the shopper's orders show seller A's shipment with its tracking number", async () => {
    await page.goto(storefrontUrl("/orders"));
    const orderA = page.getByRole("article").filter({ hasText: shopA.store.name });
    await expect(orderA.getByText("Shipped").first()).toBeVisible();
    await orderA.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
    await expect(page.getByText("1Z999AA10123456784").first()).toBeVisible();
    await expect(page.getByText(/UPS/).first()).toBeVisible();
  });
});

test("a declined card shows the reason and keeps the cart", async ({ page }) => {
  const shop = await createShopWithProduct({ title: `Folding lantern ${uniqueId()}`, priceMinor: 3100, stock: 5 });
  await shopperWithCart(page, [shop]);
  await page.goto(storefrontUrl("/checkout"));
  await fillAddress(page);
  await payWith(page, "4000 0000 0000 9995");
  await expect(page.getByRole("alert").filter({ hasText: "Your card has insufficient funds. Try another card." }).first()).toBeVisible();
  await expect(page).toHaveURL(storefrontUrl("/checkout"));

  await page.goto(storefrontUrl("/cart"));
  await expect(page.getByRole("link", { name: shop.product.title })).toBeVisible();
});

test("a seller posts a delay and the shopper's order page and inbox show the new date", async ({ page, browser }) => {
  const shop = await createShopWithProduct({ title: `Cast iron skillet ${uniqueId()}`, priceMinor: 4500, stock: 5 });
  await shopperWithCart(page, [shop]);
  await page.goto(storefrontUrl("/checkout"));
  await fillAddress(page);
  await payWith(page, "4242424242424242");
  await expect(page).toHaveURL(/\/checkout\/complete\//);
  const orderNumber = (await page.getByRole("main").innerText()).match(/#(\d{6})/)?.[1] ?? "";
  expect(orderNumber).not.toBe("");

  const year = new Date().getUTCFullYear() + 1;
  await test.step("the seller posts a delay with a new estimate and a note", async () => {
    const { context, page: seller } = await sellerPortal(browser, shop);
    try {
      await openSellerOrder(seller, orderNumber);
      await seller.getByRole("button", { name: "Post a delay…" }).click();
      await seller.getByLabel("New earliest delivery date").fill(`${year}-01-12`);
      await seller.getByLabel("New latest delivery date").fill(`${year}-01-15`);
      await seller.getByLabel("Note for the shopper").fill("Our courier is snowed in; we ship as soon as the roads open.");
      await seller.getByRole("button", { name: "Post delay", exact: true }).click();
      await expect(seller.getByText(/^Delay posted\./)).toBeVisible();
    } finally {
      await context.close();
    }
  });

  await test.step("the shopper's order page shows the new estimate and the note", async () => {
    await page.goto(storefrontUrl("/orders"));
    await page.getByRole("link", { name: new RegExp(`#${orderNumber}`) }).first().click();
    await expect(page.getByText("Our courier is snowed in; we ship as soon as the roads open.")).toBeVisible();
    await expect(page.getByText(/Jan 12/).first()).toBeVisible();
    await expect(page.getByText(/Jan 15/).first()).toBeVisible();
  });

  await test.step("the delay message reaches the shopper's development inbox", async () => {
    await page.goto(storefrontUrl("/dev/inbox"));
    const message = page.getByRole("article").filter({ hasText: `#${orderNumber}` }).filter({ hasText: /delay/i }).first();
    await expect(async () => {
      await page.reload();
      await expect(message).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(message.getByText(/Jan 12/).first()).toBeVisible();
  });
});
