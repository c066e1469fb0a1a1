import { chromium } from "@playwright/test";
const slug = process.argv[2] ?? "riffle-reed-graphite-spinning-rod-plus";
const tag = process.argv[3] ?? "p";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
for (const [w, h] of [[1280, 900], [390, 844]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, timezoneId: "America/New_York" });
  const page = await ctx.newPage();
  page.setDefaultTimeout(240000); page.setDefaultNavigationTimeout(240000);
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log("console:", m.type(), m.text().slice(0, 300)); });
  // Record layout shifts of the delivery box.
  await page.addInitScript(() => { window.__shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push(e.value); }).observe({ type: "layout-shift", buffered: true }); });
  await page.goto(`http://localhost:3420/p/${slug}`);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000);
  const box = page.locator("section", { has: page.getByRole("heading", { name: "Delivery", exact: true }) });
  console.log(w, "box text:", (await box.innerText()).replace(/\n+/g, " | "));
  console.log(w, "CLS entries:", JSON.stringify(await page.evaluate(() => window.__shifts)));
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/ship/shots/${tag}-${w}.png`, fullPage: w === 390 ? false : false });
  await box.screenshot({ path: `/tmp/ship/shots/${tag}-${w}-box.png` });
  // Choose another option: pickup should follow the chosen variant.
  const radios = page.getByRole("radio");
  const n = await radios.count();
  if (n > 1) {
    await radios.nth(n - 1).check({ force: true });
    await page.waitForTimeout(300);
    console.log(w, "after choosing last option:", (await box.innerText()).replace(/\n+/g, " | "));
    await radios.nth(0).check({ force: true });
    await page.waitForTimeout(300);
    console.log(w, "after choosing first option:", (await box.innerText()).replace(/\n+/g, " | "));
  }
  await ctx.close();
}
await browser.close();
