import { runScript } from "../../src/host/exec.js";

/**
 * The writer of the crash-consistency tests and its check: numbered records appended alternately
 * to two disks, each fsync'ed before the next is written. A consistent copy of the pair holds
 * records 1..n exactly once, odd ones on disk A, even ones on disk B: B never holds a record whose
 * predecessor is missing from A (nor the other way round).
 */
export const WRITE_RECORDS = `
  i=0
  while :; do
    i=$((i + 1)); echo "$i" >> /a/log; sync /a/log
    i=$((i + 1)); echo "$i" >> /b/log; sync /b/log
  done`;

export interface Pair {
  a: number[];
  b: number[];
}

/** A record is there when its line is complete: an unsynced, torn tail is what a crash leaves. */
export const records = (text: string) => text.split("\n").slice(0, -1).map(Number);

/** Why the pair is not what one instant of the writer left, or undefined when it is. */
export function inconsistency({ a, b }: Pair): string | undefined {
  const n = Math.max(0, ...a, ...b);
  const want = (parity: number) => Array.from({ length: n }, (_, i) => i + 1).filter((r) => r % 2 === parity);
  if (JSON.stringify(a) !== JSON.stringify(want(1)) || JSON.stringify(b) !== JSON.stringify(want(0))) {
    const missing = [...want(1).filter((r) => !a.includes(r)), ...want(0).filter((r) => !b.includes(r))];
    return `up to record ${n}, missing ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""}`;
  }
  return undefined;
}

/** Mounts two disk images like a rebooted instance would (a journal is replayed) and reads both logs. */
const READ_PAIR = `
a=$1; b=$2; m=$3
mkdir -p "$m/a" "$m/b"
trap 'umount "$m/a" 2>/dev/null; umount "$m/b" 2>/dev/null' EXIT
mount -o loop "$a" "$m/a"
mount -o loop "$b" "$m/b"
cat "$m/a/log" 2>/dev/null || true
echo ---
cat "$m/b/log" 2>/dev/null || true
`;

/** The records on two disk image files (writable copies: mounting may replay a journal). */
export async function readPair(a: string, b: string, mountDir: string): Promise<Pair> {
  const [textA, textB] = (await runScript(READ_PAIR, [a, b, mountDir], { name: "read-pair" })).split("---\n");
  return { a: records(textA!), b: records(textB!) };
}
