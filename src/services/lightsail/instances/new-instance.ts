import type { AddOnRequest, IpAddressType, Operation, Tag } from "@aws-sdk/client-lightsail";
import { ec2Id } from "../../../core/ids.js";
import type { InstanceRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { addOnsFromRequests, checkAutoSnapshotPlatform } from "../add-ons/add-on-requests.js";
import { scheduleAddOns } from "../add-ons/schedule.js";
import type { JobOrigin } from "../../../worker/job.js";
import type { RestorePlan } from "../../../worker/jobs/restore-instance.js";
import type { BlueprintInfo } from "../../../catalog/blueprints.js";
import type { BundleInfo } from "../../../catalog/bundles.js";
import { invalidInput, nameInUse, notFound } from "../errors.js";
import { DEFAULT_KEY_PAIR, ensureDefaultKeyPair } from "../key-pairs/default-key-pair.js";
import type { KeyMaterial } from "../key-pairs/new-key-pair.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { lightsailArn, supportCode } from "../resources.js";
import { checkTags } from "../validation.js";
import { ipv6Address, privateAddress, publicAddress } from "./addresses.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

export const MAX_USER_DATA = 16 * 1024;

export interface NewInstances {
  names: string[];
  zone: string;
  blueprint: BlueprintInfo;
  bundle: BundleInfo;
  userData?: string;
  keyPairName?: string;
  /** The default key pair's key when the region has none yet, made beforehand (`defaultKeyIfMissing`). */
  defaultKey?: KeyMaterial;
  tags?: Tag[];
  addOns?: AddOnRequest[];
  ipAddressType: IpAddressType;
  operationType: "CreateInstance" | "CreateInstancesFromSnapshot";
  /** CreateInstancesFromSnapshot: what to restore each instance from (a restore job instead of a create job). */
  restore?: RestorePlan;
}

/** Checks the parts of a create request that need no database: user data, tags, add-ons. */
export function checkInstanceExtras(region: string, req: Pick<NewInstances, "userData" | "tags" | "addOns">) {
  if (req.userData !== undefined && Buffer.byteLength(req.userData) > MAX_USER_DATA) {
    throw invalidInput(`The user data is ${Buffer.byteLength(req.userData)} bytes; at most ${MAX_USER_DATA} are allowed.`);
  }
  return { tags: checkTags(req.tags), addOns: addOnsFromRequests(req.addOns, region, "instance") };
}

/**
 * Writes new instances in `pending`, one Started operation and one create job each, all in the
 * caller's transaction. Shared by CreateInstances and CreateInstancesFromSnapshot.
 */
export async function insertNewInstances(tx: Tx, scope: JobOrigin, now: number, req: NewInstances): Promise<Operation[]> {
  const { tags, addOns } = checkInstanceExtras(scope.region, req);
  checkAutoSnapshotPlatform(addOns, req.blueprint.platform, req.blueprint.blueprintId);
  const keyPair =
    req.keyPairName === undefined || req.keyPairName === DEFAULT_KEY_PAIR
      ? await ensureDefaultKeyPair(tx, scope, now, req.defaultKey)
      : await tx.keyPairs.get(scope, req.keyPairName);
  if (!keyPair) throw notFound("KeyPair", req.keyPairName!);
  const sshKeyName = keyPair.name;
  const taken = await tx.names.claim(scope, req.names, "Instance");
  if (taken.length > 0) throw nameInUse(taken);

  const operations: Operation[] = [];
  for (const name of req.names) {
    const record: InstanceRecord = {
      name,
      arn: lightsailArn(scope, "Instance"),
      computeId: ec2Id("i"),
      supportCode: "",
      createdAt: now,
      availabilityZone: req.zone,
      blueprintId: req.blueprint.blueprintId,
      bundleId: req.bundle.bundleId,
      state: "pending",
      sshKeyName,
      userData: req.userData ?? "",
      tags,
      addOns,
      ipAddressType: req.ipAddressType,
      privateIpAddress: privateAddress(),
      publicIpAddress: req.ipAddressType === "ipv6" ? undefined : publicAddress(),
      ipv6Addresses: req.ipAddressType === "ipv4" ? [] : [ipv6Address()],
      ports: req.blueprint.defaultPorts.map((port) => ({
        fromPort: port, toPort: port, protocol: "tcp", cidrs: ["0.0.0.0/0"], ipv6Cidrs: req.ipAddressType === "ipv4" ? [] : ["::/0"], cidrListAliases: [],
      })),
      metadataOptions: { state: "applied", httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpProtocolIpv6: "disabled" },
      systemDiskCreatedAt: now,
    };
    record.supportCode = supportCode(record.computeId);
    await tx.instances.insert(scope, record);
    const op = await recordOperation(tx, scope, now, {
      resourceName: name, resourceType: "Instance", availabilityZone: req.zone, operationType: req.operationType,
    });
    await scheduleAddOns(tx, scope, { resourceType: "Instance", name, arn: record.arn }, addOns, now);
    // The job builds the driver's spec from the record when it runs; the key is kept as it is now.
    const job = { name, computeId: record.computeId, operationIds: [op.id], publicKey: keyPair.publicKey };
    if (req.restore) await enqueue(tx, scope, "lightsail.instance.restore", { ...job, restore: req.restore }, now);
    else await enqueue(tx, scope, "lightsail.instance.create", job, now);
    operations.push(toOperation(op, scope.region));
  }
  return operations;
}
