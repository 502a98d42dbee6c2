import type { InputRules } from "../protocol/awsjson11/decode.js";
import type { QueryInputRules } from "../protocol/ec2query/decode.js";
import type { ServiceModel } from "../protocol/model.js";
import type { OperationTable } from "./context.js";

/** What every service hands the dispatch path (server/dispatch.ts), whatever its wire protocol. */
export interface Service {
  name: string;
  /** The credential scope's service of a signed request. */
  signingName: string;
  model: ServiceModel;
  /** Every operation of the official model (generated/operations.ts), implemented or not. */
  operationNames: ReadonlySet<string>;
  /** The operations Skiff implements; any other name of `operationNames` answers NotImplemented. */
  handlers: OperationTable<string>;
}

/** A service spoken over awsJson1_1, found by its X-Amz-Target prefix. */
export interface JsonService extends Service {
  targetPrefix: string;
  inputRules: InputRules;
}

/** A service spoken over the EC2 query protocol, found by the request's `Version`. */
export interface QueryService extends Service {
  version: string;
  /** The namespace of response documents. */
  xmlNamespace: string;
  inputRules: QueryInputRules;
}
