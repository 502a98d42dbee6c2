import type { JsonService } from "../service.js";
import { missingParameter, notInEnum } from "./errors.js";
import { model } from "./generated/model.js";
import { handlers } from "./handlers.js";
import { operationNames } from "./generated/operations.js";

export const lightsail: JsonService = {
  name: "Lightsail",
  targetPrefix: "Lightsail_20161128",
  signingName: "lightsail",
  model,
  operationNames: new Set(operationNames),
  handlers,
  inputRules: { missing: missingParameter, notInEnum },
};
