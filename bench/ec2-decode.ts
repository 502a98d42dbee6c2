// Time to decode EC2 form bodies with many list members, now and (with --against) with another
// build's decoder in the same run: `npx tsc -p . && node dist/bench/ec2-decode.js [--against <dir>/dist/src/protocol/ec2query/decode.js]`.
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import * as current from "../src/protocol/ec2query/decode.js";
import { ec2 } from "../src/services/ec2/index.js";
import { median } from "./load.js";

type Decoder = Pick<typeof current, "decodeQueryInput" | "parseQueryParams">;

const body = (members: number) =>
  `KeyName=k&${Array.from({ length: members }, (_, i) => `TagSpecification.${i + 1}.ResourceType=key-pair&TagSpecification.${i + 1}.Tag.1.Key=k${i}`).join("&")}`;

/** Median ms to parse and decode CreateKeyPair with `members` tag specifications (an error answer counts: it is what a hostile body gets). */
function timeDecode(decoder: Decoder, members: number, runs: number): number {
  const text = body(members);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    try {
      decoder.decodeQueryInput(ec2.model, ec2.model.operations.CreateKeyPair!.input, decoder.parseQueryParams(text), ec2.inputRules);
    } catch {
      // Refused: the time to refuse is the figure.
    }
    times.push(performance.now() - started);
  }
  return median(times);
}

const { values } = parseArgs({ options: { against: { type: "string" }, runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
const other: Decoder | undefined = values.against ? await import(pathToFileURL(resolve(values.against)).href) : undefined;
const rows = [100, 1000, 2000, 4000].map((members) => {
  const now = timeDecode(current, members, runs);
  const before = other && members <= 4000 ? timeDecode(other, members, members >= 2000 ? 1 : runs) : undefined;
  return `| ${members} | ${(body(members).length / 1024).toFixed(0)} KiB | ${now.toFixed(2)} | ${before === undefined ? "—" : before.toFixed(1)} |`;
});
process.stdout.write(
  ["CreateKeyPair with N tag specifications (2N parameters), parse + decode, median ms:", "", "| N | body | now | --against |", "|---|---|---|---|", ...rows, ""].join("\n"),
);
