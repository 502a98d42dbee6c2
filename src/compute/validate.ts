import { DriverError, SYSTEM_DEVICE, type InstanceSpec, type PortRule } from "./driver.js";

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const PROTOCOLS = new Set(["tcp", "udp", "all", "icmp", "icmpv6"]);

/** Checks every driver makes, so that drivers refuse the same mistakes (one contract suite). */

/** Port rules go into an nftables ruleset: every value is checked, nothing is passed through. */
export function checkPortRules(rules: PortRule[]): PortRule[] {
  return rules.map((r) => {
    if (!PROTOCOLS.has(r.protocol)) throw new DriverError(`unknown protocol '${r.protocol}'`);
    for (const port of [r.fromPort, r.toPort]) {
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DriverError(`port ${port} is not from 0 to 65535`);
    }
    if (r.fromPort > r.toPort) throw new DriverError(`port range ${r.fromPort}-${r.toPort} is backwards`);
    for (const c of r.cidrs) {
      const m = CIDR.exec(c);
      if (!m || m.slice(1, 5).some((p) => Number(p) > 255) || Number(m[5]) > 32) throw new DriverError(`'${c}' is not an IPv4 CIDR`);
    }
    return { protocol: r.protocol, fromPort: r.fromPort, toPort: r.toPort, cidrs: [...r.cidrs] };
  });
}

export function checkDevicePath(devicePath: string): string {
  if (!/^\/dev\/[a-z][a-z0-9]{1,15}$/.test(devicePath) || devicePath === SYSTEM_DEVICE) {
    throw new DriverError(`'${devicePath}' is not a device path a disk can be attached at (like /dev/xvdf)`);
  }
  return devicePath;
}

export function checkSpec(spec: InstanceSpec): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(spec.id)) throw new DriverError(`'${spec.id}' is not a valid instance id`);
  if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(spec.username)) throw new DriverError(`'${spec.username}' is not a valid user name`);
  if (!Number.isInteger(spec.memoryMiB) || spec.memoryMiB < 64) throw new DriverError(`memory of ${spec.memoryMiB} MiB is too small`);
  if (!(spec.cpuCount > 0)) throw new DriverError(`${spec.cpuCount} CPUs is not a CPU count`);
  if (spec.publicKey !== undefined && /[\r\n]/.test(spec.publicKey.trim())) throw new DriverError("the public key must be one line");
}
