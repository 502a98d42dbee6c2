import type { Instance, InstanceState, InstanceStateName } from "@aws-sdk/client-ec2";
import type { Ec2InstanceRecord, VolumeRecord } from "../../../state/ec2-records.js";
import { instanceTypeInfo } from "./instance-types.js";
import { toSdkTags } from "../tags/tag-rules.js";

const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0, running: 16, "shutting-down": 32, terminated: 48, stopping: 64, stopped: 80,
};

export const toInstanceState = (name: InstanceStateName): InstanceState => ({ Code: STATE_CODES[name], Name: name });

const dnsSuffix = (region: string, scope: "internal" | "public") =>
  region === "us-east-1" ? (scope === "internal" ? "ec2.internal" : "compute-1.amazonaws.com") : `${region}.compute${scope === "internal" ? ".internal" : ".amazonaws.com"}`;

const dnsName = (ip: string | undefined, region: string, scope: "internal" | "public") =>
  ip ? `${scope === "internal" ? "ip" : "ec2"}-${ip.replace(/\./g, "-")}.${dnsSuffix(region, scope)}` : "";

/** DescribeInstances' Instance from its record and the volumes attached to it (root first). */
export function toInstance(r: Ec2InstanceRecord, volumes: VolumeRecord[], region: string): Instance {
  const live = r.state !== "terminated";
  const { vcpus } = instanceTypeInfo(r.instanceType);
  const mappings = volumes
    .filter((v) => v.attachment?.instanceId === r.instanceId)
    .sort((a, b) => Number(b.attachment!.device === r.rootDeviceName) - Number(a.attachment!.device === r.rootDeviceName) || a.attachment!.attachTime - b.attachment!.attachTime)
    .map((v) => ({
      DeviceName: v.attachment!.device,
      Ebs: { VolumeId: v.volumeId, Status: v.attachment!.state, AttachTime: new Date(v.attachment!.attachTime), DeleteOnTermination: v.attachment!.deleteOnTermination },
    }));
  return {
    InstanceId: r.instanceId,
    ImageId: r.imageId,
    State: toInstanceState(r.state),
    StateTransitionReason: r.stateTransitionReason,
    StateReason: r.stateReason ? { Code: r.stateReason.code, Message: r.stateReason.message } : undefined,
    PrivateDnsName: live ? dnsName(r.privateIpAddress, region, "internal") : "",
    PublicDnsName: dnsName(r.publicIpAddress, region, "public"),
    KeyName: r.keyName,
    AmiLaunchIndex: r.amiLaunchIndex,
    ProductCodes: [],
    InstanceType: r.instanceType as Instance["InstanceType"],
    LaunchTime: new Date(r.launchTime),
    Placement: { AvailabilityZone: r.availabilityZone, GroupName: "", Tenancy: "default" },
    Monitoring: { State: "disabled" },
    SubnetId: live ? r.subnetId : undefined,
    VpcId: live ? r.vpcId : undefined,
    PrivateIpAddress: live ? r.privateIpAddress : undefined,
    PublicIpAddress: r.publicIpAddress,
    Architecture: r.architecture as Instance["Architecture"],
    RootDeviceType: "ebs",
    RootDeviceName: r.rootDeviceName,
    BlockDeviceMappings: mappings,
    VirtualizationType: "hvm",
    ClientToken: r.clientToken,
    Tags: r.tags.length > 0 ? toSdkTags(r.tags) : undefined,
    SecurityGroups: live ? [{ GroupName: "default", GroupId: `sg-${r.vpcId.slice(4)}` }] : [],
    SourceDestCheck: true,
    Hypervisor: "xen",
    EbsOptimized: r.ebsOptimized,
    EnaSupport: true,
    Platform: r.platform as Instance["Platform"],
    PlatformDetails: r.platformDetails,
    UsageOperation: r.platform === "windows" ? "RunInstances:0002" : "RunInstances",
    UsageOperationUpdateTime: new Date(r.launchTime),
    CpuOptions: { CoreCount: Math.max(1, vcpus / 2), ThreadsPerCore: vcpus > 1 ? 2 : 1 },
    MetadataOptions: { State: "applied", HttpTokens: "required", HttpPutResponseHopLimit: 2, HttpEndpoint: "enabled", HttpProtocolIpv6: "disabled", InstanceMetadataTags: "disabled" },
  };
}
