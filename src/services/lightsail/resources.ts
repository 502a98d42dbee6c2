import type { ResourceLocation, ResourceType } from "@aws-sdk/client-lightsail";
import { uuid } from "../../core/ids.js";
import type { Scope } from "../../core/scope.js";

/** ARNs, support codes and locations of Lightsail resources (aws-facts §2.2–2.4). */
export const lightsailArn = ({ account, region }: Scope, type: ResourceType) => `arn:aws:lightsail:${region}:${account}:${type}/${uuid()}`;

/** The support code's prefix is Lightsail's own account number, not the caller's. */
const SERVICE_ACCOUNT = "621291663362";
export const supportCode = (backingId: string) => `${SERVICE_ACCOUNT}/${backingId}`;

export const zonalLocation = (region: string, availabilityZone: string): ResourceLocation => ({
  availabilityZone,
  regionName: region as ResourceLocation["regionName"],
});

/** Snapshots and key pairs live in the whole region. */
export const regionalLocation = (region: string) => zonalLocation(region, "all");

/** The members every Lightsail resource shape starts with, in the order the real service writes them. */
export const resourceHeader = <R extends { name: string; arn: string; supportCode: string; createdAt: number; tags: unknown }, T extends ResourceType>(
  r: R,
  location: ResourceLocation,
  resourceType: T,
) => ({ name: r.name, arn: r.arn, supportCode: r.supportCode, createdAt: new Date(r.createdAt), location, resourceType, tags: r.tags as R["tags"] });
