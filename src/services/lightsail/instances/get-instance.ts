import type { GetInstanceRequest, GetInstanceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { notFound } from "../errors.js";
import { toInstance } from "./view.js";

export const getInstance: Handler<GetInstanceRequest, GetInstanceResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => tx.instances.get(ctx, input.instanceName!));
  if (!record) throw notFound("Instance", input.instanceName!);
  return { instance: toInstance(record, ctx.region) };
};
