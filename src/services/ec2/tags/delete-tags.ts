import type { DeleteTagsRequest } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { missingParameter } from "../errors.js";
import { dryRun } from "../request.js";
import { retag } from "./tagged-resources.js";

/**
 * Removes tags: a key alone removes it whatever its value; a key with a value (even "") only if the
 * value matches; no tags at all removes every tag of the resources.
 */
export const deleteTags: Handler<DeleteTagsRequest, void> = async (ctx, input) => {
  const doomed = (input.Tags ?? []).map((t, i) => {
    if (t.Key === undefined || t.Key === "") throw missingParameter(`Tag.${i + 1}.Key`);
    return { key: t.Key, value: t.Value };
  });
  await ctx.transaction(async (tx) => {
    for (const id of input.Resources!) {
      await retag(tx, ctx, id, (tags) =>
        doomed.length === 0 ? [] : tags.filter((t) => !doomed.some((d) => d.key === t.key && (d.value === undefined || d.value === t.value))),
      );
    }
    dryRun(input);
  });
};
