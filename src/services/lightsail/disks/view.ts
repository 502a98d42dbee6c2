import type { Disk } from "@aws-sdk/client-lightsail";
import type { DiskRecord } from "../../../state/records.js";
import { toAddOn } from "../instances/view.js";
import { resourceHeader, zonalLocation } from "../resources.js";

/** Block storage disks are gp2-like: 3 IOPS per GB, at least 100 (an 8 GB disk reports 100), at most 16,000. */
export const diskIops = (sizeInGb: number) => Math.min(16_000, Math.max(100, 3 * sizeInGb));

/** The Disk shape of GetDisk(s), of an instance's `hardware.disks` and of a snapshot's `fromAttachedDisks`. */
export function toDisk(r: DiskRecord, region: string): Disk {
  return {
    ...resourceHeader(r, zonalLocation(region, r.availabilityZone), "Disk"),
    addOns: r.addOns.map(toAddOn),
    sizeInGb: r.sizeInGb,
    isSystemDisk: false,
    iops: diskIops(r.sizeInGb),
    path: r.path,
    state: r.state,
    attachedTo: r.attachedTo,
    isAttached: r.isAttached,
    attachmentState: r.attachmentState,
    autoMountStatus: !r.autoMounting ? undefined : r.attachmentState === "attached" ? "Mounted" : "Pending",
  };
}
