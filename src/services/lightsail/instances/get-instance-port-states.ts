import type { GetInstancePortStatesRequest, GetInstancePortStatesResult, NetworkProtocol } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { findInstance } from "./lookup.js";

/** Every firewall rule of the instance, in the order GetInstance lists them; a rule is always `open`. */
export const getInstancePortStates: Handler<GetInstancePortStatesRequest, GetInstancePortStatesResult> = async (ctx, input) => {
  const record = await ctx.read((tx) => findInstance(tx, ctx, input.instanceName!));
  return {
    portStates: record.ports.map((p) => ({
      fromPort: p.fromPort,
      toPort: p.toPort,
      protocol: p.protocol as NetworkProtocol,
      state: "open",
      cidrs: p.cidrs,
      ipv6Cidrs: p.ipv6Cidrs,
      cidrListAliases: p.cidrListAliases,
    })),
  };
};
