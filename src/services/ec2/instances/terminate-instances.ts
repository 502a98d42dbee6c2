import type { TerminateInstancesRequest, TerminateInstancesResult } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { stateChangeHandler, userInitiated } from "./state-changes.js";

/** Terminating takes the instance's DeleteOnTermination volumes with it; its other volumes become available (worker). */
const terminate = stateChangeHandler({
  verb: "terminated",
  move: (state) =>
    state === "shutting-down" || state === "terminated"
      ? "unchanged"
      : {
          to: "shutting-down",
          job: "ec2.instance.terminate",
          change: (_r, now) => ({
            stateTransitionReason: userInitiated(now),
            stateReason: { code: "Client.UserInitiatedShutdown", message: "Client.UserInitiatedShutdown: User initiated shutdown" },
          }),
        },
});

export const terminateInstances: Handler<TerminateInstancesRequest, TerminateInstancesResult> = async (ctx, input) => ({
  TerminatingInstances: await terminate(ctx, input),
});
