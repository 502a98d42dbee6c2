import type { Scope } from "../../../core/scope.js";
import type { Narrowing, Positioned, Tx } from "../../../state/store.js";
import { collectPage } from "../paging.js";
import { instancesByIds, attachedVolumes } from "./lookup.js";
import type { InstanceWithVolumes } from "./instance-filters.js";

/**
 * One page of instances (with their volumes) for DescribeInstances and DescribeInstanceStatus:
 * the requested ids (all of which must exist), or every instance of the scope (narrowed by an
 * index when `filtered` says how), that pass `keep`.
 */
export async function instancePage(
  tx: Tx,
  scope: Scope,
  ids: string[],
  keep: (x: InstanceWithVolumes) => boolean,
  limit: number | undefined,
  after: number,
  filtered?: Narrowing,
) {
  const narrow = ids.length > 0 ? { column: "key", values: (await instancesByIds(tx, scope, ids)).map((i) => i.instanceId) } : filtered;
  async function* withVolumes(): AsyncIterable<Positioned<InstanceWithVolumes>> {
    for await (const { seq, record } of tx.ec2Instances.scan(scope, { after, narrow })) {
      yield { seq, record: { instance: record, volumes: await attachedVolumes(tx, scope, record.instanceId) } };
    }
  }
  return collectPage(withVolumes(), keep, limit);
}
