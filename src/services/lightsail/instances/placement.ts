import type { IpAddressType } from "@aws-sdk/client-lightsail";
import { findBlueprint, type BlueprintInfo } from "../../../catalog/blueprints.js";
import { findBundle, isIpv6Only, type BundleInfo } from "../../../catalog/bundles.js";
import { blueprintWithoutImage, invalidInput } from "../errors.js";
import { checkZone } from "../validation.js";

/** Checks where and on what a new instance would run: zone, bundle, blueprint and IP address type together. */
export function checkPlacement(
  region: string,
  zone: string,
  bundleId: string,
  blueprintId: string,
  ipAddressType: IpAddressType,
): { bundle: BundleInfo; blueprint: BlueprintInfo } {
  checkZone(region, zone);
  const bundle = findBundle(bundleId);
  if (!bundle) throw invalidInput(`The specified bundle does not exist in this region: ${bundleId}`);
  const blueprint = findBlueprint(blueprintId);
  if (!blueprint) throw invalidInput(`The specified blueprint does not exist in this region: ${blueprintId}`);
  if (!bundle.supportedPlatforms.includes(blueprint.platform)) {
    throw invalidInput(
      `The bundle ${bundleId} supports ${bundle.supportedPlatforms.join(", ")} but the blueprint ${blueprintId} runs on ${blueprint.platform}. Choose a bundle for ${blueprint.platform}.`,
    );
  }
  if (bundle.power < blueprint.minPower) {
    throw invalidInput(`The blueprint ${blueprintId} needs a bundle with power ${blueprint.minPower} or more; ${bundleId} has ${bundle.power}.`);
  }
  if (ipAddressType === "ipv6" && !isIpv6Only(bundle)) {
    throw invalidInput(`The IP address type ipv6 needs an IPv6-only bundle (such as ${bundle.instanceType}_ipv6_3_0); ${bundleId} is not one.`);
  }
  if (ipAddressType !== "ipv6" && isIpv6Only(bundle)) {
    throw invalidInput(`The bundle ${bundleId} is IPv6-only; use the IP address type ipv6 with it, not ${ipAddressType}.`);
  }
  return { bundle, blueprint };
}

/** A new instance boots its blueprint's image: refuse a blueprint the driver has no image of (`images` undefined: any will do). */
export function checkBootable(blueprintId: string, images: readonly string[] | undefined) {
  if (images && !images.includes(blueprintId)) throw blueprintWithoutImage(blueprintId);
}
