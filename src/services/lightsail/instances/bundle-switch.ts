import { findBundle, isIpv6Only, type BundleInfo } from "../../../catalog/bundles.js";
import { invalidInput } from "../errors.js";

const CURRENT_GENERATION = "3_0";

const generationOf = (b: BundleInfo) => /_(\d+_\d+)$/.exec(b.bundleId)![1]!;

/** The bundle of the same size and platform in the given generation and IP family, if there is one. */
function sibling(b: BundleInfo, generation: string, ipv6Only: boolean): BundleInfo | undefined {
  const windows = b.supportedPlatforms.includes("WINDOWS") ? "_win" : "";
  return findBundle(`${b.instanceType}${windows}${ipv6Only ? "_ipv6" : ""}_${generation}`);
}

/**
 * StartInstance's `attributeUpdates.bundleId`: `auto` moves a previous-generation bundle to its
 * current-generation equivalent (a no-op on a current one); an explicit id must be the same size,
 * platform and IP family in another generation (which covers going back to the original bundle).
 */
export function generationUpdate(currentId: string, requested: string): BundleInfo {
  const current = findBundle(currentId);
  if (!current) throw invalidInput(`The instance's bundle ${currentId} is not known, so it cannot be updated.`);
  if (requested === "auto") return sibling(current, CURRENT_GENERATION, isIpv6Only(current)) ?? current;
  const target = findBundle(requested);
  if (!target) throw invalidInput(`The specified bundle does not exist in this region: ${requested}`);
  if (target !== sibling(current, generationOf(target), isIpv6Only(current))) {
    throw invalidInput(
      `The bundle ${currentId} can only be updated to the same plan of another generation (or 'auto'), not to ${requested}.`,
    );
  }
  return target;
}

/**
 * SetIpAddressType to or from `ipv6` moves the instance to the IPv6-only (or dual-stack) bundle of
 * the same size (aws-facts §2.14). Only current-generation bundles have IPv6-only siblings.
 */
export function ipFamilySwitch(currentId: string, toIpv6Only: boolean): BundleInfo {
  const current = findBundle(currentId);
  if (!current) throw invalidInput(`The instance's bundle ${currentId} is not known, so it cannot be switched.`);
  if (isIpv6Only(current) === toIpv6Only) return current;
  const target = sibling(current, generationOf(current), toIpv6Only);
  if (!target) {
    throw invalidInput(
      `The bundle ${currentId} has no ${toIpv6Only ? "IPv6-only" : "dual-stack"} equivalent. Update it to a ${CURRENT_GENERATION} bundle first (StartInstance with attributeUpdates).`,
    );
  }
  return target;
}
