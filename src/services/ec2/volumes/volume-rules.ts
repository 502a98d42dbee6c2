import { invalidParameterCombination, invalidParameterValue, missingParameter } from "../errors.js";

type Range = [min: number, max: number];

/** Size, IOPS and throughput ranges per EBS volume type (CreateVolume model docs). */
const SIZES: Record<string, Range> = {
  gp2: [1, 16384], gp3: [1, 65536], io1: [4, 16384], io2: [4, 65536], st1: [125, 16384], sc1: [125, 16384], standard: [1, 1024],
};
const IOPS: Record<string, Range> = { gp3: [3000, 80000], io1: [100, 64000], io2: [100, 256000] };
const GP3_THROUGHPUT: Range = [125, 2000];

export const DEFAULT_VOLUME_TYPE = "gp2";

export interface VolumeSpec {
  volumeType: string;
  size: number;
  iops?: number;
  throughput?: number;
}

export interface VolumeSpecRequest {
  VolumeType?: string;
  Size?: number;
  Iops?: number;
  Throughput?: number;
}

/** gp2 has 3 IOPS per GiB, at least 100 and at most 16,000; gp3 has a baseline of 3,000. */
const defaultIops = (type: string, size: number) => (type === "gp2" ? Math.min(16000, Math.max(100, 3 * size)) : type === "gp3" ? 3000 : undefined);

/**
 * Checks a volume's type, size, IOPS and throughput and fills in EC2's defaults. `names` are the
 * wire names of the parameters, for messages (`size`, or `BlockDeviceMapping.1.Ebs.VolumeSize`).
 */
export function volumeSpec(req: VolumeSpecRequest, size: number, names = { size: "size", iops: "iops", throughput: "throughput" }): VolumeSpec {
  const type = req.VolumeType ?? DEFAULT_VOLUME_TYPE;
  const [min, max] = SIZES[type]!;
  if (!Number.isInteger(size) || size < min || size > max) {
    throw invalidParameterValue(`Volume size ${size} GiB (${names.size}) is not valid for a ${type} volume: use ${min} to ${max} GiB.`);
  }
  const iopsRange = IOPS[type];
  if (req.Iops !== undefined) {
    if (!iopsRange) throw invalidParameterCombination(`The parameter ${names.iops} is not supported for ${type} volumes.`);
    if (!Number.isInteger(req.Iops) || req.Iops < iopsRange[0] || req.Iops > iopsRange[1]) {
      throw invalidParameterValue(`Value (${req.Iops}) for parameter ${names.iops} is invalid. ${type} volumes take ${iopsRange[0]} to ${iopsRange[1]} IOPS.`);
    }
  } else if (type === "io1" || type === "io2") {
    throw missingParameter(names.iops);
  }
  if (req.Throughput !== undefined) {
    if (type !== "gp3") throw invalidParameterCombination(`The parameter ${names.throughput} is not supported for ${type} volumes.`);
    if (!Number.isInteger(req.Throughput) || req.Throughput < GP3_THROUGHPUT[0] || req.Throughput > GP3_THROUGHPUT[1]) {
      throw invalidParameterValue(`Value (${req.Throughput}) for parameter ${names.throughput} is invalid. gp3 volumes take ${GP3_THROUGHPUT[0]} to ${GP3_THROUGHPUT[1]} MiB/s.`);
    }
  }
  return {
    volumeType: type,
    size,
    iops: req.Iops ?? defaultIops(type, size),
    throughput: type === "gp3" ? (req.Throughput ?? GP3_THROUGHPUT[0]) : undefined,
  };
}

/** A volume made from a snapshot must be at least as large as the snapshot. */
export function checkSizeForSnapshot(size: number, snapshotId: string, snapshotSize: number, code: (message: string) => Error) {
  if (size < snapshotSize) throw code(`Volume of size ${size}GB is smaller than snapshot '${snapshotId}', expect size >= ${snapshotSize}GB`);
}
