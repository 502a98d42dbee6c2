import type { GetDiskSnapshotsRequest, GetDiskSnapshotsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { nextPageToken, pageAfter } from "../paging.js";
import { toDiskSnapshot } from "./view.js";

export const getDiskSnapshots: Handler<GetDiskSnapshotsRequest, GetDiskSnapshotsResult> = async (ctx, input) => {
  const after = pageAfter(input.pageToken);
  const page = await ctx.read((tx) => tx.diskSnapshots.page(ctx, { after, limit: ctx.settings.pageSize }));
  return { diskSnapshots: page.items.map((r) => toDiskSnapshot(r, ctx.region)), nextPageToken: nextPageToken(page) };
};
