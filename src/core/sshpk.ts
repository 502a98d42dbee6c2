import { createRequire } from "node:module";
import type Sshpk from "sshpk";

const load = createRequire(import.meta.url);
let loaded: typeof Sshpk | undefined;

/** sshpk, loaded on first use: it costs a good part of start-up and only key pair calls need it. */
export const sshpk = (): typeof Sshpk => (loaded ??= load("sshpk") as typeof Sshpk);
