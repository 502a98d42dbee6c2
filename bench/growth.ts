/**
 * Growth: one SQLite file seeded straight through the store (bench/seed.ts) in steps, and at each
 * step the cold start of a server on that file, the same page reads through the API, and RSS.
 */
import { execFileSync } from "node:child_process";
import { encodePageToken } from "../src/core/paging.js";
import { lightsailCall, rawHttpClient, type BenchRequest } from "./clients.js";
import { median, medianResult, runLoad, type LoadResult } from "./load.js";
import { seed, seeded, type SeedCounts } from "./seed.js";
import { startServer, type ServerOptions } from "./server.js";

export interface GrowthStep extends SeedCounts {
  label: string;
}

/**
 * Instances and snapshots grow together; one instance in ten has a block disk; every EC2 volume has
 * ten snapshots. Each step holds that many Lightsail instance snapshots and as many EC2 snapshots.
 */
export const GROWTH_STEPS: GrowthStep[] = [
  { label: "1k instances / 10k snapshots", instances: 1_000, disks: 100, instanceSnapshots: 10_000, volumes: 1_000, ec2Snapshots: 10_000 },
  { label: "10k instances / 100k snapshots", instances: 10_000, disks: 1_000, instanceSnapshots: 100_000, volumes: 10_000, ec2Snapshots: 100_000 },
  { label: "100k instances / 1M snapshots", instances: 100_000, disks: 10_000, instanceSnapshots: 1_000_000, volumes: 100_000, ec2Snapshots: 1_000_000 },
];

export interface GrowthRead {
  name: string;
  /** Calls per run; reads that scan get fewer (`--growth-calls` for older builds that scan everything). */
  calls: number;
  request: (i: number) => BenchRequest;
}

export interface GrowthResult {
  step: GrowthStep;
  seedSeconds: number;
  dbMiB: number;
  coldStartMs: number;
  coldStarts: number[];
  idleRssMiB: number;
  rssAfterReadsMiB: number;
  peakRssMiB: number;
  reads: { name: string; calls: number; result: LoadResult }[];
}

const PAGE = 100;
const middle = (n: number) => encodePageToken(Math.floor(n / 2));

const describeSnapshots = (filter: { Name: string; Values: string[] }): BenchRequest => ({
  service: "ec2",
  operation: "DescribeSnapshots",
  input: { OwnerIds: ["self"], Filters: [filter], MaxResults: PAGE },
  query: { "Owner.1": "self", "Filter.1.Name": filter.Name, "Filter.1.Value.1": filter.Values[0]!, MaxResults: PAGE },
});

/**
 * The reads measured at each size. Page tokens of the middle of a listing are made with Skiff's own
 * token encoder (a position in creation order); seeded tables start empty, so position n/2 is the middle.
 */
export function growthReads(step: SeedCounts, calls: number, scanCalls: number): GrowthRead[] {
  const spread = (i: number, n: number) => (i * 7919) % n; // many different rows, not one hot row
  return [
    { name: "GetInstance (a different instance each call)", calls, request: (i) => lightsailCall("GetInstance", { instanceName: seeded.instanceName(spread(i, step.instances)) }) },
    { name: "GetInstances, first page", calls, request: () => lightsailCall("GetInstances", {}) },
    { name: "GetInstances, page in the middle", calls, request: () => lightsailCall("GetInstances", { pageToken: middle(step.instances) }) },
    { name: "GetInstanceSnapshots, page in the middle", calls, request: () => lightsailCall("GetInstanceSnapshots", { pageToken: middle(step.instanceSnapshots) }) },
    {
      name: "DescribeSnapshots, volume-id filter (10 match)",
      calls,
      request: (i) => describeSnapshots({ Name: "volume-id", Values: [seeded.volumeId(spread(i, step.volumes))] }),
    },
    { name: "DescribeSnapshots, tag:batch filter (0.1% match)", calls, request: (i) => describeSnapshots({ Name: "tag:batch", Values: [seeded.batchTag(i)] }) },
    { name: "DescribeSnapshots, status filter (all match)", calls, request: () => describeSnapshots({ Name: "status", Values: ["completed"] }) },
    {
      name: "DescribeSnapshots, description filter matching none (unindexed)",
      calls: scanCalls,
      request: () => describeSnapshots({ Name: "description", Values: ["no such description*"] }),
    },
    { name: "DescribeVolumes, first page", calls, request: () => ({ service: "ec2", operation: "DescribeVolumes", input: { MaxResults: PAGE }, query: { MaxResults: PAGE } }) },
  ];
}

export interface GrowthOptions {
  dataDir: string;
  server: ServerOptions;
  steps: GrowthStep[];
  coldStarts: number;
  runs: number;
  calls: number;
  scanCalls: number;
  dbMiB: () => number;
  progress: (line: string) => void;
}

export async function measureGrowth(o: GrowthOptions): Promise<GrowthResult[]> {
  const results: GrowthResult[] = [];
  for (const step of o.steps) {
    const seedStarted = performance.now();
    const reached = await seed(`${o.dataDir}/skiff.db`, step);
    const over = (Object.keys(reached) as (keyof SeedCounts)[]).filter((k) => reached[k] > step[k]);
    if (over.length > 0) throw new Error(`growth: ${o.dataDir}/skiff.db already holds more than ${step.label} (${over.join(", ")}); remove it or give another --growth-dir`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    o.progress(`growth: ${step.label} seeded in ${seedSeconds.toFixed(1)} s (${o.dbMiB().toFixed(0)} MiB)`);
    // The kernel is still writing the seeded gigabytes back: cold starts would measure that, not Skiff.
    execFileSync("sync");

    const coldStarts: number[] = [];
    const idleRss: number[] = [];
    for (let i = 0; i < o.coldStarts; i++) {
      const s = await startServer({ ...o.server, dataDir: o.dataDir });
      coldStarts.push(s.coldStartMs);
      idleRss.push(s.rssMiB());
      await s.stop();
    }

    const server = await startServer({ ...o.server, dataDir: o.dataDir });
    const raw = rawHttpClient(server.endpoint);
    const reads: GrowthResult["reads"] = [];
    try {
      for (const read of growthReads(step, o.calls, o.scanCalls)) {
        const call = (i: number) => raw.send(read.request(i)).then(() => undefined);
        await runLoad(Math.max(1, Math.ceil(read.calls / 10)), 1, call); // warm: this read's code path and pages
        const runs: LoadResult[] = [];
        for (let r = 0; r < o.runs; r++) runs.push(await runLoad(read.calls, 1, call));
        reads.push({ name: read.name, calls: read.calls, result: medianResult(runs) });
        o.progress(`growth: ${step.label}: ${read.name}: p50 ${medianResult(runs).p50Ms.toFixed(3)} ms`);
      }
      results.push({
        step,
        seedSeconds,
        dbMiB: o.dbMiB(),
        coldStartMs: median(coldStarts),
        coldStarts,
        idleRssMiB: median(idleRss),
        rssAfterReadsMiB: server.rssMiB(),
        peakRssMiB: server.peakRssMiB(),
        reads,
      });
    } finally {
      raw.close();
      await server.stop();
    }
  }
  return results;
}
