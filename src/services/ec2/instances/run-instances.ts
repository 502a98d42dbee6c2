import type { Reservation, RunInstancesRequest } from "@aws-sdk/client-ec2";
import { ec2Id } from "../../../core/ids.js";
import type { Scope } from "../../../core/scope.js";
import type { Ec2InstanceRecord, VolumeRecord } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import type { Ec2RunJob } from "../../../worker/jobs/ec2-payloads.js";
import { EBS_PART } from "../../../worker/storage.js";
import type { Handler } from "../../context.js";
import { imageUnavailable, imagesNotFound, instanceLimitExceeded, invalidParameterValue, keyPairNotFound, missingParameter } from "../errors.js";
import { findImage } from "../images/catalog.js";
import { checkId, ID_PREFIX } from "../ids.js";
import { dryRun } from "../request.js";
import { tagsFromSpecifications } from "../tags/tag-rules.js";
import { defaultEbsKey } from "../volumes/encryption.js";
import { checkZone, defaultSubnetId, defaultVpcId, privateAddressIn, publicAddress, zonesOf } from "../zones/zones.js";
import { launchVolumes } from "./block-devices.js";
import { architectureOf, DEFAULT_INSTANCE_TYPE, instanceTypeInfo } from "./instance-types.js";
import { toInstance } from "./view.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

const MAX_PER_CALL = 100;
const MAX_USER_DATA = 16 * 1024;

export const runInstances: Handler<RunInstancesRequest, Reservation> = async (ctx, input) => {
  const { maxCount } = counts(input.MinCount!, input.MaxCount!);
  if (input.LaunchTemplate) throw invalidParameterValue("Skiff does not support launch templates: give ImageId and InstanceType instead of LaunchTemplate.");
  if (input.InstanceMarketOptions) throw invalidParameterValue("Skiff does not run Spot Instances: leave out InstanceMarketOptions.");
  if (input.ImageId === undefined) throw missingParameter("ImageId");
  const image = findImage(ctx.region, checkId("image", input.ImageId));
  if (!image) throw imagesNotFound([input.ImageId]);
  if (ctx.settings.images && !ctx.settings.images.includes(image.baseImage)) throw imageUnavailable(image.imageId, image.baseImage);
  const instanceType = input.InstanceType ?? DEFAULT_INSTANCE_TYPE;
  const typeArchitecture = architectureOf(instanceType);
  if (typeArchitecture !== image.architecture) {
    throw invalidParameterValue(
      `The architecture '${typeArchitecture}' of the specified instance type does not match the architecture '${image.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again.`,
    );
  }
  const zone = input.Placement?.AvailabilityZone === undefined ? zonesOf(ctx.region)[0]! : checkZone(ctx.region, input.Placement.AvailabilityZone);
  const userData = input.UserData ?? "";
  const decodedUserData = checkUserData(userData);
  const tags = tagsFromSpecifications(input.TagSpecifications, ["instance", "volume"]);
  const now = ctx.clock.now();

  return ctx.transaction(async (tx) => {
    const scope = { account: ctx.account, region: ctx.region };
    if (input.ClientToken) {
      const earlier = await reservationOfToken(tx, scope, input.ClientToken);
      if (earlier) return earlier;
    }
    const keyPair = input.KeyName === undefined ? undefined : await tx.ec2KeyPairs.get(scope, input.KeyName);
    if (input.KeyName !== undefined && !keyPair) throw keyPairNotFound(input.KeyName);
    const volumes = await launchVolumes(tx, scope, image, input.BlockDeviceMappings);
    dryRun(input);

    const reservationId = ec2Id(ID_PREFIX.reservation);
    const { vcpus, memoryMiB } = instanceTypeInfo(instanceType);
    const launched: { instance: Ec2InstanceRecord; volumes: VolumeRecord[] }[] = [];
    for (let index = 0; index < maxCount; index++) {
      const instanceId = ec2Id(ID_PREFIX.instance);
      const instance: Ec2InstanceRecord = {
        instanceId, reservationId, ownerId: ctx.account, imageId: image.imageId, instanceType, keyName: keyPair?.keyName,
        state: "pending", stateTransitionReason: "", launchTime: now, availabilityZone: zone,
        privateIpAddress: privateAddressIn(ctx.region, zone), publicIpAddress: publicAddress(), rootDeviceName: image.rootDeviceName, architecture: image.architecture,
        platform: image.platform, platformDetails: image.platformDetails, userData, tags: tags.get("instance") ?? [],
        clientToken: input.ClientToken ?? "", amiLaunchIndex: index, vpcId: defaultVpcId(ctx.account, ctx.region),
        subnetId: defaultSubnetId(ctx.account, zone), ebsOptimized: input.EbsOptimized ?? false,
      };
      await tx.ec2Instances.insert(scope, instance);
      const records = volumes.map((v): VolumeRecord => ({
        volumeId: ec2Id(ID_PREFIX.volume), size: v.size, snapshotId: v.snapshotId, availabilityZone: zone, state: "in-use",
        createTime: now, volumeType: v.volumeType, iops: v.iops, throughput: v.throughput, encrypted: v.encrypted,
        kmsKeyId: v.encrypted ? (v.kmsKeyId ?? defaultEbsKey(scope)) : undefined, multiAttachEnabled: false,
        tags: tags.get("volume") ?? [],
        attachment: { instanceId, device: v.device, state: "attached", attachTime: now, deleteOnTermination: v.deleteOnTermination },
      }));
      for (const r of records) await tx.ec2Volumes.insert(scope, r);
      const [root, ...data] = records;
      // Skiff's own values; the job builds the driver's spec from them when it runs (its SSH port open: GAPS.md).
      const job: Ec2RunJob = {
        instanceId, hostname: `ip-${instance.privateIpAddress.replace(/\./g, "-")}`, baseImage: image.baseImage, username: image.username,
        vcpus, memoryMiB, rootVolumeId: root!.volumeId, rootSizeGiB: volumes[0]!.size,
        dataVolumes: data.map((v) => ({ volumeId: v.volumeId, device: v.attachment!.device })), userData: decodedUserData, publicKey: keyPair?.publicKey,
        bootDisks: data.map((v) => ({ diskId: v.volumeId, sizeGiB: v.size, ...(v.snapshotId ? { from: { snapshotId: v.snapshotId, part: EBS_PART } } : {}) })),
      };
      await enqueue(tx, ctx, "ec2.instance.run", job, now);
      launched.push({ instance, volumes: records });
    }
    return { ReservationId: reservationId, OwnerId: ctx.account, Groups: [], Instances: launched.map((l) => toInstance(l.instance, l.volumes, ctx.region)) };
  });
};

function counts(minCount: number, maxCount: number) {
  if (!Number.isInteger(minCount) || minCount < 1) throw invalidParameterValue(`Value (${minCount}) for parameter minCount is invalid. Expected a positive integer.`);
  if (!Number.isInteger(maxCount) || maxCount < 1) throw invalidParameterValue(`Value (${maxCount}) for parameter maxCount is invalid. Expected a positive integer.`);
  if (maxCount < minCount) throw invalidParameterValue(`MaxCount (${maxCount}) must be greater than or equal to MinCount (${minCount}).`);
  if (minCount > MAX_PER_CALL) throw instanceLimitExceeded(minCount, MAX_PER_CALL);
  return { minCount, maxCount: Math.min(maxCount, MAX_PER_CALL) };
}

/** User data is base64 (the SDKs encode it), at most 16 KB once decoded; the driver gets the text. */
function checkUserData(userData: string): string {
  if (userData === "") return "";
  if (!/^[A-Za-z0-9+/\s]*={0,2}$/.test(userData)) throw invalidParameterValue("Invalid BASE64 encoding of user data.");
  const decoded = Buffer.from(userData, "base64");
  if (decoded.length > MAX_USER_DATA) throw invalidParameterValue(`User data is limited to ${MAX_USER_DATA} bytes; this one has ${decoded.length}.`);
  return decoded.toString("utf8");
}

/** RunInstances is idempotent per ClientToken: a retry gets the reservation the first call made. */
async function reservationOfToken(tx: Tx, scope: Scope, token: string): Promise<Reservation | undefined> {
  const instances: Ec2InstanceRecord[] = [];
  for await (const { record } of tx.ec2Instances.scan(scope, { where: { client_token: token } })) instances.push(record);
  if (instances.length === 0) return undefined;
  const all: VolumeRecord[] = [];
  for (const i of instances) for await (const { record } of tx.ec2Volumes.scan(scope, { where: { instance_id: i.instanceId } })) all.push(record);
  return { ReservationId: instances[0]!.reservationId, OwnerId: scope.account, Groups: [], Instances: instances.map((i) => toInstance(i, all, scope.region)) };
}
