import { AwsError } from "../../core/errors.js";

/**
 * Lightsail's exceptions. Every one carries the modeled members code, docs, message and tip; the
 * `code` sub-codes DoesNotExist, NameExists and InvalidKey.Format are the ones seen from the real
 * service, the others are Skiff's choice (see GAPS.md).
 */
const DOCS = "https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/";

function lightsailError(type: string, status: number, code: string, message: string, tip: string) {
  return new AwsError(type, message, status, { code, docs: DOCS, message, tip });
}

export const invalidInput = (message: string, code = "InvalidInput") =>
  lightsailError("InvalidInputException", 400, code, message, "Check the request parameters and try again.");

export const missingParameter = (name: string) => invalidInput(`The ${name} parameter is required.`, "MissingParameter");

export const notInEnum = (name: string, value: string, allowed: string[]) =>
  invalidInput(`The ${name} value '${value}' is not valid. Valid values: ${allowed.join(", ")}.`);

export const notFound = (resourceType: string, name: string) =>
  lightsailError("NotFoundException", 404, "DoesNotExist", `The ${resourceType} does not exist: ${name}`,
    "Check the resource name and the region of the request.");

export const nameInUse = (names: string[]) =>
  invalidInput(`Some names are already in use: ${names.join(", ")}`, "NameExists");

export const operationFailure = (message: string, code = "OperationFailure") =>
  lightsailError("OperationFailureException", 400, code, message, "Wait for the resource to reach a state that allows this operation.");

export const invalidPageToken = (token: string) => invalidInput(`The page token '${token}' is not valid.`);

export const invalidPublicKey = () => invalidInput("The format of this public key is not valid", "InvalidKey.Format");
