import { createHash } from "node:crypto";

/** A public AMI of Skiff's small catalog. Ids are derived from the region, so each region has its own, as in EC2. */
export interface ImageInfo {
  imageId: string;
  /** The public snapshot behind the root device; owned by the AMI's owner, not the caller. */
  rootSnapshotId: string;
  name: string;
  description: string;
  ownerId: string;
  ownerAlias?: string;
  architecture: "x86_64" | "arm64";
  platform?: "windows";
  platformDetails: string;
  usageOperation: string;
  rootDeviceName: string;
  rootSizeGiB: number;
  volumeType: "gp2" | "gp3";
  creationDate: string;
  deprecationTime: string;
  bootMode: "uefi" | "legacy-bios" | "uefi-preferred";
  /** What the compute driver boots: the Lightsail blueprint with the same system. */
  baseImage: string;
  username: string;
}

type Row = Omit<ImageInfo, "imageId" | "rootSnapshotId"> & { key: string };

const AMAZON = "137112412989";
const CANONICAL = "099720109477";
const DEBIAN = "136693071363";
const MICROSOFT = "801119661308";

const linux = { platformDetails: "Linux/UNIX", usageOperation: "RunInstances" };

const rows: Row[] = [
  { key: "al2023-x86", name: "al2023-ami-2023.6.20250317.2-kernel-6.1-x86_64", description: "Amazon Linux 2023 AMI 2023.6.20250317.2 x86_64 HVM kernel-6.1", ownerId: AMAZON, ownerAlias: "amazon", architecture: "x86_64", ...linux, rootDeviceName: "/dev/xvda", rootSizeGiB: 8, volumeType: "gp3", creationDate: "2025-03-18T21:10:12.000Z", deprecationTime: "2027-03-18T21:10:00.000Z", bootMode: "uefi-preferred", baseImage: "amazon_linux_2023", username: "ec2-user" },
  { key: "al2023-arm", name: "al2023-ami-2023.6.20250317.2-kernel-6.1-arm64", description: "Amazon Linux 2023 AMI 2023.6.20250317.2 arm64 HVM kernel-6.1", ownerId: AMAZON, ownerAlias: "amazon", architecture: "arm64", ...linux, rootDeviceName: "/dev/xvda", rootSizeGiB: 8, volumeType: "gp3", creationDate: "2025-03-18T21:10:40.000Z", deprecationTime: "2027-03-18T21:10:00.000Z", bootMode: "uefi", baseImage: "amazon_linux_2023", username: "ec2-user" },
  { key: "al2-x86", name: "amzn2-ami-kernel-5.10-hvm-2.0.20250305.0-x86_64-gp2", description: "Amazon Linux 2 Kernel 5.10 AMI 2.0.20250305.0 x86_64 HVM gp2", ownerId: AMAZON, ownerAlias: "amazon", architecture: "x86_64", ...linux, rootDeviceName: "/dev/xvda", rootSizeGiB: 8, volumeType: "gp2", creationDate: "2025-03-06T01:02:33.000Z", deprecationTime: "2026-06-30T00:00:00.000Z", bootMode: "legacy-bios", baseImage: "amazon_linux_2", username: "ec2-user" },
  { key: "ubuntu-2404-x86", name: "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250305", description: "Canonical, Ubuntu, 24.04, amd64 noble image", ownerId: CANONICAL, architecture: "x86_64", ...linux, rootDeviceName: "/dev/sda1", rootSizeGiB: 8, volumeType: "gp3", creationDate: "2025-03-05T07:42:18.000Z", deprecationTime: "2027-03-05T07:42:18.000Z", bootMode: "uefi-preferred", baseImage: "ubuntu_24_04", username: "ubuntu" },
  { key: "ubuntu-2204-x86", name: "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250305", description: "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2025-03-05", ownerId: CANONICAL, architecture: "x86_64", ...linux, rootDeviceName: "/dev/sda1", rootSizeGiB: 8, volumeType: "gp2", creationDate: "2025-03-05T06:15:02.000Z", deprecationTime: "2027-03-05T06:15:02.000Z", bootMode: "legacy-bios", baseImage: "ubuntu_22_04", username: "ubuntu" },
  { key: "debian-12-x86", name: "debian-12-amd64-20250316-2053", description: "Debian 12 (20250316-2053)", ownerId: DEBIAN, architecture: "x86_64", ...linux, rootDeviceName: "/dev/xvda", rootSizeGiB: 8, volumeType: "gp2", creationDate: "2025-03-16T21:24:55.000Z", deprecationTime: "2027-03-16T21:24:55.000Z", bootMode: "uefi-preferred", baseImage: "debian_12", username: "admin" },
  { key: "windows-2022-x86", name: "Windows_Server-2022-English-Full-Base-2025.03.12", description: "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon", ownerId: MICROSOFT, ownerAlias: "amazon", architecture: "x86_64", platform: "windows", platformDetails: "Windows", usageOperation: "RunInstances:0002", rootDeviceName: "/dev/sda1", rootSizeGiB: 30, volumeType: "gp2", creationDate: "2025-03-12T18:51:34.000Z", deprecationTime: "2027-03-12T18:51:34.000Z", bootMode: "uefi", baseImage: "windows_server_2022", username: "Administrator" },
];

const hex17 = (seed: string) => `0${createHash("sha256").update(seed).digest("hex").slice(0, 16)}`;

/** The public AMIs of a region. */
export function imagesOf(region: string): ImageInfo[] {
  return rows.map(({ key, ...row }) => ({ ...row, imageId: `ami-${hex17(`${region}/${key}`)}`, rootSnapshotId: `snap-${hex17(`${region}/${key}/root`)}` }));
}

export const findImage = (region: string, imageId: string) => imagesOf(region).find((i) => i.imageId === imageId);
