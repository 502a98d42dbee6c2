import type { DescribeTagsRequest, DescribeTagsResult, TagDescription } from "@aws-sdk/client-ec2";
import type { Positioned } from "../../../state/store.js";
import type { Handler } from "../../context.js";
import { filterPredicate, type FilterFields } from "../filters.js";
import { collectPage, pageLimit, pageStart } from "../paging.js";
import { dryRun } from "../request.js";
import { taggedResources } from "./tagged-resources.js";

const tagFilters: FilterFields<TagDescription> = {
  fields: {
    key: (t) => t.Key,
    value: (t) => t.Value,
    "resource-id": (t) => t.ResourceId,
    "resource-type": (t) => t.ResourceType,
  },
};

/** Every tag of the caller's instances, volumes, snapshots and key pairs, one entry per tag, paged by MaxResults (5–1000). */
export const describeTags: Handler<DescribeTagsRequest, DescribeTagsResult> = async (ctx, input) => {
  const matches = filterPredicate(input.Filters, tagFilters);
  const limit = pageLimit(input.MaxResults);
  const after = pageStart(input.NextToken);
  dryRun(input);
  return ctx.read(async (tx) => {
    async function* entries(): AsyncIterable<Positioned<TagDescription>> {
      let seq = 0;
      for await (const r of taggedResources(tx, ctx)) {
        for (const t of r.tags) {
          if (++seq > after) yield { seq, record: { ResourceId: r.id, ResourceType: r.type, Key: t.key, Value: t.value } };
        }
      }
    }
    const { items, nextToken } = await collectPage(entries(), matches, limit);
    return { Tags: items, NextToken: nextToken };
  });
};
