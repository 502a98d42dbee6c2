import type { CreateSnapshotRequest, Snapshot } from "@aws-sdk/client-ec2";
import type { Ec2SnapshotsJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { dryRun } from "../request.js";
import { tagsFromSpecifications } from "../tags/tag-rules.js";
import { volumeById } from "../volumes/lookup.js";
import { checkDescription, checkRegional, checkSnapshottable, newSnapshot } from "./new-snapshot.js";
import { toSnapshot } from "./view.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

export const createSnapshot: Handler<CreateSnapshotRequest, Snapshot> = async (ctx, input) => {
  checkRegional(input);
  const description = checkDescription(input.Description);
  const tags = tagsFromSpecifications(input.TagSpecifications, ["snapshot"]).get("snapshot") ?? [];
  const now = ctx.clock.now();
  return ctx.transaction(async (tx) => {
    const volume = await volumeById(tx, ctx, input.VolumeId!);
    await checkSnapshottable(tx, ctx, volume);
    dryRun(input);
    const snapshot = newSnapshot(ctx, volume, now, description, tags);
    await tx.ec2Snapshots.insert(ctx, snapshot);
    await enqueue(tx, ctx, "ec2.snapshots.take", { snapshotIds: [snapshot.snapshotId] }, now);
    return toSnapshot(snapshot);
  });
};
