import { createHash, randomInt } from "node:crypto";
import { availabilityZones } from "../../../catalog/regions.js";
import { invalidZone } from "../errors.js";

/** EC2 and Lightsail share a region's Availability Zones. */
export const zonesOf = (region: string) => availabilityZones(region);

export function checkZone(region: string, zone: string) {
  if (!zonesOf(region).includes(zone)) throw invalidZone(zone);
  return zone;
}

const hex17 = (seed: string) => `0${createHash("sha256").update(seed).digest("hex").slice(0, 16)}`;

/** The default VPC of an account's region and its subnet per zone: stable ids, 172.31.0.0/16 as in EC2. */
export const defaultVpcId = (account: string, region: string) => `vpc-${hex17(`${account}/${region}/vpc`)}`;
export const defaultSubnetId = (account: string, zone: string) => `subnet-${hex17(`${account}/${zone}/subnet`)}`;

export const zoneId = (region: string, zone: string) => {
  const abbreviation = region.split("-").map((part, i) => (i === 0 ? part : /^\d+$/.test(part) ? part : part[0])).join("");
  return `${abbreviation.replace(/-/g, "")}-az${zonesOf(region).indexOf(zone) + 1}`;
};

/** A private address of the zone's default subnet (172.31.16·n.0/20), and a public one from the documentation ranges. */
export const privateAddressIn = (region: string, zone: string) =>
  `172.31.${Math.max(0, zonesOf(region).indexOf(zone)) * 16 + randomInt(0, 16)}.${randomInt(4, 255)}`;
export const publicAddress = () => `${randomInt(0, 2) === 0 ? "198.51.100" : "203.0.113"}.${randomInt(1, 255)}`;
