/** Values the integration project's global setup hands to test files through vitest's provide/inject. */
declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export {};
