import type { GetOperationsRequest, GetOperationsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { nextPageToken, pageAfter } from "../paging.js";
import { operationsPageSize, toOperation } from "./operation.js";

/** Every operation of the account and region, oldest first. */
export const getOperations: Handler<GetOperationsRequest, GetOperationsResult> = async (ctx, input) => {
  const after = pageAfter(input.pageToken);
  const page = await ctx.read((tx) => tx.operations.page(ctx, { after, limit: operationsPageSize(ctx.settings) }));
  return { operations: page.items.map((r) => toOperation(r, ctx.region)), nextPageToken: nextPageToken(page) };
};
