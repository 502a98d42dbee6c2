import type { GetInstanceRequest, GetInstanceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { findInstance } from "./lookup.js";
import { toInstance } from "./view.js";

export const getInstance: Handler<GetInstanceRequest, GetInstanceResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => findInstance(tx, ctx, input.instanceName!));
  return { instance: toInstance(record, ctx.region) };
};
