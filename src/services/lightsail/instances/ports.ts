import { isIPv4, isIPv6 } from "node:net";
import type { PortInfo } from "@aws-sdk/client-lightsail";
import type { PortRecord } from "../../../state/records.js";
import { invalidInput, missingParameter } from "../errors.js";

/** The only alias the service knows: the addresses of the Lightsail console's browser SSH/RDP client. */
export const CIDR_LIST_ALIASES = ["lightsail-connect"];

const ANYWHERE_V4 = "0.0.0.0/0";
const ANYWHERE_V6 = "::/0";

/**
 * TCP, UDP and `all` take ports 0–65535 with fromPort ≤ toPort. For ICMP and ICMPv6 the two
 * numbers are the message type and code (-1 for any), so they are not a range: ping is 8 / -1.
 */
function checkPorts(from: number, to: number, protocol: string, where: string) {
  const icmp = protocol === "icmp" || protocol === "icmpv6";
  const [min, max] = icmp ? [-1, 255] : [0, 65535];
  for (const [name, value] of [["fromPort", from], ["toPort", to]] as const) {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalidInput(`The ${where}.${name} value ${value} is not valid for protocol ${protocol}; use an integer from ${min} to ${max}.`);
    }
  }
  if (!icmp && from > to) {
    throw invalidInput(`The ${where}.fromPort ${from} is greater than its toPort ${to}.`);
  }
}

const prefixOk = (prefix: string | undefined, max: number) =>
  prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max);

export function isIpv4Cidr(text: string) {
  const [address, prefix, extra] = text.split("/");
  return extra === undefined && isIPv4(address!) && prefixOk(prefix, 32);
}

export function isIpv6Cidr(text: string) {
  const [address, prefix, extra] = text.split("/");
  return extra === undefined && isIPv6(address!) && prefixOk(prefix, 128);
}

function checkList(values: string[], ok: (v: string) => boolean, where: string, what: string) {
  for (const v of values) {
    if (!ok(v)) throw invalidInput(`The ${where} value '${v}' is not ${what}.`);
  }
}

/**
 * Validates one PortInfo and turns it into a firewall rule. With no sources at all the rule is
 * open to everyone: 0.0.0.0/0, plus ::/0 when the instance has IPv6.
 */
export function portRule(info: PortInfo, ipAddressType: string, where: string): PortRecord {
  if (info.protocol === undefined) throw missingParameter(`${where}.protocol`);
  if (info.fromPort === undefined) throw missingParameter(`${where}.fromPort`);
  if (info.toPort === undefined) throw missingParameter(`${where}.toPort`);
  checkPorts(info.fromPort, info.toPort, info.protocol, where);
  const cidrs = info.cidrs ?? [];
  const ipv6Cidrs = info.ipv6Cidrs ?? [];
  const cidrListAliases = info.cidrListAliases ?? [];
  checkList(cidrs, isIpv4Cidr, `${where}.cidrs`, "an IPv4 address or CIDR block such as 192.0.2.0/24");
  checkList(ipv6Cidrs, isIpv6Cidr, `${where}.ipv6Cidrs`, "an IPv6 address or CIDR block such as 2001:db8::/32");
  checkList(cidrListAliases, (a) => CIDR_LIST_ALIASES.includes(a), `${where}.cidrListAliases`, `a known alias (${CIDR_LIST_ALIASES.join(", ")})`);
  const noSources = cidrs.length + ipv6Cidrs.length + cidrListAliases.length === 0;
  return {
    fromPort: info.fromPort,
    toPort: info.toPort,
    protocol: info.protocol,
    cidrs: noSources ? [ANYWHERE_V4] : unique(cidrs),
    ipv6Cidrs: noSources ? (ipAddressType === "ipv4" ? [] : [ANYWHERE_V6]) : unique(ipv6Cidrs),
    cidrListAliases: unique(cidrListAliases),
  };
}

const unique = (values: string[]) => [...new Set(values)];

export const sameRange = (a: PortRecord, b: PortRecord) => a.fromPort === b.fromPort && a.toPort === b.toPort && a.protocol === b.protocol;

/** Adds a rule; a rule for the same ports and protocol is replaced in place rather than duplicated. */
export function openRule(ports: PortRecord[], rule: PortRecord): PortRecord[] {
  return ports.some((p) => sameRange(p, rule)) ? ports.map((p) => (sameRange(p, rule) ? rule : p)) : [...ports, rule];
}

/**
 * Closes a rule. When the request names sources, only those are taken off the rule (and the rule
 * goes once it has none left); without sources the whole rule goes. Closing what is not open is a no-op.
 */
export function closeRule(ports: PortRecord[], info: PortInfo, rule: PortRecord): PortRecord[] {
  const namesSources = (info.cidrs?.length ?? 0) + (info.ipv6Cidrs?.length ?? 0) + (info.cidrListAliases?.length ?? 0) > 0;
  return ports.flatMap((p) => {
    if (!sameRange(p, rule)) return [p];
    if (!namesSources) return [];
    const left: PortRecord = {
      ...p,
      cidrs: p.cidrs.filter((c) => !rule.cidrs.includes(c)),
      ipv6Cidrs: p.ipv6Cidrs.filter((c) => !rule.ipv6Cidrs.includes(c)),
      cidrListAliases: p.cidrListAliases.filter((c) => !rule.cidrListAliases.includes(c)),
    };
    return left.cidrs.length + left.ipv6Cidrs.length + left.cidrListAliases.length === 0 ? [] : [left];
  });
}

/**
 * operationDetails of port operations: `22/tcp` as the real service shows; `8000-8100/tcp` for a
 * range (Skiff's choice); the ICMP type alone for ICMP (`8/icmp`).
 */
export function portDetails(p: PortRecord): string {
  const range = p.fromPort === p.toPort || p.protocol.startsWith("icmp") ? `${p.fromPort}` : `${p.fromPort}-${p.toPort}`;
  return `${range}/${p.protocol}`;
}
