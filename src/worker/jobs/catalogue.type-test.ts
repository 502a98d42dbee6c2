/**
 * Compile-time checks of the job catalogue, run by `tsc -p .` (the build): each
 * `@ts-expect-error` line must fail to type-check, so if the catalogue stops rejecting a wrong kind
 * or payload, the unused directive breaks the build. Nothing here runs.
 */
import type { Tx } from "../../state/store.js";
import type { JobHandler, JobOrigin } from "../job.js";
import type { JobCatalogue } from "./catalogue.js";
import { enqueue } from "./kinds.js";

export function typeChecks(tx: Tx, origin: JobOrigin, catalogue: JobCatalogue) {
  void enqueue(tx, origin, "lightsail.instance.stop", { name: "a", computeId: "i-1", operationIds: [], force: false }, 0);
  void enqueue(tx, origin, "ec2.snapshot.delete-data", { snapshotId: "snap-1" }, 0);

  // @ts-expect-error an unknown kind
  void enqueue(tx, origin, "lightsail.instance.halt", { name: "a", computeId: "i-1", operationIds: [] }, 0);
  // @ts-expect-error a payload missing a field of its kind (stop needs `force`)
  void enqueue(tx, origin, "lightsail.instance.stop", { name: "a", computeId: "i-1", operationIds: [] }, 0);
  // @ts-expect-error another kind's payload
  void enqueue(tx, origin, "ec2.volume.delete", { snapshotId: "snap-1" }, 0);
  // @ts-expect-error a driver's InstanceSpec is not a job payload
  void enqueue(tx, origin, "lightsail.instance.create", { name: "a", computeId: "i-1", operationIds: [], spec: { id: "i-1" } }, 0);

  const volumeHandler: JobHandler<{ volumeId: string }> = catalogue["ec2.volume.delete"].handler;
  // @ts-expect-error a handler of one payload for a kind of another
  const wrong: JobHandler<{ snapshotId: string }> = catalogue["ec2.volume.delete"].handler;
  // @ts-expect-error a catalogue missing a kind
  const partial: JobCatalogue = { "ec2.volume.delete": catalogue["ec2.volume.delete"] };
  return { volumeHandler, wrong, partial };
}
