import type { AddOn, Disk, Instance, InstancePortInfo, NetworkProtocol } from "@aws-sdk/client-lightsail";
import type { AddOnRecord, InstanceRecord, InstanceStateName, PortRecord } from "../../../state/records.js";
import { findBlueprint } from "../../../catalog/blueprints.js";
import { findBundle } from "../../../catalog/bundles.js";
import { resourceHeader, zonalLocation } from "../resources.js";

/** EC2's state codes, which Lightsail reports too. */
export const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0, running: 16, "shutting-down": 32, terminated: 48, stopping: 64, stopped: 80,
};

/** gp3-backed system disks of the 3_0 bundles report 3000 IOPS; older ones 3 IOPS per GB, at least 100. */
export const systemDiskIops = (sizeInGb: number, bundleId: string) => (bundleId.endsWith("_3_0") ? 3000 : Math.max(100, 3 * sizeInGb));

export function toAddOn(a: AddOnRecord): AddOn {
  return a.name === "AutoSnapshot"
    ? { name: a.name, status: a.status, snapshotTimeOfDay: a.snapshotTimeOfDay, nextSnapshotTimeOfDay: a.snapshotTimeOfDay }
    : { name: a.name, status: a.status, threshold: a.threshold, duration: a.duration };
}

const ANYWHERE = "0.0.0.0/0";

export function toPortInfo(p: PortRecord): InstancePortInfo {
  const open = p.cidrs.includes(ANYWHERE) || p.ipv6Cidrs.includes("::/0");
  return {
    fromPort: p.fromPort,
    toPort: p.toPort,
    protocol: p.protocol as NetworkProtocol,
    accessFrom: open ? "Anywhere (0.0.0.0/0)" : "Custom",
    accessType: "public" as InstancePortInfo["accessType"],
    commonName: "",
    accessDirection: "inbound",
    cidrs: p.cidrs,
    ipv6Cidrs: p.ipv6Cidrs,
    cidrListAliases: p.cidrListAliases,
  };
}

/** The Instance shape of GetInstance(s) (seed 004). `attachedDisks` come from the disks family. */
export function toInstance(r: InstanceRecord, region: string, attachedDisks: Disk[] = []): Instance {
  const bundle = findBundle(r.bundleId);
  const blueprint = findBlueprint(r.blueprintId);
  const diskSize = bundle?.diskSizeInGb ?? 20;
  const systemDisk: Disk = {
    createdAt: new Date(r.systemDiskCreatedAt),
    sizeInGb: diskSize,
    isSystemDisk: true,
    iops: systemDiskIops(diskSize, r.bundleId),
    path: "/dev/xvda",
    attachedTo: r.name,
    attachmentState: "attached",
  };
  return {
    ...resourceHeader(r, zonalLocation(region, r.availabilityZone), "Instance"),
    blueprintId: r.blueprintId,
    blueprintName: blueprint?.name ?? r.blueprintId,
    bundleId: r.bundleId,
    addOns: r.addOns.map(toAddOn),
    isStaticIp: false,
    privateIpAddress: r.privateIpAddress,
    publicIpAddress: r.publicIpAddress,
    ipv6Addresses: r.ipv6Addresses,
    ipAddressType: r.ipAddressType as Instance["ipAddressType"],
    hardware: {
      cpuCount: bundle?.cpuCount,
      disks: [systemDisk, ...attachedDisks],
      ramSizeInGb: bundle?.ramSizeInGb,
    },
    networking: {
      monthlyTransfer: { gbPerMonthAllocated: bundle?.transferPerMonthInGb },
      ports: r.ports.map(toPortInfo),
    },
    state: { code: STATE_CODES[r.state], name: r.state },
    username: blueprint?.username ?? "ec2-user",
    sshKeyName: r.sshKeyName,
    metadataOptions: r.metadataOptions as Instance["metadataOptions"],
  };
}
