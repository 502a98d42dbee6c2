/**
 * The throughput scenarios: each puts a freshly reset server into the state its calls need and
 * returns the call. Every scenario runs through both clients at every concurrency.
 */
import { lightsailCall, type BenchClient, type BenchRequest } from "./clients.js";
import { CREATE, ec2Instances, ec2Snapshots, idle, instanceSnapshots, lightsailInstances, rootVolumes, type Bench } from "./setup.js";

export type Call = (client: BenchClient, i: number) => Promise<unknown>;

export interface Scenario {
  name: string;
  /** Calls per run, full and --quick. Reads are cheap and get more calls, so their runs last about as long. */
  calls: { full: number; quick: number };
  /** What one call is when it is more than one request. */
  note?: string;
  prepare(b: Bench): Promise<Call>;
}

const READS = { full: 4000, quick: 300 };
/** Pages of 100 are 60–150 KB answers, and SDK clients parse them slowly: fewer calls. */
const PAGES = { full: 1000, quick: 100 };
const WRITES = { full: 1500, quick: 150 };
const PAGE = 100;

const one = (request: (i: number) => BenchRequest): Call => (client, i) => client.send(request(i));

/** Names for `count` resources, unique in this benchmark process. */
const names = (b: Bench, prefix: string, count: number) => Array.from({ length: count }, () => `${prefix}-${b.serial()}`);

export const scenarios: Scenario[] = [
  {
    name: "GetInstance",
    calls: READS,
    async prepare(b) {
      await lightsailInstances(b, ["bench-target"]);
      return one(() => lightsailCall("GetInstance", { instanceName: "bench-target" }));
    },
  },
  {
    name: "GetInstances (one page of 100)",
    calls: PAGES,
    async prepare(b) {
      await lightsailInstances(b, names(b, "listed", PAGE + 20));
      return one(() => lightsailCall("GetInstances", {}));
    },
  },
  {
    name: "CreateInstances + DeleteInstance",
    calls: WRITES,
    note: "one call = CreateInstances of one instance, then DeleteInstance of it",
    async prepare(b) {
      await lightsailInstances(b, ["bench-first"]); // makes the region's default key pair, outside the measurement
      return async (client) => {
        const instanceName = `churn-${b.serial()}`;
        await client.send(lightsailCall("CreateInstances", { ...CREATE, instanceNames: [instanceName] }));
        await client.send(lightsailCall("DeleteInstance", { instanceName }));
      };
    },
  },
  {
    name: "TagResource (a write without background work)",
    calls: WRITES,
    async prepare(b) {
      await lightsailInstances(b, ["bench-tagged"]);
      return one((i) => lightsailCall("TagResource", { resourceName: "bench-tagged", tags: [{ key: `k${i % 40}`, value: String(i) }] }));
    },
  },
  {
    name: "CreateInstanceSnapshot",
    calls: WRITES,
    async prepare(b) {
      await lightsailInstances(b, ["bench-source"]);
      return one(() => lightsailCall("CreateInstanceSnapshot", { instanceName: "bench-source", instanceSnapshotName: `snap-${b.serial()}` }));
    },
  },
  {
    name: "GetInstanceSnapshots (one page of 100)",
    calls: PAGES,
    async prepare(b) {
      await lightsailInstances(b, ["bench-source"]);
      await instanceSnapshots(b, "bench-source", names(b, "listed-snap", PAGE + 20));
      return one(() => lightsailCall("GetInstanceSnapshots", {}));
    },
  },
  {
    name: "CreateInstancesFromSnapshot",
    calls: WRITES,
    async prepare(b) {
      await lightsailInstances(b, ["bench-source"]);
      await instanceSnapshots(b, "bench-source", ["bench-snapshot"]);
      return one(() =>
        lightsailCall("CreateInstancesFromSnapshot", {
          instanceSnapshotName: "bench-snapshot", instanceNames: [`restored-${b.serial()}`], availabilityZone: CREATE.availabilityZone, bundleId: CREATE.bundleId,
        }),
      );
    },
  },
  {
    name: "EC2 CreateSnapshots",
    calls: WRITES,
    note: "round-robin over 200 instances of one root volume each (EC2 allows 5 pending snapshots per volume)",
    async prepare(b) {
      const ids = await ec2Instances(b, 200);
      return async (client, i) => {
        const InstanceId = ids[i % ids.length]!;
        await client.send({ service: "ec2", operation: "CreateSnapshots", input: { InstanceSpecification: { InstanceId } }, query: { "InstanceSpecification.InstanceId": InstanceId } });
      };
    },
  },
  {
    name: "DescribeSnapshots (volume-id filter, Owner self)",
    calls: READS,
    note: "200 snapshots of 50 volumes; the filter matches the 4 of one volume",
    async prepare(b) {
      const ids = await ec2Instances(b, 50);
      await ec2Snapshots(b, ids, 4);
      const [volume] = await rootVolumes(b, ids.slice(7, 8));
      return one(() => ({
        service: "ec2",
        operation: "DescribeSnapshots",
        input: { OwnerIds: ["self"], Filters: [{ Name: "volume-id", Values: [volume] }], MaxResults: PAGE },
        query: { "Owner.1": "self", "Filter.1.Name": "volume-id", "Filter.1.Value.1": volume!, MaxResults: PAGE },
      }));
    },
  },
  {
    name: "DescribeVolumes (one page of 100)",
    calls: PAGES,
    async prepare(b) {
      await ec2Instances(b, PAGE + 20);
      await idle(b);
      return one(() => ({ service: "ec2", operation: "DescribeVolumes", input: { MaxResults: PAGE }, query: { MaxResults: PAGE } }));
    },
  },
];
