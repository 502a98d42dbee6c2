import type { TagResourceRequest, TagResourceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { checkTags } from "../validation.js";
import { changeTags } from "./change-tags.js";

/** Adds tags, or replaces the value of a key the resource already has. */
export const tagResource: Handler<TagResourceRequest, TagResourceResult> = async (ctx, input) => {
  checkTags(input.tags);
  const operations = await changeTags(ctx, {
    resourceName: input.resourceName!,
    resourceArn: input.resourceArn,
    operationType: "TagResource",
    apply: (current) => checkTags(input.tags, current),
  });
  return { operations };
};
