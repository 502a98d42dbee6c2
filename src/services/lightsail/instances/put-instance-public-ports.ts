import type { PutInstancePublicPortsRequest, PutInstancePublicPortsResult } from "@aws-sdk/client-lightsail";
import type { PortRecord } from "../../../state/records.js";
import type { Handler } from "../../context.js";
import { changePorts } from "./change-ports.js";
import { findInstance, instanceOperation } from "./lookup.js";
import { openRule, portDetails, portRule } from "./ports.js";

/**
 * Replaces every rule with the given ones (an empty list closes everything). Two entries for the
 * same ports and protocol end as one rule: the later one, as if opened in turn.
 */
export const putInstancePublicPorts: Handler<PutInstancePublicPortsRequest, PutInstancePublicPortsResult> = async (ctx, input) => {
  const operation = await ctx.transaction(async (tx) => {
    const record = await findInstance(tx, ctx, input.instanceName!);
    const ports = input.portInfos!.reduce<PortRecord[]>(
      (rules, info, i) => openRule(rules, portRule(info, record.ipAddressType, `portInfos[${i}]`)),
      [],
    );
    await changePorts(tx, ctx, record, ports, ctx.clock.now());
    return instanceOperation(tx, ctx, ctx.clock.now(), record, "PutInstancePublicPorts", {
      operationDetails: ports.map(portDetails).join(", "),
      done: true,
    });
  });
  return { operation };
};
