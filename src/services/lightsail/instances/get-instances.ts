import type { GetInstancesRequest, GetInstancesResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { attachedDisksByInstance } from "../disks/attached.js";
import { nextPageToken, pageAfter } from "../paging.js";
import { toInstance } from "./view.js";

export const getInstances: Handler<GetInstancesRequest, GetInstancesResult> = async (ctx, input) => {
  const after = pageAfter(input.pageToken);
  const { page, disks } = await ctx.read(async (tx) => {
    const page = await tx.instances.page(ctx, { after, limit: ctx.settings.pageSize });
    return { page, disks: await attachedDisksByInstance(tx, ctx, page.items.map((r) => r.name)) };
  });
  return { instances: page.items.map((r) => toInstance(r, ctx.region, disks.get(r.name))), nextPageToken: nextPageToken(page) };
};
