import { defineConfig, type ReporterDescription } from "@playwright/test";
import { CHROMIUM_ARGS } from "./support/browser-args";

/**
 * Run through `npm run test:e2e` (scripts/e2e.ts), which builds and starts both apps on a fresh
 * database and passes the browser in E2E_CHROMIUM_PATH. Journeys live in tests/<persona>/.
 */
const ci = !!process.env.CI;
const jsonReport = process.env.E2E_JSON_REPORT;

const reporter: ReporterDescription[] = [["list"]];
if (jsonReport) reporter.push(["json", { outputFile: jsonReport }]);

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results/playwright",
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  workers: 2,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter,
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: process.env.E2E_CHROMIUM_PATH || undefined, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 20_000,
    navigationTimeout: 45_000,
    viewport: { width: 1280, height: 900 },
  },
  projects: [
    { name: "buyer", testDir: "./tests/buyer" },
    { name: "seller", testDir: "./tests/seller" },
    { name: "operator", testDir: "./tests/operator" },
  ],
});
