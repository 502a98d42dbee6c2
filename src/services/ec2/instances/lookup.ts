import type { Scope } from "../../../core/scope.js";
import type { Ec2InstanceRecord, VolumeRecord } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import { instancesNotFound } from "../errors.js";
import { recordsByIds } from "../ids.js";

/** The instances of a request's InstanceIds, in the order given; any unknown one fails the call, naming all unknown ones. */
export const instancesByIds = (tx: Tx, scope: Scope, ids: string[]): Promise<Ec2InstanceRecord[]> =>
  recordsByIds(tx.ec2Instances, scope, "instance", ids, instancesNotFound);

/** Volumes attached to an instance, in attachment order. */
export async function attachedVolumes(tx: Tx, scope: Scope, instanceId: string): Promise<VolumeRecord[]> {
  const volumes: VolumeRecord[] = [];
  for await (const { record } of tx.ec2Volumes.scan(scope, { where: { instance_id: instanceId } })) volumes.push(record);
  return volumes;
}
