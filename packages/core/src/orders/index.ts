export * from "./commission";
export * from "./place-order";
export * from "./checkout";
export * from "./lifecycle";
export * from "./queries";
export * from "./release-expired";
export * from "./timeline";
