import type { InputRules } from "../protocol/awsjson11/decode.js";
import type { QueryInputRules } from "../protocol/ec2query/decode.js";
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

/** A service spoken over the EC2 query protocol, found by the request's `Version`. */
export interface QueryService {
  name: string;
  version: string;
  signingName: string;
  /** The namespace of response documents. */
  xmlNamespace: string;
  model: ServiceModel;
  operations: OperationTable<string>;
  inputRules: QueryInputRules;
}
