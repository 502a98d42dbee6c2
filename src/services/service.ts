import type { InputRules } from "../protocol/awsjson11/decode.js";
import type { ServiceModel } from "../protocol/model.js";
import type { OperationTable } from "./context.js";

/** A service spoken over awsJson1_1, found by its X-Amz-Target prefix. */
export interface JsonService {
  name: string;
  targetPrefix: string;
  signingName: string;
  model: ServiceModel;
  operations: OperationTable<string>;
  inputRules: InputRules;
}
