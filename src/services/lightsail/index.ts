import type { JsonService } from "../service.js";
import { missingParameter, notInEnum } from "./errors.js";
import { model } from "./generated/model.js";
import { operations } from "./operations.js";

export const lightsail: JsonService = {
  name: "Lightsail",
  targetPrefix: "Lightsail_20161128",
  signingName: "lightsail",
  model,
  operations,
  inputRules: { missing: missingParameter, notInEnum },
};
