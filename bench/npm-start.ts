// What a newcomer waits for after `npm install`: `npm start` on a built tree, from spawn() to
// Skiff's "listening on" line, against `npm start` of a project whose start script does nothing
// (npm's and Node's own start-up), in the same run, alternating: `npm run bench:npm-start
// [-- --runs N] [-- --with-dev]`. Budget: at most 1.5 times the empty script. The built server
// started without npm (`node dist/skiff.mjs`) is measured too, for reference, and with --with-dev
// `npm run dev` (build, then start: what `npm start` did before it ran the build as it is).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { median } from "./load.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUDGET = 1.5;

/** ms from spawn() until `ready` (a line on stdout matched) or, without it, until the process exits. */
function timeCommand(command: string, args: string[], cwd: string, ready?: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let took: number | undefined;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      if (ready && took === undefined && ready.test(out)) {
        took = performance.now() - started;
        process.kill(-child.pid!, "SIGTERM");
      }
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (!ready) took = performance.now() - started;
      if (took === undefined) reject(new Error(`${command} ${args.join(" ")} exited (${code}) before it was ready: ${out}`));
      else if (!ready && code !== 0) reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      else resolve(took);
    });
  });
}

const { values } = parseArgs({ options: { runs: { type: "string", default: "9" }, "with-dev": { type: "boolean", default: false } } });
const runs = Number(values.runs);

const empty = mkdtempSync(join(tmpdir(), "skiff-bench-noop-"));
writeFileSync(join(empty, "package.json"), JSON.stringify({ name: "noop", version: "1.0.0", private: true, scripts: { start: "node noop.mjs" } }));
writeFileSync(join(empty, "noop.mjs"), "");

const LISTENING = /listening on http/;
const figures = { npmStart: [] as number[], npmNoop: [] as number[], node: [] as number[], dev: [] as number[] };
try {
  for (let i = 0; i < runs + 1; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), "skiff-bench-"));
    try {
      const serverArgs = ["--data-dir", dataDir, "--port", "0", "--quiet"];
      const npmStart = await timeCommand("npm", ["start", "--silent", "--", ...serverArgs], ROOT, LISTENING);
      const npmNoop = await timeCommand("npm", ["start", "--silent"], empty);
      const node = await timeCommand(process.execPath, [join(ROOT, "dist", "skiff.mjs"), ...serverArgs], ROOT, LISTENING);
      const dev = values["with-dev"] ? await timeCommand("npm", ["run", "dev", "--silent", "--", ...serverArgs], ROOT, LISTENING) : undefined;
      // The first round warms the file cache and is not counted.
      if (i === 0) continue;
      if (dev !== undefined) figures.dev.push(dev);
      figures.npmStart.push(npmStart);
      figures.npmNoop.push(npmNoop);
      figures.node.push(node);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(empty, { recursive: true, force: true });
}

const ms = (v: number) => v.toFixed(0);
const list = (vs: number[]) => vs.map(ms).join(", ");
const ratio = median(figures.npmStart) / median(figures.npmNoop);
console.log(`npm start to the ready line, ${runs} alternating runs each (ms), load ${loadavg().map((l) => l.toFixed(2)).join(" ")}:\n`);
console.log("| command | median | runs |\n|---|---|---|");
console.log(`| \`npm start\` (built tree) → "listening on" | ${ms(median(figures.npmStart))} | ${list(figures.npmStart)} |`);
console.log(`| \`npm start\` of an empty script → exit | ${ms(median(figures.npmNoop))} | ${list(figures.npmNoop)} |`);
console.log(`| \`node dist/skiff.mjs\` → "listening on" | ${ms(median(figures.node))} | ${list(figures.node)} |`);
if (figures.dev.length > 0) console.log(`| \`npm run dev\` (tsc + bundle, then start) → "listening on" | ${ms(median(figures.dev))} | ${list(figures.dev)} |`);
console.log(`\nratio npm start / empty script: ${ratio.toFixed(2)} (budget ≤ ${BUDGET}: ${ratio <= BUDGET ? "met" : "NOT met"})`);
