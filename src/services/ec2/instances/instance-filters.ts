import type { Ec2InstanceRecord, VolumeRecord } from "../../../state/ec2-records.js";
import type { FilterFields } from "../filters.js";
import { toInstanceState } from "./view.js";

/** An instance with the volumes attached to it: what DescribeInstances filters look at. */
export interface InstanceWithVolumes {
  instance: Ec2InstanceRecord;
  volumes: VolumeRecord[];
}

const mapped = (x: InstanceWithVolumes) => x.volumes.filter((v) => v.attachment);

/** DescribeInstances filter names (EC2 model docs) that Skiff's instances have values for. */
export const instanceFilters: FilterFields<InstanceWithVolumes> = {
  tags: (x) => x.instance.tags,
  indexed: { "instance-id": "key", "tag:": "tags", "instance-state-name": "state" },
  fields: {
    "instance-id": (x) => x.instance.instanceId,
    "instance-state-name": (x) => x.instance.state,
    "instance-state-code": (x) => toInstanceState(x.instance.state).Code,
    "instance-type": (x) => x.instance.instanceType,
    "image-id": (x) => x.instance.imageId,
    "key-name": (x) => x.instance.keyName,
    "availability-zone": (x) => x.instance.availabilityZone,
    "reservation-id": (x) => x.instance.reservationId,
    "owner-id": (x) => x.instance.ownerId,
    "root-device-name": (x) => x.instance.rootDeviceName,
    "root-device-type": () => "ebs",
    "private-ip-address": (x) => x.instance.privateIpAddress,
    "ip-address": (x) => x.instance.publicIpAddress,
    "vpc-id": (x) => x.instance.vpcId,
    "subnet-id": (x) => x.instance.subnetId,
    architecture: (x) => x.instance.architecture,
    platform: (x) => x.instance.platform,
    "launch-time": (x) => new Date(x.instance.launchTime).toISOString(),
    "client-token": (x) => x.instance.clientToken,
    "ami-launch-index": (x) => x.instance.amiLaunchIndex,
    "virtualization-type": () => "hvm",
    hypervisor: () => "xen",
    "tenancy": () => "default",
    "block-device-mapping.volume-id": (x) => mapped(x).map((v) => v.volumeId),
    "block-device-mapping.device-name": (x) => mapped(x).map((v) => v.attachment!.device),
    "block-device-mapping.status": (x) => mapped(x).map((v) => v.attachment!.state),
    "block-device-mapping.delete-on-termination": (x) => mapped(x).map((v) => v.attachment!.deleteOnTermination),
    "block-device-mapping.attach-time": (x) => mapped(x).map((v) => new Date(v.attachment!.attachTime).toISOString()),
  },
};
