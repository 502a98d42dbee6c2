import type { CreateSnapshotsRequest, CreateSnapshotsResult } from "@aws-sdk/client-ec2";
import type { VolumeRecord } from "../../../state/ec2-records.js";
import type { Ec2SnapshotsJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { incorrectInstanceState, invalidParameterValue } from "../errors.js";
import { checkId, checkIds } from "../ids.js";
import { attachedVolumes, instancesByIds } from "../instances/lookup.js";
import { dryRun } from "../request.js";
import { mergeTags, tagsFromSpecifications } from "../tags/tag-rules.js";
import { checkDescription, checkRegional, checkSnapshottable, newSnapshot } from "./new-snapshot.js";
import { toSnapshotInfo } from "./view.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

const MAX_EXCLUDED = 40;

/**
 * One snapshot of every EBS volume attached to an instance, all from one instant (aws-facts §4.4):
 * one StartTime for the set and one job that takes them together, holding the instance's writes
 * while it does.
 */
export const createSnapshots: Handler<CreateSnapshotsRequest, CreateSnapshotsResult> = async (ctx, input) => {
  const spec = input.InstanceSpecification!;
  const instanceId = checkId("instance", spec.InstanceId!);
  const excluded = checkIds("volume", spec.ExcludeDataVolumeIds);
  if (excluded.length > MAX_EXCLUDED) {
    throw invalidParameterValue(`InstanceSpecification.ExcludeDataVolumeId lists ${excluded.length} volumes; at most ${MAX_EXCLUDED} can be excluded per request.`);
  }
  checkRegional(input);
  const description = checkDescription(input.Description);
  const given = tagsFromSpecifications(input.TagSpecifications, ["snapshot"]).get("snapshot") ?? [];
  const now = ctx.clock.now();

  return ctx.transaction(async (tx) => {
    const [instance] = await instancesByIds(tx, ctx, [instanceId]);
    if (instance!.state === "terminated" || instance!.state === "shutting-down") throw incorrectInstanceState(instanceId, instance!.state, "snapshotted");
    const attached = await attachedVolumes(tx, ctx, instanceId);
    const root = attached.find((v) => v.attachment!.device === instance!.rootDeviceName);
    for (const id of excluded) {
      if (id === root?.volumeId) {
        throw invalidParameterValue(`The root volume '${id}' of instance '${instanceId}' cannot be excluded with ExcludeDataVolumeIds; use ExcludeBootVolume.`);
      }
      if (!attached.some((v) => v.volumeId === id)) throw invalidParameterValue(`The volume '${id}' in ExcludeDataVolumeIds is not attached to instance '${instanceId}'.`);
    }
    const included = attached
      .filter((v) => !(spec.ExcludeBootVolume && v === root) && !excluded.includes(v.volumeId))
      .sort((a, b) => Number(b === root) - Number(a === root) || a.attachment!.attachTime - b.attachment!.attachTime);
    if (included.length === 0) {
      throw invalidParameterValue(`Instance '${instanceId}' has no volume left to snapshot: every attached volume is excluded.`);
    }
    for (const v of included) await checkSnapshottable(tx, ctx, v);
    dryRun(input);
    const tagsOf = (v: VolumeRecord) => (input.CopyTagsFromSource === "volume" ? mergeTags(v.tags, given) : given);
    const snapshots = included.map((v) => newSnapshot(ctx, v, now, description, tagsOf(v)));
    for (const s of snapshots) await tx.ec2Snapshots.insert(ctx, s);
    const job: Ec2SnapshotsJob = { snapshotIds: snapshots.map((s) => s.snapshotId), instanceId };
    await enqueue(tx, ctx, "ec2.snapshots.take", job, now);
    return { Snapshots: snapshots.map(toSnapshotInfo) };
  });
};
