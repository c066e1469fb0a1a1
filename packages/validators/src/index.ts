export * from "./common";
export * from "./auth";
export * from "./sellers";
export * from "./listings";
export * from "./orders";
