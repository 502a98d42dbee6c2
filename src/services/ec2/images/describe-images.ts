import type { DescribeImagesRequest, DescribeImagesResult, Image } from "@aws-sdk/client-ec2";
import type { Positioned } from "../../../state/store.js";
import type { Handler } from "../../context.js";
import { imagesNotFound, invalidValue } from "../errors.js";
import { filterPredicate, type FilterFields } from "../filters.js";
import { checkIds, unique } from "../ids.js";
import { collectPage, pageLimit, pageStart } from "../paging.js";
import { dryRun } from "../request.js";
import { imagesOf, type ImageInfo } from "./catalog.js";

const imageFilters: FilterFields<ImageInfo> = {
  fields: {
    "image-id": (i) => i.imageId,
    name: (i) => i.name,
    description: (i) => i.description,
    architecture: (i) => i.architecture,
    "owner-id": (i) => i.ownerId,
    "owner-alias": (i) => i.ownerAlias,
    platform: (i) => i.platform,
    "platform-details": (i) => i.platformDetails,
    "usage-operation": (i) => i.usageOperation,
    "root-device-name": (i) => i.rootDeviceName,
    "root-device-type": () => "ebs",
    "image-type": () => "machine",
    "is-public": () => true,
    state: () => "available",
    "virtualization-type": () => "hvm",
    hypervisor: () => "xen",
    "ena-support": () => true,
    "creation-date": (i) => i.creationDate,
    "block-device-mapping.device-name": (i) => i.rootDeviceName,
    "block-device-mapping.snapshot-id": (i) => i.rootSnapshotId,
    "block-device-mapping.volume-size": (i) => i.rootSizeGiB,
    "block-device-mapping.volume-type": (i) => i.volumeType,
    "block-device-mapping.encrypted": () => false,
  },
};

export function toImage(i: ImageInfo): Image {
  return {
    ImageId: i.imageId,
    ImageLocation: `${i.ownerAlias ?? i.ownerId}/${i.name}`,
    State: "available",
    OwnerId: i.ownerId,
    ImageOwnerAlias: i.ownerAlias,
    CreationDate: i.creationDate,
    DeprecationTime: i.deprecationTime,
    Public: true,
    Architecture: i.architecture,
    ImageType: "machine",
    Name: i.name,
    Description: i.description,
    Platform: i.platform as Image["Platform"],
    PlatformDetails: i.platformDetails,
    UsageOperation: i.usageOperation,
    RootDeviceType: "ebs",
    RootDeviceName: i.rootDeviceName,
    BlockDeviceMappings: [{
      DeviceName: i.rootDeviceName,
      Ebs: { DeleteOnTermination: true, SnapshotId: i.rootSnapshotId, VolumeSize: i.rootSizeGiB, VolumeType: i.volumeType, Encrypted: false },
    }],
    VirtualizationType: "hvm",
    Hypervisor: "xen",
    EnaSupport: true,
    SriovNetSupport: "simple",
    BootMode: i.bootMode,
  };
}

/**
 * Skiff's catalog of public AMIs. Owners narrows by owner (`amazon`, account ids; `self` owns
 * none), deprecated AMIs show only with IncludeDeprecated or by id, as in EC2.
 */
export const describeImages: Handler<DescribeImagesRequest, DescribeImagesResult> = async (ctx, input) => {
  const ids = unique(checkIds("image", input.ImageIds));
  const catalog = imagesOf(ctx.region);
  const missing = ids.filter((id) => !catalog.some((i) => i.imageId === id));
  if (missing.length > 0) throw imagesNotFound(missing);
  const owners = (input.Owners ?? []).map((o, n) => {
    if (o === "self") return ctx.account;
    if (o === "amazon" || o === "aws-marketplace" || /^\d{12}$/.test(o)) return o;
    throw invalidValue(`Owner.${n + 1}`, o, "self, amazon, aws-marketplace or a 12-digit account id");
  });
  const matches = filterPredicate(input.Filters, imageFilters);
  const limit = pageLimit(input.MaxResults);
  const after = pageStart(input.NextToken);
  dryRun(input);
  const now = ctx.clock.now();
  const keep = (i: ImageInfo) =>
    (ids.length === 0 || ids.includes(i.imageId)) &&
    (owners.length === 0 || owners.includes(i.ownerId) || (i.ownerAlias !== undefined && owners.includes(i.ownerAlias))) &&
    (ids.length > 0 || input.IncludeDeprecated === true || Date.parse(i.deprecationTime) > now) &&
    matches(i);
  async function* positioned(): AsyncIterable<Positioned<ImageInfo>> {
    for (const [n, image] of catalog.entries()) if (n + 1 > after) yield { seq: n + 1, record: image };
  }
  const { items, nextToken } = await collectPage(positioned(), keep, limit);
  return { Images: items.map(toImage), NextToken: nextToken };
};
