import type { GetInstanceRequest, GetInstanceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { attachedDisksByInstance } from "../disks/attached.js";
import { findInstance } from "./lookup.js";
import { toInstance } from "./view.js";

export const getInstance: Handler<GetInstanceRequest, GetInstanceResult> = async (ctx, input) => {
  const { record, disks } = await ctx.read(async (tx) => {
    const record = await findInstance(tx, ctx, input.instanceName!);
    return { record, disks: await attachedDisksByInstance(tx, ctx, [record.name]) };
  });
  return { instance: toInstance(record, ctx.region, disks.get(record.name)) };
};
