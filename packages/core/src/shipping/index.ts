export * from "./delivery-estimate";
export * from "./delivery-options";
