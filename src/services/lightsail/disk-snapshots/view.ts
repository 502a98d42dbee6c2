import type { DiskSnapshot } from "@aws-sdk/client-lightsail";
import type { DiskSnapshotRecord } from "../../../state/records.js";
import { regionalLocation, resourceHeader } from "../resources.js";

const PROGRESS: Record<DiskSnapshotRecord["state"], string> = { pending: "0%", completed: "100%", error: "0%" };

/** The DiskSnapshot shape: of a block disk (fromDisk*) or of an instance's system disk (fromInstance*). */
export function toDiskSnapshot(r: DiskSnapshotRecord, region: string): DiskSnapshot {
  return {
    ...resourceHeader(r, regionalLocation(region), "DiskSnapshot"),
    sizeInGb: r.sizeInGb,
    state: r.state,
    progress: PROGRESS[r.state],
    fromDiskName: r.fromDiskName,
    fromDiskArn: r.fromDiskArn,
    fromInstanceName: r.fromInstanceName,
    fromInstanceArn: r.fromInstanceArn,
    isFromAutoSnapshot: r.isFromAutoSnapshot,
  };
}
