import type { CampaignResult, Finding, FindingKind } from "./run.js";

/** The command that sends one request again, alone, to a fresh Skiff. */
export const replayCommand = (at: string) => `npx tsc -p . && node dist/bench/fuzz.js --replay ${at}`;

export function formatFinding(f: Finding): string {
  const what = [f.family, f.operation].filter(Boolean).join(" ");
  const suspects = f.suspects && f.suspects.length > 1 ? ` (in flight: ${f.suspects.slice(0, 8).join(", ")})` : "";
  const replay = f.at ? `; regenerate: ${replayCommand(f.at)}` : "";
  return `${f.kind}${f.at ? ` at ${f.at}` : ""}${what ? ` [${what}]` : ""}: ${f.detail.slice(0, 600)}${suspects}${replay}`;
}

/** Every finding of a kind, the first few in full. */
export function findingsOf(result: CampaignResult, kind: FindingKind, shown = 5): string {
  const of = result.findings.filter((f) => f.kind === kind);
  const total = result.counts.get(kind) ?? 0;
  if (total === 0) return "";
  return `${total} ${kind} finding(s); first ones:\n${of.slice(0, shown).map((f) => `  - ${formatFinding(f)}`).join("\n")}`;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** The figures of a campaign as a markdown section (docs/benchmarks.md). */
export function markdownReport(result: CampaignResult, command: string, seeds: string): string {
  const rate = result.requests / (result.durationMs / 1000);
  const outcomes = [...result.outcomes].sort((a, b) => b[1] - a[1]);
  const families = [...result.families].sort((a, b) => a[0].localeCompare(b[0]));
  const kinds: FindingKind[] = ["status", "envelope", "dropped", "timeout", "exit", "eventLoop", "eventLoopUnconfirmed", "pollution", "health"];
  const lines = [
    "## Fuzz campaign (issue 10)",
    "",
    "```sh",
    command,
    "```",
    "",
    "| figure | value |",
    "| --- | --- |",
    `| requests | ${result.requests.toLocaleString("en-US")} (${seeds}) |`,
    `| duration | ${(result.durationMs / 1000).toFixed(1)} s |`,
    `| requests/s | ${rate.toFixed(0)} |`,
    `| max event-loop delay | ${result.maxDelayMs.toFixed(1)} ms (monitorEventLoopDelay, resolution 10 ms) |`,
    `| RSS before → after | ${mib(result.rssBeforeBytes)} → ${mib(result.rssAfterBytes)} MiB |`,
    `| process exits | ${result.exits} |`,
    ...kinds.map((k) => `| findings: ${k} | ${result.counts.get(k) ?? 0} |`),
    "",
    "Answers by status and code:",
    "",
    "| answer | count |",
    "| --- | --- |",
    ...outcomes.map(([k, n]) => `| ${k.replace(/\|/g, "\\|")} | ${n.toLocaleString("en-US")} |`),
    "",
    "Requests by mutation family:",
    "",
    families.map(([k, n]) => `${k} ${n.toLocaleString("en-US")}`).join(" · "),
  ];
  const found = result.findings.slice(0, 20).map((f) => `- ${formatFinding(f)}`);
  if (found.length > 0) lines.push("", "First findings:", "", ...found);
  return `${lines.join("\n")}\n`;
}
