/** Daily schedules at a UTC time of day (`HH:MM`), as automatic snapshots use them. */
export const DAY_MS = 86_400_000;

/** YYYY-MM-DD of an instant, in UTC. */
export const utcDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** The first instant strictly after `after` whose UTC time of day is `timeOfDay`. */
export function nextTimeOfDay(after: number, timeOfDay: string): number {
  const [hours, minutes] = timeOfDay.split(":").map(Number) as [number, number];
  let t = Math.floor(after / DAY_MS) * DAY_MS + (hours * 60 + minutes) * 60_000;
  while (t <= after) t += DAY_MS;
  return t;
}

/** The daily instants from `first` up to `now`, oldest first, at most the newest `keep`. */
export function dueInstants(first: number, now: number, keep: number): number[] {
  if (first > now) return [];
  const count = Math.floor((now - first) / DAY_MS) + 1;
  const skip = Math.max(0, count - keep);
  return Array.from({ length: count - skip }, (_, i) => first + (skip + i) * DAY_MS);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && utcDate(t) === value;
}
