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

/** The resource's current state does not allow the action, e.g. starting a running instance. */
export const invalidState = (resourceType: string, name: string, state: string, action: string, allowed: readonly string[]) =>
  operationFailure(
    `The ${resourceType} ${name} is ${state}; ${action} needs it to be ${allowed.join(" or ")}.`,
    "InvalidResourceState",
  );

/** A resource exists but its state does not allow the request, in the real service's wording. */
export const wrongState = (action: string, resource: string, state: string) =>
  operationFailure(`You can't ${action} right now. The state of this ${resource} is: ${state}`, "InvalidResourceState");

export const mutuallyExclusive = (a: string, b: string) =>
  invalidInput(`The ${a} and ${b} parameters are mutually exclusive. Specify only one of them.`);

export const diskStillAttached = (instanceName: string) =>
  operationFailure(`You can't perform this operation because the disk is still attached to a Lightsail instance: ${instanceName}`);

export const detachNeedsStoppedInstance = (state: string) =>
  operationFailure(`You can only detach the disk when the target instance is stopped. The current state of your instance is: ${state}`);

export const addOnAlreadyInState = () => invalidInput("The addOn is already in requested state");

export const addOnNotEnabled = (addOnType: string) => invalidInput(`${addOnType} not enabled for the resource`);

/** A snapshot that restores are still reading (aws-facts §2.8: it cannot vanish under them). */
export const snapshotInUse = (snapshot: string, users: string[]) =>
  operationFailure(
    `The snapshot ${snapshot} is in use by resources that are being created from it: ${users.join(", ")}. Try again once they are created.`,
    "ResourceInUse",
  );

export const autoSnapshotNotFound = (resourceName: string, what: string) =>
  lightsailError("NotFoundException", 404, "DoesNotExist", `The resource ${resourceName} has no automatic snapshot ${what}. Use GetAutoSnapshots to list its dates.`,
    "Check the resource name and the date.");

/** The compute driver has no local image of the blueprint (linux driver): it cannot boot it. */
export const blueprintWithoutImage = (blueprintId: string) =>
  invalidInput(
    `The blueprint ${blueprintId} has no local image on this Skiff; build one with 'skiff image build minimal --blueprint ${blueprintId}'` +
      `${blueprintId === "debian_12" ? " or 'skiff image build debian_12'" : ""} and restart Skiff.`,
    "BlueprintUnavailable",
  );
