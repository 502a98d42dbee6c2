import type { GetOperationsForResourceRequest, GetOperationsForResourceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound } from "../errors.js";
import { nextPageToken, pageAfter } from "../paging.js";
import { findTaggable } from "../tags/taggable.js";
import { operationsPageSize, toOperation } from "./operation.js";

/**
 * The operations on one resource, oldest first. Operations outlive their resource (a deleted
 * instance keeps its history); a name with no history and no resource is NotFound, so a typo
 * is not answered with an empty list. The discontinued `nextPageCount` is never sent: the model
 * marks it discontinued and every SDK paginator follows `nextPageToken`.
 */
export const getOperationsForResource: Handler<GetOperationsForResourceRequest, GetOperationsForResourceResult> = async (ctx, input) => {
  const name = input.resourceName!;
  const after = pageAfter(input.pageToken);
  const page = await ctx.read(async (tx) => {
    const found = await tx.operations.page(ctx, { after, limit: operationsPageSize(ctx.settings), where: { resource_name: name } });
    if (found.items.length === 0 && after === undefined && !(await findTaggable(tx, ctx, name))) throw notFound("resource", name);
    return found;
  });
  return { operations: page.items.map((r) => toOperation(r, ctx.region)), nextPageToken: nextPageToken(page) };
};
