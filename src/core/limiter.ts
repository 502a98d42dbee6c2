/** At most `slots` pieces of work at once; the others wait in order. */
export interface Limiter {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Work running now (for tests and figures). */
  readonly running: number;
}

export function createLimiter(slots: number): Limiter {
  if (!Number.isInteger(slots) || slots < 1) throw new Error(`a limiter needs at least one slot, not ${slots}`);
  const waiting: (() => void)[] = [];
  let running = 0;
  return {
    get running() {
      return running;
    },
    async run(work) {
      if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await work();
      } finally {
        // The slot passes straight to the next in line, or is freed.
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
