/**
 * The only source of time (ARCHITECTURE rule 2). It follows real time from an offset that the
 * admin API can move forward or set; sleepers wake when either real time or a move reaches them.
 */
export interface Clock {
  now(): number;
  date(): Date;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  set(epochMs: number): void;
  onChange(listener: () => void): () => void;
}

interface Sleeper {
  until: number;
  wake: () => void;
  timer: NodeJS.Timeout;
}

export function createClock(start?: number): Clock {
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the host's time
  const real = () => Date.now();
  let offset = start === undefined ? 0 : start - real();
  const sleepers = new Set<Sleeper>();
  const listeners = new Set<() => void>();
  const now = () => real() + offset;

  function wakeDue() {
    const t = now();
    for (const s of sleepers) {
      if (s.until <= t) {
        clearTimeout(s.timer);
        sleepers.delete(s);
        s.wake();
      } else {
        clearTimeout(s.timer);
        s.timer = setTimeout(wakeDue, s.until - t);
      }
    }
    for (const l of listeners) l();
  }

  return {
    now,
    date: () => new Date(now()),
    sleep(ms) {
      if (ms <= 0) return new Promise((r) => setImmediate(r));
      return new Promise((wake) => {
        const until = now() + ms;
        const s: Sleeper = { until, wake, timer: setTimeout(wakeDue, ms) };
        sleepers.add(s);
      });
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError("the clock only moves forward");
      offset += ms;
      wakeDue();
    },
    set(epochMs) {
      offset = epochMs - real();
      wakeDue();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
