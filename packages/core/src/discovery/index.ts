export * from "./availability";
export * from "./consent";
export * from "./views";
export * from "./recommendations";
export * from "./merchandising";
