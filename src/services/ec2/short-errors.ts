import { AwsError } from "../../core/errors.js";
import type { Handler, OperationTable } from "../context.js";

/**
 * The longest message an EC2 error carries. Messages quote what the client sent (a filter name, a
 * key name, an id); a 4 MB value quoted whole made a 4 MB answer, and escaping it for XML held the
 * event loop up to 150 ms.
 */
export const MAX_MESSAGE_CHARS = 1024;

/** The same error with its message cut to MAX_MESSAGE_CHARS; anything else as it is. */
export function shortened<E>(error: E): E | AwsError {
  if (!(error instanceof AwsError) || error.message.length <= MAX_MESSAGE_CHARS) return error;
  return new AwsError(error.type, `${error.message.slice(0, MAX_MESSAGE_CHARS)}… (${error.message.length} characters in all)`, error.status, error.fields);
}

/** Every handler of the table, throwing its errors shortened. */
export function withShortErrors<Name extends string>(table: OperationTable<Name>): OperationTable<Name> {
  const wrap = (handler: Handler): Handler => async (ctx, input) => {
    try {
      return await handler(ctx, input);
    } catch (e) {
      throw shortened(e);
    }
  };
  const entries = Object.entries(table) as [Name, Handler][];
  return Object.fromEntries(entries.map(([name, h]) => [name, wrap(h)])) as OperationTable<Name>;
}
