/** Structured logs: one JSON line per event, on stderr, so stdout stays for the one startup line. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(enabled: boolean, now: () => number): Logger {
  const write = (level: string, event: string, fields: Record<string, unknown> = {}) => {
    if (!enabled && level !== "error") return;
    process.stderr.write(`${JSON.stringify({ time: new Date(now()).toISOString(), level, event, ...fields })}\n`);
  };
  return {
    info: (event, fields) => write("info", event, fields),
    error: (event, fields) => write("error", event, fields),
  };
}
