import type { CreateInstancesFromSnapshotRequest, CreateInstancesFromSnapshotResult } from "@aws-sdk/client-lightsail";
import { addHold } from "../../../worker/jobs/holds.js";
import type { RestorePlan } from "../../../worker/jobs/restore-instance.js";
import type { Handler } from "../../context.js";
import { checkRestoreParameters } from "../auto-snapshots/restore-parameters.js";
import { checkInstanceExtras, insertNewInstances } from "../instances/new-instance.js";
import { defaultKeyIfMissing } from "../key-pairs/default-key-pair.js";
import { checkPlacement } from "../instances/placement.js";
import { checkNames, checkZone } from "../validation.js";
import { checkDiskMapping, insertMappedDisks } from "./disk-mapping.js";
import { checkBundleFits, findInstanceRestoreSource } from "./restore-source.js";

/**
 * New instances from a manual snapshot or from an automatic snapshot of an instance, with the
 * snapshot's blueprint, on a bundle at least as large, in any zone of the region; mapped disks
 * are restored and attached. Everything is written in one transaction, so a failure leaves nothing.
 */
export const createInstancesFromSnapshot: Handler<CreateInstancesFromSnapshotRequest, CreateInstancesFromSnapshotResult> = async (ctx, input) => {
  const names = input.instanceNames!;
  checkNames(names, "instance");
  const from = checkRestoreParameters(
    {
      snapshotName: input.instanceSnapshotName, sourceName: input.sourceInstanceName,
      restoreDate: input.restoreDate, useLatestRestorableAutoSnapshot: input.useLatestRestorableAutoSnapshot,
    },
    { snapshot: "instanceSnapshotName", source: "sourceInstanceName" },
  );
  const zone = input.availabilityZone!;
  checkZone(ctx.region, zone);
  const ipAddressType = input.ipAddressType ?? "dualstack";
  checkInstanceExtras(ctx.region, input);
  const mapping = input.attachedDiskMapping ?? {};
  checkDiskMapping(mapping, names);
  const now = ctx.clock.now();
  const defaultKey = await defaultKeyIfMissing(ctx, input.keyPairName);

  const operations = await ctx.transaction(async (tx) => {
    const source = await findInstanceRestoreSource(tx, ctx, from);
    const { blueprint, bundle } = checkPlacement(ctx.region, zone, input.bundleId!, source.fromBlueprintId, ipAddressType);
    checkBundleFits(bundle, source);
    const disks = await insertMappedDisks(tx, ctx, now, mapping, source, zone);
    const plan: RestorePlan = { snapshotId: source.snapshotId, hold: source.hold, disks };
    const ops = await insertNewInstances(tx, ctx, now, {
      names, zone, blueprint, bundle, ipAddressType,
      userData: input.userData, keyPairName: input.keyPairName, defaultKey, tags: input.tags, addOns: input.addOns,
      operationType: "CreateInstancesFromSnapshot",
      restore: plan,
    });
    for (const name of names) await addHold(tx, ctx, source.hold, name);
    return ops;
  });
  return { operations };
};
