import type { QueryService } from "../service.js";
import { invalidValue, missingParameter, tooManyMembers, unknownParameter } from "./errors.js";
import { model } from "./generated/model.js";
import { handlers } from "./handlers.js";
import { operationNames } from "./generated/operations.js";
import { shortened, withShortErrors } from "./short-errors.js";

export const ec2: QueryService = {
  name: "EC2",
  version: "2016-11-15",
  signingName: "ec2",
  // As real EC2 writes it; the SDK's model spells it without the trailing slash.
  xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15/",
  model,
  operationNames: new Set(operationNames),
  handlers: withShortErrors(handlers),
  // Parameter names and values are the client's, of any length: messages quote them shortened.
  inputRules: {
    missing: (name) => shortened(missingParameter(name)),
    unknown: (name) => shortened(unknownParameter(name)),
    invalidValue: (name, value, expected) => shortened(invalidValue(name, value, expected)),
    tooMany: (name, count, max, tags) => shortened(tooManyMembers(name, count, max, tags)),
  },
};
