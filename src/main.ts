#!/usr/bin/env node
import { computeDrivers } from "./compute/index.js";
import type { DriverCommand } from "./compute/module.js";
import { ConfigError, optionsFromCommandLine, USAGE } from "./config.js";
import { startSkiff } from "./skiff.js";

/** Sub-commands: Skiff's own and those the drivers bring (`skiff image` of the linux driver). */
const commands = new Map<string, DriverCommand>([
  ["keys", { usage: "", run: async (argv, env) => (await import("./keys-cli.js")).keysCommand(argv, env) }],
  ...[...computeDrivers.values()].flatMap((m) => Object.entries(m.commands)),
]);

async function main() {
  const command = commands.get(process.argv[2] ?? "");
  if (command) process.exit(await command.run(process.argv.slice(3), process.env));
  let options;
  try {
    options = optionsFromCommandLine(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`skiff: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // A bug that escapes a request's own handling is logged; the server goes on answering the others.
  process.on("unhandledRejection", (reason) => {
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: "error", event: "unhandled-rejection", error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason) })}\n`);
  });
  const skiff = await startSkiff(options);
  // The shutdown log line names the signal; a second one (`once`) ends the process at once, as Node
  // does. Listening before the ready line: a client that stops Skiff as soon as it reads the line
  // would otherwise race Node's default action, which ends the process without a shutdown.
  const stop = async (signal: NodeJS.Signals) => {
    await skiff.close(`signal ${signal}`);
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const where = `store ${skiff.store.engine}:${skiff.store.location}`;
  process.stdout.write(
    `Skiff listening on ${skiff.endpoint} (driver ${options.driver}, ${where}, auth ${skiff.auth}); point clients at it: export AWS_ENDPOINT_URL=${skiff.endpoint}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`skiff: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
