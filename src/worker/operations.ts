import type { Scope } from "../core/scope.js";
import type { Tx } from "../state/store.js";

/** Ends Operations that background work has finished: `Succeeded`, or `Failed` with a code and details. */
export async function finishOperations(tx: Tx, scope: Scope, ids: string[], now: number, error?: { code: string; details: string }) {
  for (const id of ids) {
    const op = await tx.operations.get(scope, id);
    if (!op || op.isTerminal) continue;
    await tx.operations.update(scope, {
      ...op,
      isTerminal: true,
      status: error ? "Failed" : "Succeeded",
      statusChangedAt: now,
      ...(error ? { errorCode: error.code, errorDetails: error.details } : {}),
    });
  }
}
