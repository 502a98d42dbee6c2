import type { DescribeVolumesModificationsRequest, DescribeVolumesModificationsResult } from "@aws-sdk/client-ec2";
import type { VolumeRecord } from "../../../state/ec2-records.js";
import type { Handler } from "../../context.js";
import { filterPredicate, type FilterFields } from "../filters.js";
import { collectPage, pageLimit, pageStart } from "../paging.js";
import { volumesByIds } from "./lookup.js";
import { toVolumeModification } from "./view.js";
import { dryRun } from "../request.js";

const modificationFilters: FilterFields<VolumeRecord> = {
  fields: {
    "volume-id": (v) => v.volumeId,
    "modification-state": (v) => v.modification?.state,
    "target-size": (v) => v.modification?.targetSize,
    "target-iops": (v) => v.modification?.targetIops,
    "target-volume-type": (v) => v.modification?.targetVolumeType,
    "original-size": (v) => v.modification?.originalSize,
    "original-iops": (v) => v.modification?.originalIops,
    "original-volume-type": (v) => v.modification?.originalVolumeType,
    "start-time": (v) => (v.modification ? new Date(v.modification.startTime).toISOString() : undefined),
  },
};

/** The latest modification of each volume that has one. */
export const describeVolumesModifications: Handler<DescribeVolumesModificationsRequest, DescribeVolumesModificationsResult> = async (ctx, input) => {
  const matches = filterPredicate(input.Filters, modificationFilters);
  const limit = pageLimit(input.MaxResults, { min: 5, max: 500 });
  const after = pageStart(input.NextToken);
  dryRun(input);
  return ctx.read(async (tx) => {
    const wanted = input.VolumeIds?.length ? new Set((await volumesByIds(tx, ctx, input.VolumeIds)).map((v) => v.volumeId)) : undefined;
    const keep = (v: VolumeRecord) => v.modification !== undefined && (!wanted || wanted.has(v.volumeId)) && matches(v);
    const { items, nextToken } = await collectPage(tx.ec2Volumes.scan(ctx, { after }), keep, limit);
    return { VolumesModifications: items.map((v) => toVolumeModification(v)!), NextToken: nextToken };
  });
};
