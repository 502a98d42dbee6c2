import type { Scope } from "../../../core/scope.js";
import type { Ec2InstanceRecord, VolumeRecord } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import { instancesNotFound } from "../errors.js";
import { checkIds, unique } from "../ids.js";

/** The instances of a request's InstanceIds, in the order given; any unknown one fails the call, naming all unknown ones. */
export async function instancesByIds(tx: Tx, scope: Scope, ids: string[]): Promise<Ec2InstanceRecord[]> {
  const wanted = unique(checkIds("instance", ids));
  const found = await Promise.all(wanted.map((id) => tx.ec2Instances.get(scope, id)));
  const missing = wanted.filter((_, i) => !found[i]);
  if (missing.length > 0) throw instancesNotFound(missing);
  return found as Ec2InstanceRecord[];
}

/** Volumes attached to an instance, in attachment order. */
export async function attachedVolumes(tx: Tx, scope: Scope, instanceId: string): Promise<VolumeRecord[]> {
  const volumes: VolumeRecord[] = [];
  for await (const { record } of tx.ec2Volumes.scan(scope, { where: { instance_id: instanceId } })) volumes.push(record);
  return volumes;
}
