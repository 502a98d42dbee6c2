import type { DeleteInstanceRequest, DeleteInstanceResult } from "@aws-sdk/client-lightsail";
import type { Handler } from "../../context.js";
import { deleteAutoSnapshotsOf } from "../auto-snapshots/delete-auto-snapshots.js";
import { detachDisksOnInstanceDelete } from "../disks/detach-on-delete.js";
import { findInstance, instanceOperation } from "./lookup.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/**
 * Removes the instance and frees its name at once (GetInstance answers NotFound right after, as
 * Terraform and Ansible expect) and answers with a Succeeded DeleteInstance operation; the driver
 * destroys the machine in the background. Any state is accepted, like EC2's TerminateInstances,
 * so that an instance whose create failed can always be removed. Its add-ons go with it whether
 * or not `forceDeleteAddOns` is set (see GAPS.md). Attached disks are detached, not deleted, and
 * its automatic snapshots are deleted, as the real service does.
 */
export const deleteInstance: Handler<DeleteInstanceRequest, DeleteInstanceResult> = async (ctx, input) => {
  const name = input.instanceName!;
  const operations = await ctx.transaction(async (tx) => {
    const record = await findInstance(tx, ctx, name);
    const now = ctx.clock.now();
    // Throws, and so keeps everything, if a restore is still reading one of its automatic snapshots.
    await deleteAutoSnapshotsOf(tx, ctx, name, now);
    const detaches = await detachDisksOnInstanceDelete(tx, ctx, record, now);
    await tx.instances.delete(ctx, name);
    await tx.names.release(ctx, name);
    const op = await instanceOperation(tx, ctx, now, record, "DeleteInstance", { done: true });
    await enqueue(tx, ctx, "lightsail.instance.delete", { name, computeId: record.computeId, operationIds: [] }, now);
    return [...detaches, op];
  });
  return { operations };
};
