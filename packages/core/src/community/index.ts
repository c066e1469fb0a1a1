export * from "./render";
export * from "./trust";
export * from "./rate-limit";
export * from "./profiles";
export * from "./moderation";
export * from "./notifications";
export * from "./listing-cards";
export * from "./forum";
