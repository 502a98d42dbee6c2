/** The longest filter value Skiff matches (EC2 documents none; tag values are at most 256 characters). */
export const MAX_PATTERN_LENGTH = 256;

const STAR = -1;
const ANY_ONE = -2;

/**
 * An EC2 filter value as a matcher: `*` matches any run of characters, `?` zero or one character,
 * `\` makes the next character literal. It runs the pattern as a set of states over the text's
 * characters, so a match costs at most the text's length times the pattern's, whatever the pattern
 * (a regular expression built from `*a*a*a…` or `????…b` backtracks for minutes).
 */
export function wildcard(pattern: string): (text: string) => boolean {
  const tokens: number[] = [];
  for (let i = 0; i < pattern.length; ) {
    let c = pattern.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    if (c === 0x5c && i < pattern.length) {
      c = pattern.codePointAt(i)!;
      i += c > 0xffff ? 2 : 1;
      tokens.push(c);
    } else if (c === 0x2a) {
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
    } else tokens.push(c === 0x3f ? ANY_ONE : c);
  }
  const m = tokens.length;
  const literals = tokens.filter((t) => t >= 0).length;
  // reach[i]: the furthest state that skipping `*` and `?` tokens leads to from state i.
  const reach = new Int32Array(m + 1);
  reach[m] = m;
  for (let i = m - 1; i >= 0; i--) reach[i] = tokens[i]! < 0 ? reach[i + 1]! : i;
  let current = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);

  const close = (set: Uint8Array) => {
    let upTo = -1;
    for (let i = 0; i <= m; i++) {
      if (i <= upTo) set[i] = 1;
      if (set[i] && reach[i]! > upTo) upTo = reach[i]!;
    }
  };

  return (text: string) => {
    if (literals > text.length) return false;
    current.fill(0);
    current[0] = 1;
    close(current);
    for (let j = 0; j < text.length; ) {
      const c = text.codePointAt(j)!;
      j += c > 0xffff ? 2 : 1;
      next.fill(0);
      let any = false;
      for (let i = 0; i < m; i++) {
        if (!current[i]) continue;
        const t = tokens[i]!;
        if (t === STAR) next[i] = 1;
        else if (t === ANY_ONE || t === c) next[i + 1] = 1;
        else continue;
        any = true;
      }
      if (!any) return false;
      close(next);
      [current, next] = [next, current];
    }
    return current[m] === 1;
  };
}
