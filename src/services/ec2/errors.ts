import { AwsError } from "../../core/errors.js";

/**
 * EC2's error codes (aws-facts §4.9): the code is the wire `<Code>`, the message the sentence EC2
 * sends where it is known. Everything is HTTP 400 except DryRunOperation (412) and
 * UnauthorizedOperation (403).
 */
const ec2Error = (code: string, message: string, status = 400) => new AwsError(code, message, status);

const quoted = (ids: string[]) => ids.join(", ");

// Request shape
export const missingParameter = (name: string) => ec2Error("MissingParameter", `The request must contain the parameter ${name}`);
export const unknownParameter = (name: string) => ec2Error("UnknownParameter", `The parameter ${name} is not recognized`);
export const invalidParameterValue = (message: string) => ec2Error("InvalidParameterValue", message);
export const invalidValue = (parameter: string, value: unknown, expected?: string) =>
  invalidParameterValue(`Value (${String(value)}) for parameter ${parameter} is invalid.${expected ? ` Expected: ${expected}.` : ""}`);
export const tooManyMembers = (name: string, count: number, max: number, tags: boolean) =>
  tags ? tagLimitExceeded() : invalidParameterValue(`The parameter ${name} has ${count} members; at most ${max} are accepted.`);
export const invalidParameterCombination = (message: string) => ec2Error("InvalidParameterCombination", message);
export const invalidParameterDependency = (message: string) => ec2Error("InvalidParameterDependency", message);
export const noOutposts = (parameter: string) =>
  invalidParameterValue(`Skiff has no Outposts: every resource is in the region, so leave out ${parameter}.`);
export const invalidFilter = (name: string) => invalidParameterValue(`The filter '${name}' is invalid`);
export const invalidPaginationToken = (token: string) =>
  ec2Error("InvalidPaginationToken", `The pagination token '${token}' is not valid or has expired.`);
export const maxResultsTooSmall = (value: number, min: number) =>
  invalidParameterValue(`Value ( ${value} ) for parameter maxResults is invalid. Expecting a value greater than ${min}.`);
export const dryRunOperation = () => ec2Error("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
export const invalidId = (id: string) => ec2Error("InvalidID", `The ID '${id}' is not valid`);

// Malformed ids
export const malformedInstanceId = (id: string) => ec2Error("InvalidInstanceID.Malformed", `Invalid id: "${id}"`);
export const malformedVolumeId = (id: string) => ec2Error("InvalidVolumeID.Malformed", `Invalid id: "${id}" (expecting "vol-...")`);
export const malformedSnapshotId = (id: string) => ec2Error("InvalidSnapshotID.Malformed", `Invalid id: "${id}" (expecting "snap-...")`);
export const malformedImageId = (id: string) => ec2Error("InvalidAMIID.Malformed", `Invalid id: "${id}" (expecting "ami-...")`);
export const malformedKeyPairId = (id: string) => ec2Error("InvalidKeyPair.Malformed", `Invalid id: "${id}" (expecting "key-...")`);

// Not found
export const instancesNotFound = (ids: string[]) =>
  ec2Error(
    "InvalidInstanceID.NotFound",
    ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${quoted(ids)}' do not exist`,
  );
export const volumesNotFound = (ids: string[]) =>
  ec2Error("InvalidVolume.NotFound", ids.length === 1 ? `The volume '${ids[0]}' does not exist.` : `The volumes '${quoted(ids)}' do not exist.`);
export const snapshotsNotFound = (ids: string[]) =>
  ec2Error(
    "InvalidSnapshot.NotFound",
    ids.length === 1 ? `The snapshot '${ids[0]}' does not exist.` : `The snapshot IDs '${quoted(ids)}' do not exist.`,
  );
export const imagesNotFound = (ids: string[]) => ec2Error("InvalidAMIID.NotFound", `The image id '[${quoted(ids)}]' does not exist`);
export const keyPairNotFound = (name: string) => ec2Error("InvalidKeyPair.NotFound", `The key pair '${name}' does not exist`);
export const keyPairDuplicate = (name: string) => ec2Error("InvalidKeyPair.Duplicate", `The keypair '${name}' already exists.`);
export const invalidKeyFormat = (why: string) => ec2Error("InvalidKey.Format", `Key is not in valid OpenSSH public key format: ${why}`);
export const invalidZone = (zone: string) => invalidParameterValue(`Invalid availability zone: [${zone}]`);

// State
export const incorrectState = (message: string) => ec2Error("IncorrectState", message);
export const incorrectInstanceState = (id: string, state: string, action: string) =>
  ec2Error("IncorrectInstanceState", `The instance '${id}' is not in a state from which it can be ${action} (it is ${state}).`);
export const volumeInUse = (volumeId: string, instanceId: string) =>
  ec2Error("VolumeInUse", `Volume ${volumeId} is currently attached to ${instanceId}`);
export const volumeAlreadyAttached = (volumeId: string, instanceId: string) =>
  ec2Error("VolumeInUse", `${volumeId} is already attached to an instance (${instanceId})`);
export const zoneMismatch = (volumeId: string, instanceId: string) =>
  ec2Error("InvalidVolume.ZoneMismatch", `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}'`);
export const snapshotInUse = (snapshotId: string, by: string) =>
  ec2Error("InvalidSnapshot.InUse", `The snapshot ${snapshotId} is currently in use by ${by}`);
export const attachmentNotFound = (volumeId: string, instanceId: string) =>
  ec2Error("InvalidAttachment.NotFound", `The volume '${volumeId}' is not attached to instance '${instanceId}'.`);
export const incorrectModificationState = (volumeId: string) =>
  ec2Error(
    "IncorrectModificationState",
    `Cannot modify volume ${volumeId}: a modification of this volume is still in progress.`,
  );

// Limits
export const instanceLimitExceeded = (requested: number, limit: number) =>
  ec2Error("InstanceLimitExceeded", `You have requested more instances (${requested}) than your current instance limit of ${limit} allows for the specified instance type.`);
export const tagLimitExceeded = () => ec2Error("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
export const invalidBlockDeviceMapping = (message: string) => ec2Error("InvalidBlockDeviceMapping", message);
export const concurrentSnapshotLimit = (volumeId: string) =>
  ec2Error("ConcurrentSnapshotLimitExceeded", `Too many pending snapshots of volume ${volumeId}: at most 5 may be pending at once.`);
/** The compute driver has no local image of the AMI's system (linux driver): it cannot boot it. */
export const imageUnavailable = (imageId: string, baseImage: string) =>
  invalidParameterValue(
    `The image '${imageId}' cannot be launched on this Skiff: it has no local image of ${baseImage}; build one with 'skiff image build minimal --blueprint ${baseImage}' and restart Skiff.`,
  );
