import type { CreateTagsRequest } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { dryRun } from "../request.js";
import { checkTags, mergeTags } from "./tag-rules.js";
import { retag } from "./tagged-resources.js";

/** Adds or overwrites tags on instances, volumes, snapshots and key pairs, all or none. */
export const createTags: Handler<CreateTagsRequest, void> = async (ctx, input) => {
  const tags = checkTags(input.Tags, "Tag");
  await ctx.transaction(async (tx) => {
    for (const id of input.Resources!) await retag(tx, ctx, id, (existing) => mergeTags(existing, tags));
    dryRun(input);
  });
};
