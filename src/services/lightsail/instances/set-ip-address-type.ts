import type { IpAddressType, SetIpAddressTypeRequest, SetIpAddressTypeResult } from "@aws-sdk/client-lightsail";
import type { InstanceRecord, PortRecord } from "../../../state/records.js";
import type { Handler } from "../../context.js";
import { invalidInput, notFound } from "../errors.js";
import { ipv6Address, publicAddress } from "./addresses.js";
import { ipFamilySwitch } from "./bundle-switch.js";
import { findInstance, instanceOperation, requireState } from "./lookup.js";

/** Resource types the real API accepts; Skiff has no load balancers or distributions, so those are never found. */
const ELSEWHERE = ["LoadBalancer", "Distribution"];

/**
 * Changes an instance's IP address type. To or from `ipv6` the bundle changes to its IPv6-only (or
 * dual-stack) sibling, which the caller must accept with `acceptBundleUpdate` (aws-facts §2.14).
 * Addresses follow the type: `ipv4` has no IPv6 address, `ipv6` no public IPv4 address. The answer
 * is one operation that has already Succeeded.
 */
export const setIpAddressType: Handler<SetIpAddressTypeRequest, SetIpAddressTypeResult> = async (ctx, input) => {
  const resourceType = input.resourceType!;
  const resourceName = input.resourceName!;
  const ipAddressType = input.ipAddressType!;
  if (ELSEWHERE.includes(resourceType)) throw notFound(resourceType, resourceName);
  if (resourceType !== "Instance") {
    throw invalidInput(`The resource type ${resourceType} has no IP address type; use Instance, LoadBalancer or Distribution.`);
  }
  const operation = await ctx.transaction(async (tx) => {
    const record = await findInstance(tx, ctx, resourceName);
    requireState(record, ["running", "stopped"], "SetIpAddressType");
    const bundle = ipFamilySwitch(record.bundleId, ipAddressType === "ipv6");
    if (bundle.bundleId !== record.bundleId && input.acceptBundleUpdate !== true) {
      throw invalidInput(
        `Changing the IP address type of ${resourceName} from ${record.ipAddressType} to ${ipAddressType} changes its bundle from ${record.bundleId} to ${bundle.bundleId}; set acceptBundleUpdate to true to accept that.`,
      );
    }
    await tx.instances.update(ctx, { ...withAddresses(record, ipAddressType), bundleId: bundle.bundleId });
    return instanceOperation(tx, ctx, ctx.clock.now(), record, "SetIpAddressType", { operationDetails: ipAddressType, done: true });
  });
  return { operations: [operation] };
};

/** The instance's addresses and firewall rules for another IP address type; kept addresses stay. */
function withAddresses(r: InstanceRecord, type: IpAddressType): InstanceRecord {
  const hasIpv4 = type !== "ipv6";
  const hasIpv6 = type !== "ipv4";
  const hadIpv6 = r.ipAddressType !== "ipv4";
  return {
    ...r,
    ipAddressType: type,
    publicIpAddress: hasIpv4 ? (r.publicIpAddress ?? publicAddress()) : undefined,
    ipv6Addresses: hasIpv6 ? (r.ipv6Addresses.length > 0 ? r.ipv6Addresses : [ipv6Address()]) : [],
    ports: hasIpv6 === hadIpv6 ? r.ports : r.ports.flatMap((p) => (hasIpv6 ? [openToIpv6(p)] : withoutIpv6(p))),
  };
}

/** Losing IPv6 takes the IPv6 sources off every rule (and the rules that had no others). */
function withoutIpv6(p: PortRecord): PortRecord[] {
  const rule = { ...p, ipv6Cidrs: [] };
  return rule.cidrs.length + rule.cidrListAliases.length === 0 ? [] : [rule];
}

/** Gaining IPv6 opens all of IPv6 where all of IPv4 is open, as on a new dual-stack instance. */
const openToIpv6 = (p: PortRecord): PortRecord =>
  p.cidrs.includes("0.0.0.0/0") && !p.ipv6Cidrs.includes("::/0") ? { ...p, ipv6Cidrs: [...p.ipv6Cidrs, "::/0"] } : p;
