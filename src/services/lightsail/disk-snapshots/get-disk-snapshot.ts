import type { GetDiskSnapshotRequest, GetDiskSnapshotResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound } from "../errors.js";
import { toDiskSnapshot } from "./view.js";

export const getDiskSnapshot: Handler<GetDiskSnapshotRequest, GetDiskSnapshotResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => tx.diskSnapshots.get(ctx, input.diskSnapshotName!));
  if (!record) throw notFound("DiskSnapshot", input.diskSnapshotName!);
  return { diskSnapshot: toDiskSnapshot(record, ctx.region) };
};
