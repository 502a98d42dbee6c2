import { DriverError } from "../driver.js";

/** Everything the linux driver can be told; tests use their own tag and ranges to stay apart. */
export interface LinuxDriverOptions {
  /** State, disks and images live under `<dataDir>/linux` and the disk store. */
  dataDir: string;
  /**
   * Names every host object of this driver: bridge `<tag>br`, veths `<tag><n>`, netns
   * `<tag>-<id>`, cgroups `<tag>/<id>`, nftables table `ip <tag>`. 1–6 lower-case letters/digits.
   */
  tag: string;
  /** The Skiff bridge network: the host is its first address, instances follow. */
  privateCidr: string;
  /** Public addresses: the same host part as the private one, in this loopback range. */
  publicCidr: string;
  /** How long a stop waits after SIGTERM before it kills (a forced stop does not wait). */
  stopGraceMs: number;
  /** How long a boot may take until the instance's init says it is ready. */
  bootTimeoutMs: number;
}

export const linuxDefaults: Omit<LinuxDriverOptions, "dataDir"> = {
  tag: "skiff",
  privateCidr: "172.26.0.0/16",
  publicCidr: "127.26.0.0/16",
  stopGraceMs: 10_000,
  bootTimeoutMs: 30_000,
};

export interface Cidr {
  base: number;
  prefix: number;
  size: number;
}

const ipToInt = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
export const intToIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

export function parseCidr(text: string, what: string): Cidr {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m || m.slice(1, 5).some((p) => Number(p) > 255) || Number(m[5]) < 8 || Number(m[5]) > 29) {
    throw new DriverError(`${what} must be an IPv4 CIDR with a prefix from /8 to /29, not '${text}'`);
  }
  const prefix = Number(m[5]);
  const size = 2 ** (32 - prefix);
  return { base: ipToInt(text.split("/")[0]!) - (ipToInt(text.split("/")[0]!) % size), prefix, size };
}

/** The `index`-th address of a network (1 is the host's, 2… the instances'). */
export const cidrHost = (cidr: Cidr, index: number) => intToIp(cidr.base + index);

export function checkOptions(o: LinuxDriverOptions): { privateNet: Cidr; publicNet: Cidr } {
  if (!/^[a-z][a-z0-9]{0,5}$/.test(o.tag)) throw new DriverError(`the linux driver tag must be 1-6 lower-case letters or digits, not '${o.tag}'`);
  const privateNet = parseCidr(o.privateCidr, "the private network");
  const publicNet = parseCidr(o.publicCidr, "the public network");
  if (Math.floor(publicNet.base / 2 ** 24) !== 127) throw new DriverError(`the public network must be in 127.0.0.0/8, not '${o.publicCidr}'`);
  return { privateNet, publicNet };
}
