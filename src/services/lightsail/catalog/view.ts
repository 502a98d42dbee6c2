import type { Blueprint, Bundle, Region, RegionName } from "@aws-sdk/client-lightsail";
import type { BlueprintInfo } from "../../../catalog/blueprints.js";
import type { BundleInfo } from "../../../catalog/bundles.js";
import { availabilityZones, type RegionInfo } from "../../../catalog/regions.js";

/** The SDK shapes of the catalog: only the members the real service returns. */
export const toBlueprint = (b: BlueprintInfo): Blueprint => ({
  blueprintId: b.blueprintId,
  name: b.name,
  group: b.group,
  type: b.type,
  description: b.description,
  isActive: b.isActive,
  minPower: b.minPower,
  version: b.version,
  versionCode: b.versionCode,
  productUrl: b.productUrl,
  licenseUrl: b.licenseUrl,
  platform: b.platform,
  appCategory: b.appCategory,
});

export const toBundle = (b: BundleInfo): Bundle => ({
  price: b.price,
  cpuCount: b.cpuCount,
  diskSizeInGb: b.diskSizeInGb,
  bundleId: b.bundleId,
  instanceType: b.instanceType,
  isActive: b.isActive,
  name: b.name,
  power: b.power,
  ramSizeInGb: b.ramSizeInGb,
  transferPerMonthInGb: b.transferPerMonthInGb,
  supportedPlatforms: b.supportedPlatforms,
  supportedAppCategories: b.supportedAppCategories,
  publicIpv4AddressCount: b.publicIpv4AddressCount,
});

const zones = (region: string) => availabilityZones(region).map((zoneName) => ({ zoneName, state: "available" }));

export const toRegion = (r: RegionInfo, withZones: boolean, withDatabaseZones: boolean): Region => ({
  continentCode: r.continentCode,
  description: r.description,
  displayName: r.displayName,
  name: r.name as RegionName,
  availabilityZones: withZones ? zones(r.name) : [],
  relationalDatabaseAvailabilityZones: withDatabaseZones ? zones(r.name) : [],
});
