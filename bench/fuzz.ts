/**
 * Issue 10's fuzz campaign at full size, or one request of it again.
 *
 *   node dist/bench/fuzz.js [--requests 100000] [--seed N] [--concurrency 16] [--out F.md]
 *     runs requests 0…N-1 of the seed against a fresh Skiff (sim, in memory) in a child process,
 *     prints the markdown section of docs/benchmarks.md (and writes it to F.md), exits 1 on any finding.
 *   node dist/bench/fuzz.js --replay SEED:INDEX [--show 2000]
 *     prints that one request, sends it alone to a fresh Skiff, prints the answer and the verdict.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { requestAt } from "../test/fuzz/generator.js";
import { judge } from "../test/fuzz/oracle.js";
import { formatFinding, markdownReport } from "../test/fuzz/report.js";
import { describeRequest } from "../test/fuzz/request.js";
import { sendAlone } from "../test/fuzz/replay.js";
import { isFailure, runCampaign } from "../test/fuzz/run.js";
import { startWarmChild } from "../test/fuzz/warm.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    concurrency: { type: "string", default: "16" },
    replay: { type: "string" },
    show: { type: "string", default: "2000" },
    out: { type: "string" },
  },
});

async function replay(at: string, show: number) {
  const [seed, index] = at.split(":").map(Number);
  if (!Number.isInteger(seed) || !Number.isInteger(index)) throw new Error(`--replay wants SEED:INDEX, not ${at}`);
  const request = requestAt(seed!, index!);
  console.log(`request ${at} (${request.family}${request.operation ? ` ${request.operation}` : ""}):\n${describeRequest(request, show)}\n`);
  const child = await startWarmChild();
  try {
    const { exchange, delayMs } = await sendAlone(child, at);
    if (exchange.kind === "answer") {
      const a = exchange.answer;
      console.log(`answer in ${exchange.ms.toFixed(1)} ms: ${a.status}\n${[...a.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${a.body.subarray(0, show).toString("utf8")}\n`);
    } else console.log(`no answer: ${JSON.stringify(exchange)}`);
    const verdict = judge(request, exchange);
    console.log(`verdict: ${verdict.outcome}${verdict.failure ? `; FAILS (${verdict.failure.kind}): ${verdict.failure.detail}` : "; passes"}`);
    console.log(`event loop: longest delay ${delayMs.toFixed(1)} ms; process ${child.alive ? "alive" : `exited ${JSON.stringify(child.exited)}`}`);
    for (const bug of child.bugs) console.log(`logged bug: ${bug.error}`);
  } finally {
    await child.stop();
  }
}

async function campaign() {
  const requests = Number(values.requests);
  const seed = Number(values.seed);
  const concurrency = Number(values.concurrency);
  const result = await runCampaign({
    ranges: [{ seed, from: 0, count: requests }],
    concurrency,
    progress: (done, total) => {
      if (done % 5000 === 0) process.stderr.write(`${done}/${total}\n`);
    },
  });
  const command = `node dist/bench/fuzz.js --requests ${requests} --seed ${seed} --concurrency ${concurrency}`;
  const report = markdownReport(result, command, `seed ${seed}, indexes 0–${requests - 1}`);
  console.log(report);
  if (values.out) writeFileSync(values.out, report);
  for (const bug of result.bugs.slice(0, 10)) console.error(`logged bug${bug.operation ? ` ${bug.operation}` : ""}: ${bug.error.split("\n").slice(0, 3).join(" | ")}`);
  if (result.findings.length > 0) console.error(result.findings.map(formatFinding).join("\n"));
  if (result.findings.some(isFailure)) process.exitCode = 1;
}

if (values.replay) await replay(values.replay, Number(values.show));
else await campaign();
