export * from "./store";
export * from "./urls";
export * from "./images";
