import type { GetInstanceSnapshotRequest, GetInstanceSnapshotResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound } from "../errors.js";
import { toInstanceSnapshot } from "./view.js";

export const getInstanceSnapshot: Handler<GetInstanceSnapshotRequest, GetInstanceSnapshotResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => tx.instanceSnapshots.get(ctx, input.instanceSnapshotName!));
  if (!record) throw notFound("InstanceSnapshot", input.instanceSnapshotName!);
  return { instanceSnapshot: toInstanceSnapshot(record, ctx.region) };
};
