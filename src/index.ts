export { startSkiff, type Skiff } from "./skiff.js";
export type { SkiffOptions } from "./config.js";
