/** vCPUs and memory of an instance type, for the compute driver. */
export interface InstanceTypeInfo {
  vcpus: number;
  memoryMiB: number;
}

const known: Record<string, InstanceTypeInfo> = {
  "t2.nano": { vcpus: 1, memoryMiB: 512 },
  "t2.micro": { vcpus: 1, memoryMiB: 1024 },
  "t2.small": { vcpus: 1, memoryMiB: 2048 },
  "m1.small": { vcpus: 1, memoryMiB: 1740 },
  "t3.nano": { vcpus: 2, memoryMiB: 512 },
  "t3.micro": { vcpus: 2, memoryMiB: 1024 },
  "t3.small": { vcpus: 2, memoryMiB: 2048 },
  "t4g.nano": { vcpus: 2, memoryMiB: 512 },
  "t4g.micro": { vcpus: 2, memoryMiB: 1024 },
  "t4g.small": { vcpus: 2, memoryMiB: 2048 },
};

/** Sizes EC2 families share: `large` is 2 vCPUs and 8 GiB in the general-purpose families, `Nxlarge` N times `xlarge`. */
const bySize: Record<string, InstanceTypeInfo> = {
  nano: { vcpus: 2, memoryMiB: 512 },
  micro: { vcpus: 2, memoryMiB: 1024 },
  small: { vcpus: 2, memoryMiB: 2048 },
  medium: { vcpus: 2, memoryMiB: 4096 },
  large: { vcpus: 2, memoryMiB: 8192 },
  xlarge: { vcpus: 4, memoryMiB: 16384 },
};

/** EC2's default when RunInstances names no type. */
export const DEFAULT_INSTANCE_TYPE = "m1.small";

export function instanceTypeInfo(type: string): InstanceTypeInfo {
  const exact = known[type];
  if (exact) return exact;
  const size = type.split(".")[1] ?? "large";
  const multiple = /^(\d+)xlarge$/.exec(size);
  if (multiple) return { vcpus: 4 * Number(multiple[1]), memoryMiB: 16384 * Number(multiple[1]) };
  return bySize[size] ?? bySize.large!;
}

/** arm64 families are the Graviton ones, with a `g` after the generation digit (t4g, m7g, c6gn …). */
export const architectureOf = (type: string) => (/^[a-z]+\d+g/.test(type) ? "arm64" : "x86_64");
