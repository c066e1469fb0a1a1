export * from "./delivery-estimate";
export * from "./delivery-options";
export * from "./profiles";
export * from "./listing-delivery";
