import type { UntagResourceRequest, UntagResourceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { checkTagKey } from "../validation.js";
import { changeTags } from "./change-tags.js";

/** Removes tags by key; keys the resource does not have are ignored. */
export const untagResource: Handler<UntagResourceRequest, UntagResourceResult> = async (ctx, input) => {
  const keys = new Set(input.tagKeys!.map(checkTagKey));
  const operations = await changeTags(ctx, {
    resourceName: input.resourceName!,
    resourceArn: input.resourceArn,
    operationType: "UntagResource",
    apply: (current) => current.filter((t) => !keys.has(t.key)),
  });
  return { operations };
};
