export * from "./identity";
export * from "./sellers";
export * from "./catalog";
export * from "./inventory";
