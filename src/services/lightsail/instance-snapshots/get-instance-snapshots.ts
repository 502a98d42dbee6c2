import type { GetInstanceSnapshotsRequest, GetInstanceSnapshotsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { nextPageToken, pageAfter } from "../paging.js";
import { toInstanceSnapshot } from "./view.js";

export const getInstanceSnapshots: Handler<GetInstanceSnapshotsRequest, GetInstanceSnapshotsResult> = async (ctx, input) => {
  const after = pageAfter(input.pageToken);
  const page = await ctx.read((tx) => tx.instanceSnapshots.page(ctx, { after, limit: ctx.settings.pageSize }));
  return { instanceSnapshots: page.items.map((r) => toInstanceSnapshot(r, ctx.region)), nextPageToken: nextPageToken(page) };
};
