import type { StopInstancesRequest, StopInstancesResult } from "@aws-sdk/client-ec2";
import type { Handler } from "../../context.js";
import { invalidParameterValue } from "../errors.js";
import { stateChangeHandler, userInitiated } from "./state-changes.js";

const stop = stateChangeHandler(
  {
    verb: "stopped",
    move: (state) =>
      state === "running" || state === "pending"
        ? {
            to: "stopping",
            job: "ec2.instance.stop",
            change: (_r, now) => ({
              stateTransitionReason: userInitiated(now),
              stateReason: { code: "Client.UserInitiatedShutdown", message: "Client.UserInitiatedShutdown: User initiated shutdown" },
            }),
          }
        : state === "stopping" || state === "stopped" ? "unchanged" : "refuse",
  },
  (input) => ({ force: input.Force === true }),
);

export const stopInstances: Handler<StopInstancesRequest, StopInstancesResult> = async (ctx, input) => {
  if (input.Hibernate) throw invalidParameterValue("Skiff's instances are not enabled for hibernation: leave out Hibernate or set it to false.");
  return { StoppingInstances: await stop(ctx, input) };
};
