import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

/** Imports flow one way: apps → api → core → db. These rules make the wrong direction a lint error. */
const appImports = { group: ["@agora/storefront", "@agora/storefront/*", "@agora/seller", "@agora/seller/*"], message: "Packages and apps never import an app." };
const frameworkImports = {
  group: ["next", "next/*", "react", "react/*", "react-dom", "@trpc/*", "next-auth", "next-auth/*"],
  message: "Core holds business rules only: no Next, React or tRPC here.",
};
const upward = (names, why) => ({ group: names.flatMap((n) => [n, `${n}/*`]), message: why });

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/.next-*/**", "**/.turbo/**", ".data/**", "**/drizzle/meta/**", "**/test-results/**", "**/playwright-report/**", "**/next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["packages/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [appImports] }] },
  },
  {
    files: ["packages/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [appImports, frameworkImports, upward(["@agora/api", "@agora/auth", "@agora/ui"], "Core sits below api, auth and ui.")] }],
    },
  },
  {
    files: ["packages/db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [appImports, frameworkImports, upward(["@agora/core", "@agora/api", "@agora/auth", "@agora/ui", "@agora/validators"], "db is the bottom layer.")] },
      ],
    },
  },
  {
    files: ["packages/validators/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [appImports, frameworkImports, upward(["@agora/core", "@agora/api", "@agora/db", "@agora/auth", "@agora/ui"], "Validators are shared schemas only.")] }] },
  },
  {
    files: ["packages/ui/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [appImports, upward(["@agora/core", "@agora/api", "@agora/db", "@agora/auth"], "UI components get data through props.")] }] },
  },
  {
    files: ["apps/storefront/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@agora/seller", "@agora/seller/*", "**/apps/seller/**"], message: "An app never imports another app." }] }] },
  },
  {
    files: ["apps/seller/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@agora/storefront", "@agora/storefront/*", "**/apps/storefront/**"], message: "An app never imports another app." }] }] },
  },
  prettier,
);
