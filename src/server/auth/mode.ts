import { isIP } from "node:net";

const isLoopback = (host: string) =>
  host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127.")) || host.startsWith("::ffff:127.");

/**
 * `--auth` when it was not given: off only where nobody else can reach Skiff and nothing real is at
 * stake (a driver without real instances, on loopback). The linux driver runs real instances as
 * root, and another address lets other machines in: there Skiff asks for a decision instead of guessing.
 */
export function authMode(options: { auth?: "off" | "sigv4"; driver: string; realInstances: boolean; host: string }): "off" | "sigv4" {
  if (options.auth) return options.auth;
  if (!options.realInstances && isLoopback(options.host)) return "off";
  const why = options.realInstances ? `the ${options.driver} driver runs real instances` : `${options.host} is not a loopback address`;
  throw new Error(
    `refusing to start without authentication: ${why}, so anyone who reaches the port could use it. ` +
      "Start with --auth sigv4 (create keys with 'skiff keys create --account <12 digits> --admin', or set SKIFF_ACCESS_KEY_ID, " +
      "SKIFF_SECRET_ACCESS_KEY and SKIFF_ACCOUNT_ID), or give --auth off to accept any request.",
  );
}
