import type { GetDiskRequest, GetDiskResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound } from "../errors.js";
import { toDisk } from "./view.js";

export const getDisk: Handler<GetDiskRequest, GetDiskResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => tx.disks.get(ctx, input.diskName!));
  if (!record) throw notFound("Disk", input.diskName!);
  return { disk: toDisk(record, ctx.region) };
};
