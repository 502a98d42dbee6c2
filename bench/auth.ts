// Server CPU per call with --auth off and --auth sigv4, measured in the same run on alternating
// servers: `npm run bench:auth [-- --calls N --runs N]`. Each request is signed once by the Smithy
// signer and sent again and again (a signature stays valid for 15 minutes), so the client's signing
// costs nothing here; both servers get the same signed request, so the difference is the server's
// verification.
import { Agent, request } from "node:http";
import { parseArgs } from "node:util";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "../src/server/auth/signature-calculator.js";
import { median, runLoad } from "./load.js";
import { startServer } from "./server.js";

const KEY = { accessKeyId: "AKIABENCHBENCHBENCH0", secretAccessKey: "bench-secret-bench-secret-bench-secret00" };
const KEY_ENV = { SKIFF_ACCESS_KEY_ID: KEY.accessKeyId, SKIFF_SECRET_ACCESS_KEY: KEY.secretAccessKey, SKIFF_ACCOUNT_ID: "123456789012" };

interface Call {
  name: string;
  service: string;
  headers: Record<string, string>;
  body: string;
}

const calls: Call[] = [
  { name: "Lightsail GetInstances (empty page)", service: "lightsail", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Lightsail_20161128.GetInstances" }, body: "{}" },
  { name: "EC2 DescribeKeyPairs (none)", service: "ec2", headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body: "Action=DescribeKeyPairs&Version=2016-11-15" },
];

async function signedHeaders(endpoint: string, call: Call): Promise<Record<string, string>> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials: KEY, region: "us-east-1", service: call.service, sha256: Sha256 });
  const signed = await signer.sign({ method: "POST", protocol: "http:", hostname: url.hostname, port: Number(url.port), path: "/", query: {}, headers: { host: url.host, ...call.headers }, body: call.body });
  return signed.headers;
}

function send(endpoint: string, agent: Agent, headers: Record<string, string>, body: string): Promise<void> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: "POST", path: "/", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`answered ${res.statusCode}`));
      res.resume();
      res.on("end", () => resolve());
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function cpuPerCallUs(mode: "off" | "sigv4", call: Call, count: number): Promise<number> {
  const server = await startServer({ args: ["--auth", mode], env: mode === "sigv4" ? KEY_ENV : {} });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  try {
    // The same signed headers to both servers, so that the difference is verification alone and not
    // also the parsing of the three headers a signature adds.
    const headers = await signedHeaders(server.endpoint, call);
    await runLoad(Math.ceil(count / 5), 16, () => send(server.endpoint, agent, headers, call.body));
    const before = server.cpuMs();
    await runLoad(count, 16, () => send(server.endpoint, agent, headers, call.body));
    return ((server.cpuMs() - before) / count) * 1000;
  } finally {
    agent.destroy();
    await server.stop();
  }
}

const { values } = parseArgs({ options: { calls: { type: "string", default: "20000" }, runs: { type: "string", default: "5" } } });
const count = Number(values.calls);
const runs = Number(values.runs);
const rows: string[] = [];
for (const call of calls) {
  const off: number[] = [];
  const on: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternating, so that a busy moment of the shared machine falls on both.
    off.push(await cpuPerCallUs("off", call, count));
    on.push(await cpuPerCallUs("sigv4", call, count));
  }
  const added = median(on.map((v, i) => v - off[i]!));
  rows.push(`| ${call.name} | ${median(off).toFixed(1)} | ${median(on).toFixed(1)} | ${added.toFixed(1)} | ${(median(on) / median(off)).toFixed(3)} | ${off.map((v) => v.toFixed(0)).join(", ")} / ${on.map((v) => v.toFixed(0)).join(", ")} |`);
}
process.stdout.write(
  [
    `Server CPU per call (µs), ${count} calls at concurrency 16 over raw HTTP keep-alive, median of ${runs} alternating runs each:`,
    "",
    "| call | auth off | auth sigv4 | added (median of pairs) | ratio | runs off / sigv4 |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);
