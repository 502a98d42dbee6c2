import { serializationError } from "../../core/errors.js";

/**
 * The most JSON values (containers and members) a request body may hold. JSON.parse holds the event
 * loop for all of its work, and its cost is in the values, not the bytes: 4 MiB of `[],` takes
 * 250 ms, 350,000 keys 240 ms, `[[[…]]]` a thousand deep over and over a second. 50,000 values parse
 * in under 30 ms, and a Lightsail request needs a few hundred (10,000-name lists fit).
 */
export const MAX_JSON_VALUES = 50_000;

const STRUCTURAL = /[[{,]/g;

/**
 * Throws a SerializationException when the body has more than MAX_JSON_VALUES values. A quick upper
 * bound first (`[`, `{` and `,` anywhere, inside strings too: native regex speed); only when that
 * is over the limit, the exact count outside strings, which stops as soon as it is over too.
 */
export function checkJsonBudget(text: string) {
  if (text.length <= MAX_JSON_VALUES) return;
  STRUCTURAL.lastIndex = 0;
  let upperBound = 0;
  while (STRUCTURAL.exec(text) !== null) {
    if (++upperBound > MAX_JSON_VALUES) {
      STRUCTURAL.lastIndex = 0;
      if (valuesOutsideStrings(text) > MAX_JSON_VALUES) {
        throw serializationError(`The request body holds more than ${MAX_JSON_VALUES} JSON values; no request needs that many.`);
      }
      return;
    }
  }
}

function valuesOutsideStrings(text: string): number {
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if ((c === 0x5b || c === 0x7b || c === 0x2c) && ++values > MAX_JSON_VALUES) return values;
  }
  return values;
}
