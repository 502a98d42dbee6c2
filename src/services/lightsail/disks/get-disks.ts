import type { GetDisksRequest, GetDisksResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { nextPageToken, pageAfter } from "../paging.js";
import { toDisk } from "./view.js";

export const getDisks: Handler<GetDisksRequest, GetDisksResult> = async (ctx, input) => {
  const after = pageAfter(input.pageToken);
  const page = await ctx.read((tx) => tx.disks.page(ctx, { after, limit: ctx.settings.pageSize }));
  return { disks: page.items.map((r) => toDisk(r, ctx.region)), nextPageToken: nextPageToken(page) };
};
