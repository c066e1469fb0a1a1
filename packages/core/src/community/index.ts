export * from "./render";
export * from "./trust";
export * from "./rate-limit";
export * from "./profiles";
