export * from "./store";
export * from "./urls";
export * from "./images";
export * from "./story-cover";
