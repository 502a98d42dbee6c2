/** What scenarios use to put a server into the state their calls need, through the API and the admin endpoints. */
import { get, request } from "node:http";
import { lightsailCall, REGION, type BenchClient } from "./clients.js";
import type { ServerProcess } from "./server.js";

export const ZONE = `${REGION}a`;
export const CREATE = { availabilityZone: ZONE, blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };

export interface Bench {
  server: ServerProcess;
  raw: BenchClient;
  sdk: BenchClient;
  /** A number never handed out before in this benchmark process: for fresh resource names. */
  serial(): number;
}

function admin(server: ServerProcess, method: "GET" | "POST", path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (res: import("node:http").IncomingMessage) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${method} ${path} answered ${res.statusCode}: ${body}`))));
    };
    const req = method === "GET" ? get(`${server.endpoint}${path}`, done) : request(`${server.endpoint}${path}`, { method }, done);
    req.on("error", reject);
    if (method === "POST") req.end();
  });
}

/** POST /_skiff/reset: nothing left of earlier cells. */
export const reset = (b: Bench) => admin(b.server, "POST", "/_skiff/reset");

/** GET /_skiff/idle: resolves once the worker has finished everything queued (instances running, snapshots taken). */
export const idle = (b: Bench) => admin(b.server, "GET", "/_skiff/idle");

/** Creates Lightsail instances (up to 50 names a call) and waits until they run. */
export async function lightsailInstances(b: Bench, names: string[]) {
  for (let i = 0; i < names.length; i += 50) {
    await b.raw.send(lightsailCall("CreateInstances", { ...CREATE, instanceNames: names.slice(i, i + 50) }));
  }
  await idle(b);
}

export async function instanceSnapshots(b: Bench, instanceName: string, names: string[]) {
  for (const name of names) await b.raw.send(lightsailCall("CreateInstanceSnapshot", { instanceName, instanceSnapshotName: name }));
  await idle(b);
}

/** Launches `count` EC2 instances (each with its root volume) and waits until they run; returns their ids. */
export async function ec2Instances(b: Bench, count: number): Promise<string[]> {
  const images = await b.sdk.send({ service: "ec2", operation: "DescribeImages", input: { Owners: ["amazon"] }, query: {} });
  const image = (images.Images as { ImageId: string; Architecture: string }[]).find((i) => i.Architecture === "x86_64");
  if (!image) throw new Error("DescribeImages listed no x86_64 image");
  const ids: string[] = [];
  for (let left = count; left > 0; left -= 100) {
    const n = Math.min(100, left);
    const reservation = await b.sdk.send({
      service: "ec2", operation: "RunInstances", input: { ImageId: image.ImageId, InstanceType: "t3.micro", MinCount: n, MaxCount: n }, query: {},
    });
    ids.push(...(reservation.Instances as { InstanceId: string }[]).map((i) => i.InstanceId));
  }
  await idle(b);
  return ids;
}

/** One snapshot of every volume of each instance, `rounds` times over; waits until they are completed. */
export async function ec2Snapshots(b: Bench, instanceIds: string[], rounds: number) {
  for (let round = 0; round < rounds; round++) {
    for (const id of instanceIds) {
      await b.sdk.send({ service: "ec2", operation: "CreateSnapshots", input: { InstanceSpecification: { InstanceId: id } }, query: {} });
    }
    await idle(b);
  }
}

/** The root volume of each instance, in the order of the ids given. */
export async function rootVolumes(b: Bench, instanceIds: string[]): Promise<string[]> {
  const byInstance = new Map<string, string>();
  for (let token: string | undefined; ; ) {
    const page = await b.sdk.send({ service: "ec2", operation: "DescribeVolumes", input: { MaxResults: 500, NextToken: token }, query: {} });
    for (const v of page.Volumes as { VolumeId: string; Attachments: { InstanceId: string }[] }[]) {
      if (v.Attachments[0]) byInstance.set(v.Attachments[0].InstanceId, v.VolumeId);
    }
    token = page.NextToken;
    if (!token) break;
  }
  return instanceIds.map((id) => byInstance.get(id)!);
}
