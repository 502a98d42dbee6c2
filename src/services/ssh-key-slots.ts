import { availableParallelism } from "node:os";
import { createLimiter } from "../core/limiter.js";
import { generateSshKeyAsync, type GeneratedKey } from "../core/ssh-keys.js";

/**
 * RSA keys for new key pairs, made on libuv's thread pool at most one fewer at once than the machine
 * has cores. Four at once (the pool's size) on two cores left the event loop a third of a core:
 * the 40 ms a large request takes became 180–250 ms (the fuzz suite, issue 10). One limit for the
 * process, as the cores are the process's, however many Skiffs it runs.
 */
export const KEY_SLOTS = Math.max(1, availableParallelism() - 1);
export const keySlots = createLimiter(KEY_SLOTS);

export const makeSshKey = (comment: string): Promise<GeneratedKey> => keySlots.run(() => generateSshKeyAsync(comment));
