export * from "./categories";
export * from "./links";
export * from "./threads";
export * from "./posts";
export * from "./reactions";
export * from "./answers";
export * from "./blocks";
export * from "./queries";
