import { defineConfig } from "vitest/config";

const exclude = ["**/node_modules/**", "**/.next/**", "**/.next-*/**", ".data/**", "e2e/**"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/**/*.test.ts", "apps/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [...exclude, "**/*.integration.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude,
          globalSetup: ["tooling/vitest/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          maxWorkers: 2,
          // Runs after the unit project; vitest needs distinct groups when maxWorkers differ.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
