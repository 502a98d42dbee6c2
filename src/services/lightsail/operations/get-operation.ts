import type { GetOperationRequest, GetOperationResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound } from "../errors.js";
import { toOperation } from "./operation.js";

export const getOperation: Handler<GetOperationRequest, GetOperationResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => tx.operations.get(ctx, input.operationId!));
  if (!record) throw notFound("Operation", input.operationId!);
  return { operation: toOperation(record, ctx.region) };
};
