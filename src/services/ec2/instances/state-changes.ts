import type { InstanceStateChange } from "@aws-sdk/client-ec2";
import type { Ec2InstanceRecord } from "../../../state/ec2-records.js";
import type { InstanceStateName } from "../../../state/records.js";
import type { Ec2InstanceJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler, RequestContext } from "../../context.js";
import { incorrectInstanceState } from "../errors.js";
import { dryRun } from "../request.js";
import { instancesByIds } from "./lookup.js";
import { toInstanceState } from "./view.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** What one of Start/Stop/Terminate does to an instance in a given state. */
export type Move =
  | { to: InstanceStateName; job: "ec2.instance.start" | "ec2.instance.stop" | "ec2.instance.terminate"; change?: (r: Ec2InstanceRecord, now: number) => Partial<Ec2InstanceRecord> }
  | "unchanged"
  | "refuse";

export interface StateChangeRule {
  /** The verb of EC2's IncorrectInstanceState message: started, stopped, terminated. */
  verb: string;
  move(state: InstanceStateName): Move;
}

/** EC2's StateTransitionReason for a user's request, e.g. `User initiated (2025-03-01 10:11:12 GMT)`. */
export const userInitiated = (now: number) => `User initiated (${new Date(now).toISOString().slice(0, 19).replace("T", " ")} GMT)`;

/**
 * Start/Stop/TerminateInstances: every id must exist and be in a state the action accepts; then each
 * instance moves on (or stays, when already there) and a job asks the driver to follow.
 */
export function stateChangeHandler(
  rule: StateChangeRule,
  payload: (input: { Force?: boolean }) => Partial<Ec2InstanceJob> = () => ({}),
): Handler<{ InstanceIds?: string[]; DryRun?: boolean; Force?: boolean }, InstanceStateChange[]> {
  return async (ctx: RequestContext, input) => {
    const now = ctx.clock.now();
    return ctx.transaction(async (tx) => {
      const instances = await instancesByIds(tx, ctx, input.InstanceIds ?? []);
      const moves = instances.map((r) => ({ r, move: rule.move(r.state) }));
      const refused = moves.find((m) => m.move === "refuse");
      if (refused) throw incorrectInstanceState(refused.r.instanceId, refused.r.state, rule.verb);
      dryRun(input);
      const changes: InstanceStateChange[] = [];
      for (const { r, move } of moves) {
        if (move === "unchanged" || move === "refuse") {
          changes.push({ InstanceId: r.instanceId, PreviousState: toInstanceState(r.state), CurrentState: toInstanceState(r.state) });
          continue;
        }
        await tx.ec2Instances.update(ctx, { ...r, state: move.to, ...move.change?.(r, now) });
        await enqueue(tx, ctx, move.job, { instanceId: r.instanceId, ...payload(input) }, now);
        changes.push({ InstanceId: r.instanceId, PreviousState: toInstanceState(r.state), CurrentState: toInstanceState(move.to) });
      }
      return changes;
    });
  };
}
