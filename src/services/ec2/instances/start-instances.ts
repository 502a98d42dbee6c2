import type { StartInstancesRequest, StartInstancesResult } from "@aws-sdk/client-ec2";
import { EC2_JOBS } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { publicAddress } from "../zones/zones.js";
import { stateChangeHandler } from "./state-changes.js";

const start = stateChangeHandler({
  verb: "started",
  move: (state) =>
    state === "stopped"
      ? { to: "pending", job: EC2_JOBS.instanceStart, change: () => ({ publicIpAddress: publicAddress(), stateReason: undefined, stateTransitionReason: "" }) }
      : state === "pending" || state === "running" ? "unchanged" : "refuse",
});

export const startInstances: Handler<StartInstancesRequest, StartInstancesResult> = async (ctx, input) => ({
  StartingInstances: await start(ctx, input),
});
