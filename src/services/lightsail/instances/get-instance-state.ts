import type { GetInstanceStateRequest, GetInstanceStateResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { findInstance } from "./lookup.js";
import { STATE_CODES } from "./view.js";

export const getInstanceState: Handler<GetInstanceStateRequest, GetInstanceStateResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => findInstance(tx, ctx, input.instanceName!));
  return { state: { code: STATE_CODES[record.state], name: record.state } };
};
