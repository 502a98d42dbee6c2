import type { DescribeSnapshotAttributeRequest, DescribeSnapshotAttributeResult } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { ownSnapshot } from "./lookup.js";
import { dryRun } from "../request.js";

export const describeSnapshotAttribute: Handler<DescribeSnapshotAttributeRequest, DescribeSnapshotAttributeResult> = async (ctx, input) => {
  const snapshot = await ctx.read((tx) => ownSnapshot(tx, ctx, input.SnapshotId!));
  dryRun(input);
  if (input.Attribute === "productCodes") return { SnapshotId: snapshot.snapshotId, ProductCodes: [] };
  return {
    SnapshotId: snapshot.snapshotId,
    CreateVolumePermissions: snapshot.createVolumePermissions.map((p) => (p === "all" ? { Group: "all" as const } : { UserId: p })),
  };
};
