import { run, runScript } from "../../../host/exec.js";
import type { PortRule } from "../../driver.js";

/**
 * The Skiff bridge: the host is its first address; instances are veths on it with no default
 * route, so nothing they send can leave it. Public addresses are loopback addresses where
 * nftables forwards only the open ports to the private address (DNAT in the output hook, which
 * needs route_localnet on the bridge, and masquerade so replies come back).
 */
const BRIDGE_UP = `
BRIDGE=$1; HOST_IP=$2; PREFIX=$3
ip link show "$BRIDGE" > /dev/null 2>&1 || ip link add "$BRIDGE" type bridge
ip addr replace "$HOST_IP/$PREFIX" dev "$BRIDGE"
ip link set "$BRIDGE" up
sysctl -qw "net.ipv4.conf.$BRIDGE.route_localnet=1"
if [ -e "/proc/sys/net/ipv6/conf/$BRIDGE/disable_ipv6" ]; then sysctl -qw "net.ipv6.conf.$BRIDGE.disable_ipv6=1"; fi
`;

export async function bridgeUp(bridge: string, hostIp: string, prefix: number): Promise<void> {
  await runScript(BRIDGE_UP, [bridge, hostIp, String(prefix)], { name: "bridge-up" });
}

/** Removes the bridge, the nftables table and the (empty) parent cgroups of a driver's tag. */
export async function bridgeDown(bridge: string, table: string, controllers: readonly string[]): Promise<void> {
  await runScript(
    `ip link del "$1" 2>/dev/null || true
nft delete table ip "$2" 2>/dev/null || true
for c in $3; do rmdir "/sys/fs/cgroup/$c/$2" 2>/dev/null || true; done`,
    [bridge, table, controllers.join(" ")],
    { name: "bridge-down" },
  );
}

export interface Forward {
  publicIp: string;
  privateIp: string;
  rules: PortRule[];
}

function portMatch(rule: PortRule): string[] {
  const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
  if (rule.protocol === "tcp" || rule.protocol === "udp") return [`${rule.protocol} dport ${ports}`];
  if (rule.protocol === "all") return [`tcp dport ${ports}`, `udp dport ${ports}`];
  return []; // ICMP to a loopback address is answered by the host itself: not forwarded
}

const sources = (cidrs: string[]) =>
  cidrs.includes("0.0.0.0/0") ? [""] : cidrs.map((c) => `ip saddr ${c} `);

/**
 * The whole nftables table of a driver, rebuilt atomically on every change: the bridge may only
 * talk to itself (no forwarding off it, nothing to the host but replies), and each public
 * address forwards exactly its open ports from the allowed sources.
 */
export function firewallRuleset(table: string, bridge: string, forwards: Forward[]): string {
  const dnat: string[] = [];
  for (const f of forwards) {
    for (const rule of f.rules) {
      for (const from of sources(rule.cidrs)) {
        for (const port of portMatch(rule)) dnat.push(`    ip daddr ${f.publicIp} ${from}${port} dnat to ${f.privateIp}`);
      }
    }
  }
  return `table ip ${table} {}
delete table ip ${table}
table ip ${table} {
  chain output {
    type nat hook output priority -100; policy accept;
${dnat.join("\n")}
  }
  chain postrouting {
    type nat hook postrouting priority 100; policy accept;
    oifname "${bridge}" ip saddr 127.0.0.0/8 masquerade
  }
  chain input {
    type filter hook input priority 0; policy accept;
    iifname "${bridge}" ct state established,related accept
    iifname "${bridge}" drop
  }
  chain forward {
    type filter hook forward priority 0; policy accept;
    iifname "${bridge}" oifname "${bridge}" accept
    iifname "${bridge}" drop
    oifname "${bridge}" drop
  }
}
`;
}

export async function applyFirewall(table: string, bridge: string, forwards: Forward[]): Promise<void> {
  await run("nft", ["-f", "-"], { input: firewallRuleset(table, bridge, forwards) });
}
