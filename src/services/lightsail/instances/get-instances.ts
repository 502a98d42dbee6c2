import type { GetInstancesRequest, GetInstancesResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { nextPageToken, pageAfter } from "../paging.js";
import { toInstance } from "./view.js";

export const getInstances: Handler<GetInstancesRequest, GetInstancesResult> = async (ctx, input) => {
  const after = pageAfter(input.pageToken);
  const page = await ctx.read((tx) => tx.instances.page(ctx, { after, limit: ctx.settings.pageSize }));
  return { instances: page.items.map((r) => toInstance(r, ctx.region)), nextPageToken: nextPageToken(page) };
};
