import type { DescribeVolumesRequest, DescribeVolumesResult } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { filterPredicate, narrowing } from "../filters.js";
import { collectPage, pageLimit, pageStart } from "../paging.js";
import { volumesByIds } from "./lookup.js";
import { volumeFilters } from "./volume-filters.js";
import { toVolume } from "./view.js";
import { dryRun } from "../request.js";

/** DescribeVolumes pages hold 5 to 500 volumes; a larger MaxResults is served as 500. */
const BOUNDS = { min: 5, max: 500 };

export const describeVolumes: Handler<DescribeVolumesRequest, DescribeVolumesResult> = async (ctx, input) => {
  const matches = filterPredicate(input.Filters, volumeFilters);
  const limit = pageLimit(input.MaxResults, BOUNDS);
  const after = pageStart(input.NextToken);
  dryRun(input);
  return ctx.read(async (tx) => {
    const wanted = input.VolumeIds?.length ? (await volumesByIds(tx, ctx, input.VolumeIds)).map((v) => v.volumeId) : undefined;
    const narrow = wanted ? { column: "key", values: wanted } : narrowing(input.Filters, volumeFilters);
    const { items, nextToken } = await collectPage(tx.ec2Volumes.scan(ctx, { after, narrow }), matches, limit);
    return { Volumes: items.map(toVolume), NextToken: nextToken };
  });
};
