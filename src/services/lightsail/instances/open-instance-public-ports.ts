import type { OpenInstancePublicPortsRequest, OpenInstancePublicPortsResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { changePorts } from "./change-ports.js";
import { findInstance, instanceOperation } from "./lookup.js";
import { openRule, portDetails, portRule } from "./ports.js";

export const openInstancePublicPorts: Handler<OpenInstancePublicPortsRequest, OpenInstancePublicPortsResult> = async (ctx, input) => {
  const operation = await ctx.transaction(async (tx) => {
    const record = await findInstance(tx, ctx, input.instanceName!);
    const rule = portRule(input.portInfo!, record.ipAddressType, "portInfo");
    await changePorts(tx, ctx, record, openRule(record.ports, rule), ctx.clock.now());
    return instanceOperation(tx, ctx, ctx.clock.now(), record, "OpenInstancePublicPorts", { operationDetails: portDetails(rule), done: true });
  });
  return { operation };
};
