export * from "./provider";
export * from "./test-provider";
