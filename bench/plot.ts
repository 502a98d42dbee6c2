/**
 * A small SVG of the growth figures, written by hand (no plotting dependency): p50 latency of each
 * read against state size (log scale), and RSS and cold start against state size, with budgets dashed.
 */
import type { GrowthResult } from "./growth.js";

const W = 1120;
const H = 420;
const PANEL = { top: 50, bottom: 330, width: 330 };
const LEFT_X = 70;
const RIGHT_X = 740;
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const text = (x: number, y: number, s: string, attrs = "") => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(s)}</text>`;
const line = (x1: number, y1: number, x2: number, y2: number, attrs: string) =>
  `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" ${attrs}/>`;
const polyline = (points: [number, number][], color: string, dash = "") =>
  `<polyline fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""} points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ")}"/>` +
  points.map(([x, y]) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${color}"/>`).join("");

interface Axis {
  toY(v: number): number;
  ticks: number[];
  label(v: number): string;
}

function logAxis(min: number, max: number): Axis {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const span = Math.max(1, hi - lo);
  return {
    toY: (v) => PANEL.bottom - ((Math.log10(Math.max(v, 10 ** lo)) - lo) / span) * (PANEL.bottom - PANEL.top),
    ticks: Array.from({ length: span + 1 }, (_, i) => 10 ** (lo + i)),
    label: (v) => (v >= 1 ? String(v) : v.toPrecision(1)),
  };
}

function linearAxis(max: number): Axis {
  const step = max > 400 ? 100 : 50;
  const top = Math.ceil(max / step) * step;
  return {
    toY: (v) => PANEL.bottom - (v / top) * (PANEL.bottom - PANEL.top),
    ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step),
    label: String,
  };
}

function frame(x0: number, axis: Axis, steps: string[], title: string, unit: string): string[] {
  const out = [text(x0, 30, title, 'font-weight="bold"'), line(x0, PANEL.top, x0, PANEL.bottom, 'stroke="#333"'), line(x0, PANEL.bottom, x0 + PANEL.width, PANEL.bottom, 'stroke="#333"')];
  for (const t of axis.ticks) {
    const y = axis.toY(t);
    out.push(line(x0, y, x0 + PANEL.width, y, 'stroke="#e5e5e5"'), text(x0 - 6, y + 4, axis.label(t), 'text-anchor="end"'));
  }
  steps.forEach((s, i) => {
    const x = xOf(x0, i, steps.length);
    for (const [k, part] of s.split(" / ").entries()) out.push(text(x, PANEL.bottom + 18 + k * 14, part, 'text-anchor="middle"'));
  });
  out.push(text(x0 - 8, PANEL.top - 12, unit, 'text-anchor="end"'));
  return out;
}

const xOf = (x0: number, i: number, n: number) => x0 + 30 + (i * (PANEL.width - 60)) / Math.max(1, n - 1);

export function growthSvg(results: GrowthResult[], budgets: { pageP50Ms: number; rssMiB: number; coldStartMs: number }): string {
  const steps = results.map((r) => r.step.label);
  const names = results[0]?.reads.map((r) => r.name) ?? [];
  const p50 = (name: string) => results.map((r) => r.reads.find((x) => x.name === name)!.result.p50Ms);
  const all = names.flatMap(p50);
  const lat = logAxis(Math.min(0.1, ...all), Math.max(budgets.pageP50Ms * 2, ...all));
  const out = frame(LEFT_X, lat, steps, "p50 latency of each read (raw HTTP, concurrency 1)", "ms (log)");
  out.push(line(LEFT_X, lat.toY(budgets.pageP50Ms), LEFT_X + PANEL.width, lat.toY(budgets.pageP50Ms), 'stroke="#d62728" stroke-dasharray="6 4"'));
  out.push(text(LEFT_X + PANEL.width - 4, lat.toY(budgets.pageP50Ms) - 5, `page budget ${budgets.pageP50Ms} ms`, 'text-anchor="end" fill="#d62728"'));
  names.forEach((name, k) => {
    out.push(polyline(p50(name).map((v, i) => [xOf(LEFT_X, i, steps.length), lat.toY(v)]), COLORS[k % COLORS.length]!));
  });
  // Legend between the panels.
  names.forEach((name, k) => {
    const y = PANEL.top + 4 + k * 26;
    out.push(`<rect x="${LEFT_X + PANEL.width + 14}" y="${y - 9}" width="10" height="10" fill="${COLORS[k % COLORS.length]}"/>`);
    const cut = name.search(/, | \(/);
    const [first, rest] = cut < 0 ? [name, ""] : [name.slice(0, cut), name.slice(cut).replace(/^, /, "")];
    out.push(text(LEFT_X + PANEL.width + 30, y, first), text(LEFT_X + PANEL.width + 30, y + 12, rest, 'fill="#555"'));
  });

  const rss = results.map((r) => r.peakRssMiB);
  const cold = results.map((r) => r.coldStartMs);
  const mem = linearAxis(Math.max(budgets.rssMiB, budgets.coldStartMs, ...rss, ...cold) * 1.1);
  out.push(...frame(RIGHT_X, mem, steps, "peak RSS and cold start", "MiB · ms"));
  const budgetLine = (value: number, colour: string, label: string, below: boolean) => {
    out.push(line(RIGHT_X, mem.toY(value), RIGHT_X + PANEL.width, mem.toY(value), `stroke="${colour}" stroke-dasharray="6 4"`));
    out.push(text(RIGHT_X + PANEL.width - 4, mem.toY(value) + (below ? 13 : -5), label, `text-anchor="end" fill="${colour}"`));
  };
  budgetLine(budgets.coldStartMs, "#ff7f0e", `cold start budget ${budgets.coldStartMs} ms`, false);
  budgetLine(budgets.rssMiB, "#1f77b4", `RSS budget 300 MB (${budgets.rssMiB.toFixed(0)} MiB)`, true);
  out.push(polyline(rss.map((v, i) => [xOf(RIGHT_X, i, steps.length), mem.toY(v)]), "#1f77b4"));
  out.push(polyline(cold.map((v, i) => [xOf(RIGHT_X, i, steps.length), mem.toY(v)]), "#ff7f0e", "4 3"));
  const legendY = PANEL.bottom - 40;
  out.push(`<rect x="${RIGHT_X + 10}" y="${legendY}" width="10" height="10" fill="#1f77b4"/>`, text(RIGHT_X + 26, legendY + 9, "peak RSS (MiB)"));
  out.push(`<rect x="${RIGHT_X + 10}" y="${legendY + 16}" width="10" height="10" fill="#ff7f0e"/>`, text(RIGHT_X + 26, legendY + 25, "cold start, median (ms)"));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    ...out,
    text(W / 2, H - 12, "state size: Lightsail instances / snapshots (each of Lightsail instance snapshots and EC2 snapshots), SQLite on disk", 'text-anchor="middle" fill="#555"'),
    "</svg>",
    "",
  ].join("\n");
}
