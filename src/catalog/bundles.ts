import type { AppCategory } from "@aws-sdk/client-lightsail";
import type { Platform } from "./blueprints.js";

/** Lightsail bundles: instance plans. Generated from one row per size and the platform variants. */
export interface BundleInfo {
  bundleId: string;
  name: string;
  price: number;
  cpuCount: number;
  ramSizeInGb: number;
  diskSizeInGb: number;
  transferPerMonthInGb: number;
  power: number;
  instanceType: string;
  isActive: boolean;
  supportedPlatforms: Platform[];
  publicIpv4AddressCount: number;
  /** Set only on Lightsail for Research bundles, which GetBundles lists only when asked by appCategory. */
  supportedAppCategories?: AppCategory[];
}

type Size = [word: string, name: string, cpu: number, ram: number, disk: number, transfer: number, power: number, linux: number, windows: number, ipv6: number];

const sizes3: Size[] = [
  ["nano", "Nano", 2, 0.5, 20, 1024, 298, 5, 9.5, 3.5],
  ["micro", "Micro", 2, 1, 40, 2048, 500, 7, 14, 5],
  ["small", "Small", 2, 2, 60, 3072, 1000, 12, 22, 10],
  ["medium", "Medium", 2, 4, 80, 4096, 2000, 24, 44, 20],
  ["large", "Large", 2, 8, 160, 5120, 3000, 44, 74, 40],
  ["xlarge", "Xlarge", 4, 16, 320, 6144, 4000, 84, 124, 80],
  ["2xlarge", "2Xlarge", 8, 32, 640, 7168, 5000, 164, 244, 160],
  ["4xlarge", "4Xlarge", 16, 64, 1280, 8192, 6000, 384, 480, 380],
];

// The 2_0 generation is retired (isActive false) but still creatable: Ansible's tests use nano_2_0.
const sizes2: Size[] = [
  ["nano", "Nano", 1, 0.5, 20, 1024, 300, 3.5, 8, 0],
  ["micro", "Micro", 1, 1, 40, 2048, 500, 5, 12, 0],
  ["small", "Small", 1, 2, 60, 3072, 1000, 10, 20, 0],
  ["medium", "Medium", 2, 4, 80, 4096, 2000, 20, 40, 0],
  ["large", "Large", 2, 8, 160, 5120, 3000, 40, 70, 0],
  ["xlarge", "Xlarge", 4, 16, 320, 6144, 4000, 80, 120, 0],
  ["2xlarge", "2Xlarge", 8, 32, 640, 7168, 5000, 160, 240, 0],
];

function bundle(s: Size, id: string, price: number, platform: Platform, ipv4: number, isActive: boolean): BundleInfo {
  const [word, name, cpuCount, ramSizeInGb, diskSizeInGb, transferPerMonthInGb, power] = s;
  return {
    bundleId: id, name, price, cpuCount, ramSizeInGb, diskSizeInGb, transferPerMonthInGb, power,
    instanceType: word, isActive, supportedPlatforms: [platform], publicIpv4AddressCount: ipv4,
  };
}

export const bundles: BundleInfo[] = [
  ...sizes3.flatMap((s) => [
    bundle(s, `${s[0]}_3_0`, s[7], "LINUX_UNIX", 1, true),
    bundle(s, `${s[0]}_win_3_0`, s[8], "WINDOWS", 1, true),
    bundle(s, `${s[0]}_ipv6_3_0`, s[9], "LINUX_UNIX", 0, true),
    bundle(s, `${s[0]}_win_ipv6_3_0`, s[8] - 1.5, "WINDOWS", 0, true),
  ]),
  ...sizes2.flatMap((s) => [
    bundle(s, `${s[0]}_2_0`, s[7], "LINUX_UNIX", 1, false),
    bundle(s, `${s[0]}_win_2_0`, s[8], "WINDOWS", 1, false),
  ]),
];

const byId = new Map(bundles.map((b) => [b.bundleId, b]));
export const findBundle = (id: string) => byId.get(id);
export const isIpv6Only = (b: BundleInfo) => b.publicIpv4AddressCount === 0;
