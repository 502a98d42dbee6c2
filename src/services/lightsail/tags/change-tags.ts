import type { Operation } from "@aws-sdk/client-lightsail";
import type { Tag } from "../../../state/records.js";
import type { RequestContext } from "../../context.js";
import { invalidInput, notFound } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { findTaggable } from "./taggable.js";

/** The model's pattern for `resourceArn` (aws-facts §2.2). */
const ARN = /^arn:(aws[^:]*):([a-zA-Z0-9-]+):([a-z0-9-]+):([0-9]+):([a-zA-Z]+)\/([a-zA-Z0-9-]+)$/;

export function checkResourceArn(arn: string | undefined) {
  if (arn !== undefined && !ARN.test(arn)) {
    throw invalidInput(`The resource ARN '${arn}' is not valid. Use the arn of the resource, such as arn:aws:lightsail:us-east-1:123456789012:Instance/<id>.`);
  }
}

export interface TagChange {
  resourceName: string;
  resourceArn?: string;
  operationType: "TagResource" | "UntagResource";
  /** Computes the new tags from the current ones; throws an AwsError for a bad request. */
  apply(current: Tag[]): Tag[];
}

/**
 * Changes the tags of the named resource in one transaction and records the change as an
 * operation that has already Succeeded. The operation type names the call ([U] aws-facts §6.12).
 */
export async function changeTags(ctx: RequestContext, change: TagChange): Promise<Operation[]> {
  checkResourceArn(change.resourceArn);
  const now = ctx.clock.now();
  return ctx.transaction(async (tx) => {
    const resource = await findTaggable(tx, ctx, change.resourceName);
    if (!resource) throw notFound("resource", change.resourceName);
    if (change.resourceArn !== undefined && change.resourceArn !== resource.arn) {
      throw invalidInput(`The resource ARN '${change.resourceArn}' is not the ARN of ${resource.resourceType} ${resource.name}.`);
    }
    await resource.saveTags(change.apply(resource.tags));
    const op = await recordOperation(tx, ctx, now, {
      resourceName: resource.name,
      resourceType: resource.resourceType,
      availabilityZone: resource.availabilityZone,
      operationType: change.operationType,
      done: true,
    });
    return [toOperation(op, ctx.region)];
  });
}
