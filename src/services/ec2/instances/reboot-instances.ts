import type { RebootInstancesRequest } from "@aws-sdk/client-ec2";
import type { Ec2InstanceJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { incorrectInstanceState } from "../errors.js";
import { dryRun } from "../request.js";
import { instancesByIds } from "./lookup.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** Reboots running instances; they stay `running` throughout, as in EC2. */
export const rebootInstances: Handler<RebootInstancesRequest, void> = async (ctx, input) => {
  const now = ctx.clock.now();
  await ctx.transaction(async (tx) => {
    const instances = await instancesByIds(tx, ctx, input.InstanceIds ?? []);
    const refused = instances.find((r) => r.state !== "running");
    if (refused) throw incorrectInstanceState(refused.instanceId, refused.state, "rebooted");
    dryRun(input);
    for (const r of instances) await enqueue(tx, ctx, "ec2.instance.reboot", { instanceId: r.instanceId }, now);
  });
};
