/**
 * The only source of time (ARCHITECTURE rule 2). It follows real time from an offset that the
 * admin API can move forward or set; sleepers wake when either real time or a move reaches them.
 */
export interface Clock {
  now(): number;
  date(): Date;
  /** Resolves once Clock time has moved `ms` on; rejects with the signal's reason if it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  advance(ms: number): void;
  set(epochMs: number): void;
  onChange(listener: () => void): () => void;
  /** How far Clock time is ahead of the host's (what a restart must restore). */
  offset(): number;
}

interface Sleeper {
  until: number;
  wake: () => void;
  timer: NodeJS.Timeout | undefined;
}

/** setTimeout fires at once beyond this (2^31 - 1 ms, about 24.8 days); longer waits re-arm. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The host's real time, for the two things that must not move with the Clock: the Clock itself, and
 * the expiry of request signatures (clients sign with their own real time).
 */
// eslint-disable-next-line no-restricted-properties -- the one place that reads the host's time
export const hostNow = () => Date.now();

/** A clock that starts at `start` (epoch ms), or `offsetMs` ahead of the host's time, or at the host's time. */
export function createClock(start?: number, offsetMs = 0): Clock {
  const real = hostNow;
  let offset = start === undefined ? offsetMs : start - real();
  const sleepers = new Set<Sleeper>();
  const listeners = new Set<() => void>();
  const now = () => real() + offset;
  const arm = (s: Sleeper, t: number) => {
    clearTimeout(s.timer);
    s.timer = setTimeout(wakeDue, Math.min(MAX_TIMER_MS, Math.max(0, s.until - t)));
  };

  function wakeDue() {
    const t = now();
    for (const s of sleepers) {
      if (s.until <= t) {
        clearTimeout(s.timer);
        sleepers.delete(s);
        s.wake();
      } else {
        arm(s, t);
      }
    }
  }

  function moved() {
    wakeDue();
    for (const l of listeners) l();
  }

  return {
    now,
    date: () => new Date(now()),
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (ms <= 0) {
          setImmediate(() => (signal?.aborted ? reject(signal.reason) : resolve()));
          return;
        }
        const onAbort = () => {
          clearTimeout(s.timer);
          sleepers.delete(s);
          reject(signal!.reason);
        };
        const s: Sleeper = {
          until: now() + ms,
          wake: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
          timer: undefined,
        };
        arm(s, now());
        sleepers.add(s);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError("the clock only moves forward");
      offset += ms;
      moved();
    },
    set(epochMs) {
      offset = epochMs - real();
      moved();
    },
    offset: () => offset,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
