export * from "./provider";
export * from "./test-provider";
export * from "./stripe";
export * from "./stripe-webhook";
