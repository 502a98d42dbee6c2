import type { Scope } from "../../../core/scope.js";
import type { Positioned, Tx } from "../../../state/store.js";
import { collectPage } from "../paging.js";
import { instancesByIds, attachedVolumes } from "./lookup.js";
import type { InstanceWithVolumes } from "./instance-filters.js";

/**
 * One page of instances (with their volumes) for DescribeInstances and DescribeInstanceStatus:
 * the requested ids (all of which must exist), or every instance of the scope, that pass `keep`.
 */
export async function instancePage(
  tx: Tx,
  scope: Scope,
  ids: string[],
  keep: (x: InstanceWithVolumes) => boolean,
  limit: number | undefined,
  after: number,
) {
  const wanted = ids.length > 0 ? new Set((await instancesByIds(tx, scope, ids)).map((i) => i.instanceId)) : undefined;
  async function* withVolumes(): AsyncIterable<Positioned<InstanceWithVolumes>> {
    for await (const { seq, record } of tx.ec2Instances.scan(scope, { after })) {
      if (wanted && !wanted.has(record.instanceId)) continue;
      yield { seq, record: { instance: record, volumes: await attachedVolumes(tx, scope, record.instanceId) } };
    }
  }
  return collectPage(withVolumes(), keep, limit);
}
