export * from "./threads";
export * from "./posts";
