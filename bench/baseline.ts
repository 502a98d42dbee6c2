/**
 * What this machine gives any Node program right now, measured in the same run as Skiff so that
 * figures from a busy machine can be read as ratios: `node -e 0` from spawn to exit, and a bare
 * node:http server answering a fixed JSON body (the ceiling of the HTTP layer Skiff is built on).
 */
import { spawn } from "node:child_process";
import { rawHttpClient } from "./clients.js";
import { medianResult, runLoad, type LoadResult } from "./load.js";

/** ms from spawning `node -e 0` to its exit: what any Node program pays before its own code. */
export async function nodeBaselineMs(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve());
  });
  return performance.now() - started;
}

const BARE_SERVER = `
const { createServer } = require("node:http");
const body = JSON.stringify({ instance: { name: "bench-target", state: { code: 16, name: "running" } } });
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "application/x-amz-json-1.1", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

/** A bare node:http server in its own process, loaded by the same raw client at `concurrency`. */
export async function bareHttpBaseline(calls: number, concurrency: number, runs: number): Promise<LoadResult> {
  const child = spawn(process.execPath, ["-e", BARE_SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once("data", (d: Buffer) => resolve(Number(d.toString().trim())));
      child.once("exit", (code) => reject(new Error(`the bare HTTP server exited (${code})`)));
    });
    const client = rawHttpClient(`http://127.0.0.1:${port}`);
    const call = () => client.send({ service: "lightsail", operation: "GetInstance", input: { instanceName: "bench-target" } }).then(() => undefined);
    try {
      await runLoad(Math.ceil(calls / 5), concurrency, call);
      const results: LoadResult[] = [];
      for (let r = 0; r < runs; r++) results.push(await runLoad(calls, concurrency, call));
      return medianResult(results);
    } finally {
      client.close();
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
