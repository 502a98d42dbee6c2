import type { GetInstanceRequest, GetInstanceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { attachedDisksByInstance } from "../disks/attached.js";
import { notFound } from "../errors.js";
import { toInstance } from "./view.js";

export const getInstance: Handler<GetInstanceRequest, GetInstanceResult> = async (ctx, input) => {
  const found = await ctx.read(async (tx) => {
    const record = await tx.instances.get(ctx, input.instanceName!);
    return record && { record, disks: await attachedDisksByInstance(tx, ctx, [record.name]) };
  });
  if (!found) throw notFound("Instance", input.instanceName!);
  return { instance: toInstance(found.record, ctx.region, found.disks.get(found.record.name)) };
};
