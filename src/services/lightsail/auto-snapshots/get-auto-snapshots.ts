import type { GetAutoSnapshotsRequest, GetAutoSnapshotsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { findAddOnResource } from "../add-ons/resource.js";

/** The automatic snapshots of an instance or disk, newest first. */
export const getAutoSnapshots: Handler<GetAutoSnapshotsRequest, GetAutoSnapshotsResult> = async (ctx, input) => {
  const { resource, records } = await ctx.read(async (tx) => {
    const resource = await findAddOnResource(tx, ctx, input.resourceName!);
    return { resource, records: await tx.autoSnapshots.findBy(ctx, "resource_name", [resource.record.name]) };
  });
  return {
    resourceName: resource.record.name,
    resourceType: resource.resourceType,
    autoSnapshots: records
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((r) => ({
        date: r.date,
        createdAt: new Date(r.createdAt),
        status: r.status,
        fromAttachedDisks: r.fromAttachedDisks.map((d) => ({ path: d.path, sizeInGb: d.sizeInGb })),
      })),
  };
};
