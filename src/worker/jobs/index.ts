import type { JobHandler } from "../job.js";
import { instanceDestroy } from "./instance-destroy.js";
import { ec2InstanceJobs } from "./ec2-instance-jobs.js";
import { EC2_JOBS } from "./ec2-payloads.js";
import { takeSnapshots } from "./ec2-snapshot-jobs.js";
import { ec2VolumeJobs } from "./ec2-volume-jobs.js";
import { INSTANCE_PORTS_JOB, instancePortsJob } from "./instance-ports.js";
import { bootedAddresses, createMachine, instanceTransition } from "./instance-transition.js";
import { metadataOptionsApplied } from "./metadata-options.js";
import { storageJobHandlers } from "./lightsail-storage.js";

/** Job kinds and what runs them. Handlers enqueue by these names. */
export const jobHandlers: Record<string, JobHandler> = {
  "lightsail.instance.create": instanceTransition("pending", "running", (p, env, record, scope) => createMachine(env, scope, p.name, p.spec!, record), "stopped"),
  "lightsail.instance.start": instanceTransition("pending", "running", async (p, env, record) => {
    await env.driver.start(p.computeId);
    return bootedAddresses(env, record);
  }, "stopped"),
  "lightsail.instance.stop": instanceTransition("stopping", "stopped", (p, { driver }) => driver.stop(p.computeId, { force: !!p.force }), "running"),
  "lightsail.instance.reboot": instanceTransition("running", "running", (p, { driver }) => driver.reboot(p.computeId)),
  "lightsail.instance.delete": instanceDestroy,
  "lightsail.instance.metadata-options": metadataOptionsApplied,
  [INSTANCE_PORTS_JOB]: instancePortsJob,
  ...ec2InstanceJobs,
  ...ec2VolumeJobs,
  [EC2_JOBS.snapshotsTake]: takeSnapshots,
  ...storageJobHandlers,
};
