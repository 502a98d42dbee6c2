import type { StartInstancesRequest, StartInstancesResult } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { publicAddress } from "../zones/zones.js";
import { stateChangeHandler } from "./state-changes.js";

const start = stateChangeHandler({
  verb: "started",
  move: (state) =>
    state === "stopped"
      ? { to: "pending", job: "ec2.instance.start", change: () => ({ publicIpAddress: publicAddress(), stateReason: undefined, stateTransitionReason: "" }) }
      : state === "pending" || state === "running" ? "unchanged" : "refuse",
});

export const startInstances: Handler<StartInstancesRequest, StartInstancesResult> = async (ctx, input) => ({
  StartingInstances: await start(ctx, input),
});
