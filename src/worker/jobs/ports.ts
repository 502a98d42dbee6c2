import type { PortRule } from "../../compute/driver.js";
import type { PortRecord } from "../../state/records.js";

const FORWARDED = new Set(["tcp", "udp", "all"]);

/**
 * Lightsail's firewall rules as the driver's public port rules: TCP, UDP and `all` with their IPv4
 * sources. ICMP rules (type and code, not ports), IPv6 sources and aliases have nothing to forward
 * on a loopback public address, so they are left out (GAPS.md).
 */
export function portRules(ports: PortRecord[]): PortRule[] {
  return ports
    .filter((p) => FORWARDED.has(p.protocol))
    .map((p) => ({ protocol: p.protocol as PortRule["protocol"], fromPort: p.fromPort, toPort: p.toPort, cidrs: [...p.cidrs] }));
}

